import { Module, OnModuleInit } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { assertEveryJobHandled, OutboxRelayModule, OutboxRelayService, QueueName } from '@callgrade/queue';
import { markRecordingsQueued, RecordingLifecycle, RecordingsModule } from '@callgrade/recordings';
import { TranscriptsModule } from '@callgrade/transcripts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { ReviewSamplingModule } from '@callgrade/review-sampling';
import { SamplingScheduleWorker } from './sampling-schedule.worker';
import { ScoringWorker } from './scoring.worker';
import { TranscriptionWorker } from './transcription.worker';

/** Background work: relays the outbox to the queues and runs the queue processors. */
@Module({
  imports: [CoreModule, OutboxRelayModule, RecordingsModule, TranscriptsModule, AutoScoringModule, ReviewSamplingModule],
  providers: [TranscriptionWorker, ScoringWorker, SamplingScheduleWorker],
})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelayService,
    private readonly lifecycle: RecordingLifecycle,
    private readonly transcription: TranscriptionWorker,
    private readonly scoring: ScoringWorker,
    private readonly sampling: SamplingScheduleWorker,
  ) {}

  onModuleInit() {
    assertEveryJobHandled([this.transcription, this.scoring, this.sampling]);
    this.relay.onDispatched(QueueName.Transcription, markRecordingsQueued(this.lifecycle));
  }
}
