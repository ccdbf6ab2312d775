export * from './blob-store';
export * from './local-blob.store';
export * from './storage.module';
export * from './s3-blob.store';
