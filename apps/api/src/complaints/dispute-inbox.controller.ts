import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { COMPLAINT_SEVERITIES, ComplaintSeverity } from '@callgrade/complaint-rules';
import { DISPUTE_INBOX_ROLES, DisputeInbox, InboxKind } from '@callgrade/complaints';
import { PageQuery } from '../pagination.query';

const KINDS: InboxKind[] = ['complaint', 'evaluation_dispute'];

class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: InboxKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES }) @IsOptional() @IsIn(COMPLAINT_SEVERITIES) severity?: ComplaintSeverity;
  @ApiPropertyOptional({ description: 'A user id, or none for unassigned items' })
  @IsOptional()
  @ValidateIf((o: InboxQuery) => o.assigneeId !== 'none')
  @IsUUID()
  assigneeId?: string;
  @ApiPropertyOptional({ enum: ['deadline', '-deadline'], default: 'deadline' }) @IsOptional() @IsIn(['deadline', '-deadline']) sort: 'deadline' | '-deadline' =
    'deadline';
}

class InboxItemDto {
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind: InboxKind;
  @ApiProperty({ description: 'The complaint id, or the dispute id' }) @IsUUID() id: string;
}

class AssignDto extends InboxItemDto {
  @ApiProperty() @IsUUID() assigneeId: string;
}

/** The dispute team's one queue: escalated complaints and disputed evaluations, soonest deadline first. */
@ApiTags('dispute-inbox')
@Controller('dispute-inbox')
export class DisputeInboxController {
  constructor(private readonly inbox: DisputeInbox) {}

  @Get()
  @Roles(...DISPUTE_INBOX_ROLES)
  list(@Query() query: InboxQuery) {
    return this.inbox.list(query);
  }

  @Post('claim')
  @HttpCode(204)
  @Roles(...DISPUTE_INBOX_ROLES)
  async claim(@CurrentPrincipal() principal: Principal, @Body() dto: InboxItemDto) {
    await this.inbox.claim(principal, dto.kind, dto.id);
  }

  @Post('assign')
  @HttpCode(204)
  @Roles(...DISPUTE_INBOX_ROLES)
  async assign(@CurrentPrincipal() principal: Principal, @Body() dto: AssignDto) {
    await this.inbox.assign(principal, dto.kind, dto.id, dto.assigneeId);
  }
}
