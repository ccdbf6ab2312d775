import { Module } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { RecordingsModule } from '@callgrade/recordings';
import { RecordingUploadController } from './recording-upload.controller';

/** Receives recordings from phone systems. */
@Module({
  imports: [CoreModule, RecordingsModule],
  controllers: [RecordingUploadController],
})
export class IngestModule {}
