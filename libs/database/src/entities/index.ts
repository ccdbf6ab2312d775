export * from './flat-json';
export * from './api-key.entity';
export * from './audit-event.entity';
export * from './outbox-message.entity';
export * from './recording.entity';
export * from './team.entity';
export * from './transcript.entity';
export * from './user.entity';

import { ApiKeyEntity } from './api-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RecordingEntity } from './recording.entity';
import { TeamEntity } from './team.entity';
import { TranscriptEntity } from './transcript.entity';
import { UserEntity } from './user.entity';

export const ENTITIES = [UserEntity, TeamEntity, ApiKeyEntity, RecordingEntity, OutboxMessageEntity, AuditEventEntity, TranscriptEntity];
