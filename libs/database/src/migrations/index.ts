import { Foundation1795857897469 } from './1795857897469-Foundation';
import { Transcripts1795859723027 } from './1795859723027-Transcripts';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1795857897469, Transcripts1795859723027];
