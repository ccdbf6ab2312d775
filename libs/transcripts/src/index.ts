export * from './recover-lost-jobs.usecase';
export * from './retry-transcription.usecase';
export * from './transcribe-recording.usecase';
export * from './transcript-queries.service';
export * from './transcripts.module';
