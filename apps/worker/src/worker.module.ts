import { Module, OnModuleInit } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { OutboxRelayModule, OutboxRelayService, QueueName } from '@callgrade/queue';
import { markRecordingsQueued } from '@callgrade/recordings';

/** Background work: relays the outbox to the queues (and runs the queue processors). */
@Module({
  imports: [CoreModule, OutboxRelayModule],
})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly relay: OutboxRelayService) {}

  onModuleInit() {
    this.relay.onDispatched(QueueName.Transcription, markRecordingsQueued);
  }
}
