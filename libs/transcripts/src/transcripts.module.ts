import { Module } from '@nestjs/common';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { RecordingStatusService } from './recording-status.service';
import { RetryTranscription } from './retry-transcription.usecase';
import { TranscribeRecording } from './transcribe-recording.usecase';
import { TranscriptQueries } from './transcript-queries.service';

@Module({
  imports: [RecordingsModule, ScorecardsModule],
  providers: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries],
  exports: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries],
})
export class TranscriptsModule {}
