export * from './bootstrap';
export * from './core.module';
export * from './health.service';
export * from './process-safety-net';
