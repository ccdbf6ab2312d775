import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssignmentStatus } from '@callgrade/database';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../pagination.query';

export class ListReviewAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  reviewerId?: string;

  @ApiPropertyOptional({ enum: AssignmentStatus })
  @IsOptional()
  @IsEnum(AssignmentStatus, { message: `status must be one of: ${Object.values(AssignmentStatus).join(', ')}` })
  status?: AssignmentStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

export class ReassignReviewDto {
  @ApiProperty({ description: 'An active QA supervisor or admin, not the agent of the call' })
  @IsUUID()
  reviewerId: string;

  @ApiProperty({ maxLength: 1000, description: 'Why; kept in the audit log' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ default: false, description: "Assign to a supervisor of the agent's own team even though the plan avoids that" })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class CancelReviewDto {
  @ApiProperty({ maxLength: 1000, description: 'Why; kept in the audit log' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}
