import { Module, OnModuleInit } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { assertEveryJobHandled, OutboxRelayModule, OutboxRelayService, QueueName } from '@callgrade/queue';
import { markRecordingsQueued, RecordingLifecycle, RecordingsModule } from '@callgrade/recordings';
import { TranscriptsModule } from '@callgrade/transcripts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { ReviewSamplingModule } from '@callgrade/review-sampling';
import { PrivacyModule } from '@callgrade/privacy';
import { RetentionPurgeWorker } from './retention-purge.worker';
import { LostJobsReconciler } from './lost-jobs.reconciler';
import { SamplingScheduleWorker } from './sampling-schedule.worker';
import { ComplaintsModule } from '@callgrade/complaints';
import { ComplaintDeadlinesWorker } from './complaint-deadlines.worker';
import { ScoringWorker } from './scoring.worker';
import { TranscriptionWorker } from './transcription.worker';

/** Background work: relays the outbox to the queues and runs the queue processors. */
@Module({
  imports: [CoreModule, OutboxRelayModule, RecordingsModule, TranscriptsModule, AutoScoringModule, ReviewSamplingModule, ComplaintsModule, PrivacyModule],
  providers: [TranscriptionWorker, ScoringWorker, SamplingScheduleWorker, ComplaintDeadlinesWorker, RetentionPurgeWorker, LostJobsReconciler],
})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelayService,
    private readonly lifecycle: RecordingLifecycle,
    private readonly transcription: TranscriptionWorker,
    private readonly scoring: ScoringWorker,
    private readonly sampling: SamplingScheduleWorker,
    private readonly complaintDeadlines: ComplaintDeadlinesWorker,
    private readonly retention: RetentionPurgeWorker,
  ) {}

  onModuleInit() {
    assertEveryJobHandled([this.transcription, this.scoring, this.sampling, this.complaintDeadlines, this.retention]);
    this.relay.onDispatched(QueueName.Transcription, markRecordingsQueued(this.lifecycle));
  }
}
