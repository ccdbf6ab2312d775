import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob.store';

@Global()
@Module({
  providers: [{ provide: BlobStore, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalBlobStore(config.storageDir) }],
  exports: [BlobStore],
})
export class StorageModule {}
