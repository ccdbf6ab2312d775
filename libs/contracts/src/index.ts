export * from './client-events';
export * from './error-body';
export * from './evaluation-state';
export * from './page';
export * from './recording-status';
export * from './roles';
