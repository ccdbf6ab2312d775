import { Module } from '@nestjs/common';
import { RecordingAudio } from './recording-audio.service';
import { RecordingLifecycle } from './recording-lifecycle.service';
import { RecordingQueries } from './recording-queries.service';
import { AudioStager, RecordingUploadReader } from './recording-upload.reader';
import { ReceiveRecording } from './receive-recording.usecase';

@Module({
  providers: [RecordingLifecycle, ReceiveRecording, RecordingUploadReader, AudioStager, RecordingQueries, RecordingAudio],
  exports: [RecordingLifecycle, ReceiveRecording, RecordingUploadReader, AudioStager, RecordingQueries, RecordingAudio],
})
export class RecordingsModule {}
