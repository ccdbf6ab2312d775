import type { Timestamp } from './review-sample.types';

export function toEpochMs(timestamp: Timestamp): number {
  return typeof timestamp === 'number' ? timestamp : timestamp.getTime();
}
