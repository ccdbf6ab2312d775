export * from './erase-customer-data.usecase';
export * from './legal-hold.service';
export * from './privacy.module';
export * from './purge-expired-recordings.usecase';
export * from './purge-log.queries';
export * from './recording-purger';
export * from './retention-settings.service';
