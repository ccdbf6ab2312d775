export * from './transcript';
export * from './talk-facts';
