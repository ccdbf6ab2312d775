export * from './retention-rules';
