export * from './outbox-relay.service';
export * from './outbox.relay';
export * from './outbox.writer';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './outbox-relay.module';
export * from './queue-worker';
