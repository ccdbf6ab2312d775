import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgentLeaveView } from '@callgrade/review-sampling';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** A calendar day that exists: the pattern, and ISO 8601 (strict) for Feb 30 and the like. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = (field: string) => ({ message: `${field} must be a date as YYYY-MM-DD` });

export class CreateAgentLeaveDto {
  @ApiProperty()
  @IsUUID()
  agentId: string;

  @ApiProperty({ example: '2025-01-06', description: 'First day away (UTC)' })
  @IsString()
  @Matches(DAY, DAY_MESSAGE('startsOn'))
  @IsISO8601({ strict: true }, DAY_MESSAGE('startsOn'))
  startsOn: string;

  @ApiProperty({ example: '2025-01-10', description: 'Last day away, inclusive; on or after startsOn' })
  @IsString()
  @Matches(DAY, DAY_MESSAGE('endsOn'))
  @IsISO8601({ strict: true }, DAY_MESSAGE('endsOn'))
  endsOn: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListAgentLeavesQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ description: 'Leaves ending on or after this day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE('from'))
  @IsISO8601({ strict: true }, DAY_MESSAGE('from'))
  from?: string;

  @ApiPropertyOptional({ description: 'Leaves starting on or before this day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE('to'))
  @IsISO8601({ strict: true }, DAY_MESSAGE('to'))
  to?: string;
}

export class AgentLeaveResponse {
  @ApiProperty() id: string;
  @ApiProperty() agentId: string;
  @ApiPropertyOptional({ nullable: true }) agentName: string | null;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;

  static from(l: AgentLeaveView): AgentLeaveResponse {
    return { ...l };
  }
}
