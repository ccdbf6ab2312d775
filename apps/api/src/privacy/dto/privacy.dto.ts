import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsDefined, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../pagination.query';

const DAYS = 'whole days from 1 to 36500, or null to keep for ever';

/** Whole days from 1 to 36,500, or null: required, so a change is always explicit. */
const RetentionDays = (field: string, example: number | null, kind: string) => {
  const message = `${field}: required, ${DAYS}`;
  return applyDecorators(
    ApiProperty({ nullable: true, example, description: `${kind}: ${DAYS}` }),
    IsDefined({ message }),
    ValidateIf((_, v) => v !== null),
    IsInt({ message }),
    Min(1, { message }),
    Max(36500, { message }),
  );
};

/** Days after the call to keep each kind; null keeps it for ever. */
export class RetentionSettingsDto {
  @RetentionDays('audioDays', 90, 'audio and its muted copy')
  audioDays: number | null;

  @RetentionDays('transcriptDays', 365, 'transcripts')
  transcriptDays: number | null;

  @RetentionDays('scoreDays', null, 'auto-scores with their evidence')
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
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  recordingId?: string;

  @ApiPropertyOptional({ description: 'One purge run or erasure' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ description: 'Deleted at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Deleted before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ListPurgeLogQuery extends IntersectionType(PageQuery, PurgeLogFilterQuery) {}
