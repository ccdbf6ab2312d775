import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsDefined, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../pagination.query';

const DAYS = 'whole days from 1 to 36500, or null to keep for ever';

/** Days after the call to keep each kind; null keeps it for ever. All three are required, so a change is always explicit. */
export class RetentionSettingsDto {
  @ApiProperty({ nullable: true, example: 90, description: `audio and its muted copy: ${DAYS}` })
  @IsDefined({ message: `audioDays: required, ${DAYS}` })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: `audioDays: ${DAYS}` })
  @Min(1, { message: `audioDays: ${DAYS}` })
  @Max(36500, { message: `audioDays: ${DAYS}` })
  audioDays: number | null;

  @ApiProperty({ nullable: true, example: 365, description: `transcripts: ${DAYS}` })
  @IsDefined({ message: `transcriptDays: required, ${DAYS}` })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: `transcriptDays: ${DAYS}` })
  @Min(1, { message: `transcriptDays: ${DAYS}` })
  @Max(36500, { message: `transcriptDays: ${DAYS}` })
  transcriptDays: number | null;

  @ApiProperty({ nullable: true, example: null, description: `auto-scores with their evidence: ${DAYS}` })
  @IsDefined({ message: `scoreDays: required, ${DAYS}` })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: `scoreDays: ${DAYS}` })
  @Min(1, { message: `scoreDays: ${DAYS}` })
  @Max(36500, { message: `scoreDays: ${DAYS}` })
  scoreDays: number | null;
}

export class LegalHoldDto {
  @ApiProperty({ example: 'Litigation 2026-114' })
  @IsString()
  @MinLength(1, { message: 'reason: required, 1–500 characters' })
  @MaxLength(500, { message: 'reason: required, 1–500 characters' })
  reason: string;
}

export class ErasureDto {
  @ApiProperty({ example: '+442071234567', description: 'The customer number as the phone system sent it with each call' })
  @IsString()
  @MinLength(1, { message: 'customerNumber: required, 1–100 characters' })
  @MaxLength(100, { message: 'customerNumber: required, 1–100 characters' })
  customerNumber: string;
}

class PurgeLogFilterQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  recordingId?: string;

  @ApiPropertyOptional({ description: 'One purge run or erasure' }) @IsOptional() @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ description: 'Deleted at or after (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Deleted before (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class ListPurgeLogQuery extends IntersectionType(PageQuery, PurgeLogFilterQuery) {}
