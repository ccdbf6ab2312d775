import { Module } from '@nestjs/common';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { RecordingStatusService } from './recording-status.service';
import { RecoverLostJobs } from './recover-lost-jobs.usecase';
import { RetryTranscription } from './retry-transcription.usecase';
import { TranscribeRecording } from './transcribe-recording.usecase';
import { TranscriptQueries } from './transcript-queries.service';

@Module({
  imports: [RecordingsModule, ScorecardsModule],
  providers: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries, RecoverLostJobs],
  exports: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries, RecoverLostJobs],
})
export class TranscriptsModule {}
