export * from './flat-json';
export * from './agent-leave.entity';
export * from './calibration.entity';
export * from './complaint.entity';
export * from './evaluation.entity';
export * from './numeric.transformer';
export * from './review-assignment.entity';
export * from './review-settings.entity';
export * from './sampling-plan.entity';
export * from './survey-response.entity';
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
export * from './retention.entity';

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
import { ErasureEntity, PurgeLogEntity, RetentionSettingsVersionEntity } from './retention.entity';
import { AgentLeaveEntity } from './agent-leave.entity';
import { CalibrationParticipantEntity, CalibrationRecordingEntity, CalibrationResponseEntity, CalibrationSessionEntity } from './calibration.entity';
import { ComplaintCategoryEntity, ComplaintEntity, ComplaintEventEntity, ComplaintSettingsEntity } from './complaint.entity';
import { AutoAgreementEntity, EvaluationDisputeEntity, EvaluationEntity, EvaluationEventEntity, EvaluationRevisionEntity } from './evaluation.entity';
import { ReviewAssignmentEntity } from './review-assignment.entity';
import { ReviewSettingsEntity } from './review-settings.entity';
import { SamplingPlanEntity, SamplingRunEntity } from './sampling-plan.entity';
import { SurveyResponseEntity } from './survey-response.entity';

export const ENTITIES = [
  UserEntity,
  TeamEntity,
  ApiKeyEntity,
  RecordingEntity,
  OutboxMessageEntity,
  AuditEventEntity,
  TranscriptEntity,
  ScorecardEntity,
  ScorecardVersionEntity,
  ScoringSettingsVersionEntity,
  AutoScoreEntity,
  ComplaintEntity,
  SurveyResponseEntity,
  AgentLeaveEntity,
  SamplingPlanEntity,
  SamplingRunEntity,
  ReviewAssignmentEntity,
  EvaluationEntity,
  EvaluationRevisionEntity,
  EvaluationEventEntity,
  AutoAgreementEntity,
  EvaluationDisputeEntity,
  ReviewSettingsEntity,
  CalibrationSessionEntity,
  CalibrationRecordingEntity,
  CalibrationParticipantEntity,
  CalibrationResponseEntity,
  ComplaintCategoryEntity,
  ComplaintEventEntity,
  ComplaintSettingsEntity,
  RetentionSettingsVersionEntity,
  PurgeLogEntity,
  ErasureEntity,
];
