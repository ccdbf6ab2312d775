import { Global, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob.store';
import { S3BlobStore } from './s3-blob.store';

/** The blob store chosen by `STORAGE_DRIVER`: local disk under STORAGE_DIR, or an S3-compatible bucket. */
export const blobStoreFor = (config: AppConfig): BlobStore => {
  const s3 = config.s3;
  return s3 ? new S3BlobStore({ ...s3, localDir: config.storageDir }) : new LocalBlobStore(config.storageDir);
};

/** How long a staged file may sit unwritten before start-up takes it for a crashed upload's leftover. */
export const STAGING_IDLE_MS = 10 * 60 * 1000;

/** On start, clears what uploads interrupted by a crash left in staging. */
@Injectable()
export class StagingSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger('Storage');

  constructor(private readonly blobs: BlobStore) {}

  async onApplicationBootstrap() {
    const removed = await this.blobs.sweepStaging(STAGING_IDLE_MS);
    if (removed) this.logger.warn(`Removed ${removed} staged file(s) left by interrupted uploads`);
  }
}

@Global()
@Module({
  providers: [{ provide: BlobStore, inject: [AppConfig], useFactory: blobStoreFor }, StagingSweeper],
  exports: [BlobStore],
})
export class StorageModule {}
