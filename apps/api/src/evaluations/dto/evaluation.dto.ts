import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CriterionAnswer } from '@callgrade/scoring';
import { EvaluationState } from '@callgrade/database';
import { PageQuery } from '../../pagination.query';

const ANSWERS_DOC = {
  type: 'object',
  additionalProperties: { type: 'object' },
  example: { empathy: { kind: 'scale', value: 4 }, greeting: { kind: 'yes' }, 'hold-etiquette': { kind: 'na' } },
  description:
    'criterion id → { kind: "yes" | "no" | "na" } or { kind: "scale", value }. Auto criteria already carry the automatic answer; answering one records ' +
    'whether you agree, and a different answer is an override that needs a reason in overrideReasons.',
} as const;

export class StartEvaluationDto {
  @ApiPropertyOptional({ description: 'The assignment to evaluate (from your queue)' })
  @ValidateIf((o: StartEvaluationDto) => !o.recordingId)
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({ description: 'Or a call nobody assigned: it is assigned to you first' })
  @ValidateIf((o: StartEvaluationDto) => !o.assignmentId)
  @IsUUID()
  recordingId?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why this call is evaluated (ad-hoc evaluations)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class EvaluationInputDto {
  @ApiProperty(ANSWERS_DOC)
  @IsObject()
  answers: Record<string, CriterionAnswer>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'criterion id → why the automatic result is wrong' })
  @IsOptional()
  @IsObject()
  overrideReasons?: Record<string, string>;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Comments anchored to a time in the call: [{ atMs, text, criterionId? }]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  comments?: unknown[];

  @ApiPropertyOptional({ maxLength: 4000, description: 'Overall feedback to the agent' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

/** Submitting without answers submits the saved draft. */
export class SubmitEvaluationDto {
  @ApiPropertyOptional(ANSWERS_DOC)
  @IsOptional()
  @IsObject()
  answers?: Record<string, CriterionAnswer>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  overrideReasons?: Record<string, string>;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  comments?: unknown[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DisputeDto {
  @ApiProperty({ type: [String], description: 'The criteria the agent disagrees with' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  criteria: string[];

  @ApiProperty({ minLength: 3, maxLength: 4000 })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: ['upheld', 'amended'] })
  @IsIn(['upheld', 'amended'])
  outcome: 'upheld' | 'amended';

  @ApiProperty({ minLength: 3, maxLength: 4000, description: 'Why: shown to the agent and kept in the history' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional({ ...ANSWERS_DOC, description: 'Amended: only the answers that change' })
  @ValidateIf((o: ResolveDisputeDto) => o.outcome === 'amended')
  @IsObject()
  answers?: Record<string, CriterionAnswer>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  overrideReasons?: Record<string, string>;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  comments?: unknown[];
}

export class EvaluationListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() agentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() reviewerId?: string;
  @ApiPropertyOptional({ enum: EvaluationState }) @IsOptional() @IsIn(Object.values(EvaluationState)) state?: EvaluationState;
  @ApiPropertyOptional({ description: 'Submitted at or after (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'Submitted before (ISO 8601)' }) @IsOptional() @IsDateString() to?: string;
}

export class DisputeQueueQuery {
  @ApiPropertyOptional({ enum: ['open', 'upheld', 'amended'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'upheld', 'amended'])
  status: 'open' | 'upheld' | 'amended' = 'open';

  @ApiPropertyOptional({ description: 'true: only disputes assigned to me' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}
