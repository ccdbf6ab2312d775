export * from './flat-json';
export * from './api-key.entity';
export * from './auto-score.entity';
export * from './audit-event.entity';
export * from './outbox-message.entity';
export * from './recording.entity';
export * from './scorecard.entity';
export * from './scoring-settings-version.entity';
export * from './team.entity';
export * from './transcript.entity';
export * from './user.entity';

import { ApiKeyEntity } from './api-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RecordingEntity } from './recording.entity';
import { TeamEntity } from './team.entity';
import { TranscriptEntity } from './transcript.entity';
import { AutoScoreEntity } from './auto-score.entity';
import { ScorecardEntity, ScorecardVersionEntity } from './scorecard.entity';
import { ScoringSettingsVersionEntity } from './scoring-settings-version.entity';
import { UserEntity } from './user.entity';

export const ENTITIES = [UserEntity, TeamEntity, ApiKeyEntity, RecordingEntity, OutboxMessageEntity, AuditEventEntity, TranscriptEntity,
  ScorecardEntity, ScorecardVersionEntity, ScoringSettingsVersionEntity, AutoScoreEntity];
