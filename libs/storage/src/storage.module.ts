import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob.store';
import { S3BlobStore } from './s3-blob.store';

/** The blob store chosen by `STORAGE_DRIVER`: local disk under STORAGE_DIR, or an S3-compatible bucket. */
export const blobStoreFor = (config: AppConfig): BlobStore => {
  const s3 = config.s3;
  return s3 ? new S3BlobStore({ ...s3, localDir: config.storageDir }) : new LocalBlobStore(config.storageDir);
};

@Global()
@Module({
  providers: [{ provide: BlobStore, inject: [AppConfig], useFactory: blobStoreFor }],
  exports: [BlobStore],
})
export class StorageModule {}
