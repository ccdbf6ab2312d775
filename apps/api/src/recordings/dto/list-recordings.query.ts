import { ApiPropertyOptional } from '@nestjs/swagger';
import { RecordingStatus } from '@callgrade/database';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../pagination.query';

export class ListRecordingsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ enum: RecordingStatus })
  @IsOptional()
  @IsEnum(RecordingStatus, { message: `status must be one of: ${Object.values(RecordingStatus).join(', ')}` })
  status?: RecordingStatus;

  @ApiPropertyOptional({ description: 'Calls started at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Calls started before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
