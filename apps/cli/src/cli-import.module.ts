import { Module } from '@nestjs/common';
import { CoreModule } from '@callgrade/core';
import { RecordingsModule } from '@callgrade/recordings';
import { ImportCommand } from './import-command';
import { RowImporter } from './import-row';
import { ImportUploader } from './import-uploader';

/** What `npm run import` needs: the shared core and the recording use cases, no HTTP server. */
@Module({
  imports: [CoreModule, RecordingsModule],
  providers: [ImportCommand, RowImporter, ImportUploader],
})
export class CliImportModule {}
