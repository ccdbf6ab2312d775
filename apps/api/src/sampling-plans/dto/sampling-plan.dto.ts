import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { SamplingPeriodKind } from '@callgrade/database';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const RULES_DOC = {
  type: 'array',
  items: { type: 'object', additionalProperties: true },
  description:
    'Targeted rules, applied in order on top of the random quota (earlier rules win when a call matches several). Each is { id, kind, maxPerAgent? } plus: ' +
    'auto_score_below { threshold 0-100 }: auto-score strictly below, lowest first; critical_auto_failure {}; linked_complaint {}; ' +
    'low_csat { threshold 1-5 }: CSAT at or below, lowest first; long_call { minDurationSec } or { percentileOfAgent 0-100 }: longest first. ' +
    'Problems come back as 422 naming the field, e.g. `targetedRules[1].threshold`.',
  example: [
    { id: 'low-auto-score', kind: 'auto_score_below', threshold: 40, maxPerAgent: 2 },
    { id: 'critical', kind: 'critical_auto_failure' },
    { id: 'complaint', kind: 'linked_complaint' },
    { id: 'unhappy', kind: 'low_csat', threshold: 2, maxPerAgent: 1 },
    { id: 'unusually-long', kind: 'long_call', percentileOfAgent: 95, maxPerAgent: 1 },
  ],
} as const;

export class CreateSamplingPlanDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: SamplingPeriodKind, description: 'UTC days, ISO weeks (from Monday) or calendar months' })
  @IsEnum(SamplingPeriodKind, { message: `period must be one of: ${Object.values(SamplingPeriodKind).join(', ')}` })
  period: SamplingPeriodKind;

  @ApiProperty({ minimum: 0, maximum: 1000, description: 'Calls picked at random per agent and period, spread over the period (one per time stratum)' })
  @IsInt()
  @Min(0)
  @Max(1000)
  quotaPerAgent: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Calls shorter than this are never picked' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  minDurationSec?: number;

  @ApiPropertyOptional({ type: [String], description: 'Only calls made in these teams; none means every team' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional(RULES_DOC)
  @IsOptional()
  @IsArray()
  targetedRules?: Record<string, unknown>[];

  @ApiProperty({ type: [String], description: 'Active QA supervisors or admins the picks are shared between, by their open work' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  reviewerIds: string[];

  @ApiPropertyOptional({ default: true, description: "Never assign a call to a supervisor of the agent's own team" })
  @IsOptional()
  @IsBoolean()
  avoidOwnSupervisor?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Run automatically for each completed period' })
  @IsOptional()
  @IsBoolean()
  scheduleEnabled?: boolean;
}

export class UpdateSamplingPlanDto extends PartialType(OmitType(CreateSamplingPlanDto, ['description'] as const)) {
  @ApiPropertyOptional({ maxLength: 2000, nullable: true, description: 'null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

export class ListSamplingPlansQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;
}

export class RunSamplingDto {
  @ApiPropertyOptional({ description: "Start of the period (ISO 8601). Default: the plan's previous complete period. Alone, the plan's period containing it." })
  @IsOptional()
  @IsISO8601({ strict: true })
  periodStart?: string;

  @ApiPropertyOptional({ description: 'End of the period, exclusive (ISO 8601); needs periodStart' })
  @IsOptional()
  @IsISO8601({ strict: true })
  periodEnd?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Default: derived from the plan and the period start, so the same data gives the same picks' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  seed?: string;
}
