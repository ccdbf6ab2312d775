import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../pagination.query';

/** Which audit events to read; every filter is optional and they combine with AND. */
export class AuditEventsFilterQuery {
  @ApiPropertyOptional({ description: 'The user or API key that acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'recording.audio.read' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_.]+$/, { message: 'action: lower-case words joined by dots, e.g. recording.audio.read' })
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_]+$/, { message: 'resourceType: lower-case words joined by underscores, e.g. scoring_settings' })
  resourceType?: string;

  @ApiPropertyOptional({ description: 'Events about this recording (plays, downloads, holds, purges)' })
  @IsOptional()
  @IsUUID()
  recordingId?: string;

  @ApiPropertyOptional({ description: 'Events at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Events before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** A page of the filtered log. */
export class ListAuditEventsQuery extends IntersectionType(PageQuery, AuditEventsFilterQuery) {}
