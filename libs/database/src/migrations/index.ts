import { Foundation1795857897469 } from './1795857897469-Foundation';
import { Transcripts1795859723027 } from './1795859723027-Transcripts';
import { Scoring1795860767831 } from './1795860767831-Scoring';
import { ReviewWorkflow1795867454855 } from './1795867454855-ReviewWorkflow';
import { AuditLogReaders1796221406163 } from './1796221406163-AuditLogReaders';
import { Complaints1796221485742 } from './1796221485742-Complaints';
import { RetentionAndPrivacy1796221610485 } from './1796221610485-RetentionAndPrivacy';
import { AnonymousAuditActor1796222452454 } from './1796222452454-AnonymousAuditActor';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  Foundation1795857897469,
  Transcripts1795859723027,
  Scoring1795860767831,
  ReviewWorkflow1795867454855,
  AuditLogReaders1796221406163,
  Complaints1796221485742,
  RetentionAndPrivacy1796221610485,
  AnonymousAuditActor1796222452454,
];
