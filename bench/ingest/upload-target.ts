import { NodeChild } from '../support/child-process';

/** A server the ingest benchmark uploads to: the real platform, or the bare baseline. */
export interface UploadTarget {
  name: 'platform' | 'baseline';
  process: NodeChild;
  url: URL;
  /** Processes working for this server whose CPU time counts too (the platform's PostgreSQL backends). */
  helperPids?: () => Promise<number[]>;
}
