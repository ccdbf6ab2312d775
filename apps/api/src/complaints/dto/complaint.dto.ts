import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  COMPLAINT_MOVES,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATES,
  ComplaintMove,
  ComplaintOutcome,
  ComplaintSeverity,
  ComplaintState,
} from '@callgrade/complaint-rules';
import { COMPLAINT_CHANNELS, ComplaintChannel } from '@callgrade/database';
import { PageQuery } from '../../pagination.query';

// Lengths and characters of free text are checked by the complaint rules, which name the field.
export class LogComplaintDto {
  @ApiPropertyOptional({
    description: 'Your id for the complaint: posting it again with the same body returns the same complaint (200); with another body, 409',
  })
  @IsOptional()
  @IsString()
  externalId?: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @ApiProperty({ description: 'The customer’s account or ticket reference (never a card number); shown masked in lists and exports' })
  @IsString()
  customerReference: string;

  @ApiPropertyOptional({ description: 'The call, by its Callgrade id' })
  @IsOptional()
  @IsUUID()
  recordingId?: string;

  @ApiPropertyOptional({ description: 'Or by the phone system’s call id (the upload’s externalId)' })
  @IsOptional()
  @IsString()
  callId?: string;

  @ApiPropertyOptional({ description: 'The agent, when no call is given; otherwise taken from the call' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'Or the category’s key, e.g. rudeness' })
  @IsOptional()
  @IsString()
  categoryKey?: string;

  @ApiProperty({ enum: COMPLAINT_SEVERITIES })
  @IsIn(COMPLAINT_SEVERITIES)
  severity: ComplaintSeverity;

  @ApiProperty({ maxLength: 10000, description: 'Stored as text; never rendered as HTML' })
  @IsString()
  description: string;

  @ApiPropertyOptional({ description: 'When the customer complained (ISO 8601); default now. Deadlines run from here' })
  @IsOptional()
  @IsDateString()
  receivedAt?: string;
}

export class MoveComplaintDto {
  @ApiProperty({ enum: COMPLAINT_MOVES })
  @IsIn(COMPLAINT_MOVES)
  move: ComplaintMove;

  @ApiProperty({ description: 'The version you read; a stale one is refused with 409 and the current version' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  note?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_OUTCOMES, description: 'resolve only' })
  @IsOptional()
  @IsIn(COMPLAINT_OUTCOMES)
  outcome?: ComplaintOutcome;

  @ApiPropertyOptional({ description: 'resolve only' })
  @IsOptional()
  @IsString()
  remedy?: string;

  @ApiPropertyOptional({ description: 'resolve only: what the customer was told' })
  @IsOptional()
  @IsString()
  customerTold?: string;
}

export class UpdateComplaintDto {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409 and the current version' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES, description: 'sets the deadlines again from when the complaint was received' })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  note?: string;
}

export class AgentAccountDto {
  @ApiProperty({ maxLength: 10000 })
  @IsString()
  account: string;
}

export class ComplaintListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATES }) @IsOptional() @IsIn(COMPLAINT_STATES) state?: ComplaintState;
  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES }) @IsOptional() @IsIn(COMPLAINT_SEVERITIES) severity?: ComplaintSeverity;
  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'Exact customer reference as given' }) @IsOptional() @IsString() customerReference?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) breached?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Received from (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'Received before (ISO 8601)' }) @IsOptional() @IsDateString() to?: string;
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'rudeness' }) @IsString() key: string;
  @ApiProperty({ example: 'Rudeness' }) @IsString() labelEn: string;
  @ApiProperty({ example: '态度恶劣' }) @IsString() labelZh: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) position?: number;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() labelEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() labelZh?: string;
  @ApiPropertyOptional({ description: 'false retires it: no new complaints, old ones keep it' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) position?: number;
}

export class CategoryListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) includeRetired?: 'true' | 'false';
}

class SeverityDeadlinesDto {
  @ApiProperty() @IsInt() firstResponseMinutes: number;
  @ApiProperty() @IsInt() resolutionMinutes: number;
}

class DeadlinesDto {
  @ApiProperty() @ValidateNested() @Type(() => SeverityDeadlinesDto) low: SeverityDeadlinesDto;
  @ApiProperty() @ValidateNested() @Type(() => SeverityDeadlinesDto) medium: SeverityDeadlinesDto;
  @ApiProperty() @ValidateNested() @Type(() => SeverityDeadlinesDto) high: SeverityDeadlinesDto;
  @ApiProperty() @ValidateNested() @Type(() => SeverityDeadlinesDto) critical: SeverityDeadlinesDto;
}

class BusinessHoursDto {
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: '0 Sunday … 6 Saturday' }) @IsInt({ each: true }) days: number[];
  @ApiProperty({ example: '09:00' }) @Matches(/^\d\d:\d\d$/) start: string;
  @ApiProperty({ example: '18:00' }) @Matches(/^\d\d:\d\d$/) end: string;
  @ApiProperty({ example: ['2026-10-01'] }) @IsString({ each: true }) holidays: string[];
}

export class ComplaintSettingsDto {
  @ApiProperty({ enum: ['business', 'calendar'] }) @IsIn(['business', 'calendar']) clock: 'business' | 'calendar';
  @ApiProperty({ example: 'Asia/Shanghai' }) @IsString() timeZone: string;
  @ApiProperty() @IsObject() @ValidateNested() @Type(() => BusinessHoursDto) businessHours: BusinessHoursDto;
  @ApiProperty({ description: 'Minutes per severity, counted in business or calendar time' })
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlinesDto)
  deadlines: DeadlinesDto;
  @ApiProperty() @IsInt() reopenWindowHours: number;
  @ApiProperty({ description: 'Calendar hours the dispute team has for an agent’s dispute of an evaluation' }) @IsInt() disputeResolutionHours: number;
}
