export * from './audit-log.service';
export * from './audit-queries.service';
export * from './audit.module';
export * from './csv';
