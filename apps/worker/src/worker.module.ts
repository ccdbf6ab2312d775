import { Module, OnModuleInit } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { EventPublisher } from '@callgrade/events';
import { OutboxRelayModule, OutboxRelayService, QueueName } from '@callgrade/queue';
import { markRecordingsQueued } from '@callgrade/recordings';
import { TranscriptsModule } from '@callgrade/transcripts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { ReviewSamplingModule } from '@callgrade/review-sampling';
import { PrivacyModule } from '@callgrade/privacy';
import { RetentionPurgeWorker } from './retention-purge.worker';
import { SamplingScheduleWorker } from './sampling-schedule.worker';
import { ComplaintsModule } from '@callgrade/complaints';
import { ComplaintDeadlinesWorker } from './complaint-deadlines.worker';
import { ScoringWorker } from './scoring.worker';
import { TranscriptionWorker } from './transcription.worker';

/** Background work: relays the outbox to the queues and runs the queue processors. */
@Module({
  imports: [CoreModule, OutboxRelayModule, TranscriptsModule, AutoScoringModule, ReviewSamplingModule, ComplaintsModule, PrivacyModule],
  providers: [TranscriptionWorker, ScoringWorker, SamplingScheduleWorker, ComplaintDeadlinesWorker, RetentionPurgeWorker],
})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelayService,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit() {
    this.relay.onDispatched(QueueName.Transcription, markRecordingsQueued(this.events));
  }
}
