export * from './logging.module';
export * from './metrics';
export * from './metrics-access';
export * from './observability.module';
export * from './request-context';
