import { Module } from '@nestjs/common';
import { RecordingAudio } from './recording-audio.service';
import { RecordingQueries } from './recording-queries.service';
import { AudioStager, RecordingUploadReader } from './recording-upload.reader';
import { ReceiveRecording } from './receive-recording.usecase';

@Module({
  providers: [ReceiveRecording, RecordingUploadReader, AudioStager, RecordingQueries, RecordingAudio],
  exports: [ReceiveRecording, RecordingUploadReader, AudioStager, RecordingQueries, RecordingAudio],
})
export class RecordingsModule {}
