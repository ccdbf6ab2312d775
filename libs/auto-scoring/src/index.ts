export * from './auto-score-queries.service';
export * from './auto-scoring.module';
export * from './request-rescore.usecase';
export * from './score-recording.usecase';
