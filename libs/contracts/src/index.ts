export * from './recording-status';
