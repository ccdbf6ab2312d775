import { Module } from '@nestjs/common';
import { RecordingsModule } from '@callgrade/recordings';
import { RecordingStatusService } from './recording-status.service';
import { RetryTranscription } from './retry-transcription.usecase';
import { TranscribeRecording } from './transcribe-recording.usecase';
import { TranscriptQueries } from './transcript-queries.service';

@Module({
  imports: [RecordingsModule],
  providers: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries],
  exports: [RecordingStatusService, TranscribeRecording, RetryTranscription, TranscriptQueries],
})
export class TranscriptsModule {}
