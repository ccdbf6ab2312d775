export * from './client-events';
export * from './event-publisher.service';
export * from './events.module';
