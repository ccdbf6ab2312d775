import { Module, OnModuleInit } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { EventPublisher } from '@callgrade/events';
import { OutboxRelayModule, OutboxRelayService, QueueName } from '@callgrade/queue';
import { markRecordingsQueued } from '@callgrade/recordings';
import { TranscriptsModule } from '@callgrade/transcripts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { ReviewSamplingModule } from '@callgrade/review-sampling';
import { LostJobsReconciler } from './lost-jobs.reconciler';
import { SamplingScheduleWorker } from './sampling-schedule.worker';
import { ScoringWorker } from './scoring.worker';
import { TranscriptionWorker } from './transcription.worker';

/** Background work: relays the outbox to the queues and runs the queue processors. */
@Module({
  imports: [CoreModule, OutboxRelayModule, TranscriptsModule, AutoScoringModule, ReviewSamplingModule],
  providers: [TranscriptionWorker, ScoringWorker, SamplingScheduleWorker, LostJobsReconciler],
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
