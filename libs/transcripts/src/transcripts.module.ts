import { Module } from '@nestjs/common';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { RecoverLostJobs } from './recover-lost-jobs.usecase';
import { RetryTranscription } from './retry-transcription.usecase';
import { TranscribeRecording } from './transcribe-recording.usecase';
import { TranscriptQueries } from './transcript-queries.service';

@Module({
  imports: [RecordingsModule, ScorecardsModule],
  providers: [TranscribeRecording, RetryTranscription, TranscriptQueries, RecoverLostJobs],
  exports: [TranscribeRecording, RetryTranscription, TranscriptQueries, RecoverLostJobs],
})
export class TranscriptsModule {}
