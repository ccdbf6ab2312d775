import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowApiKey, CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { CALL_READER_ROLES, UserRole } from '@callgrade/database';
import { COMPLAINT_HANDLERS, ComplaintQueries, GiveAgentAccount, LogComplaint, MoveComplaint, UpdateComplaint } from '@callgrade/complaints';
import { IdParam } from '@callgrade/http';
import { AgentAccountDto, ComplaintListQuery, LogComplaintDto, MoveComplaintDto, UpdateComplaintDto } from './dto/complaint.dto';

/** Customer complaints: logged against a call, moved through their states, with deadlines and history. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly logging: LogComplaint,
    private readonly moves: MoveComplaint,
    private readonly updates: UpdateComplaint,
    private readonly accounts: GiveAgentAccount,
    private readonly queries: ComplaintQueries,
  ) {}

  /** 201 new; 200 when the same externalId and body came before. */
  @Post()
  @Roles(...COMPLAINT_HANDLERS)
  @AllowApiKey()
  async log(@CurrentPrincipal() principal: Principal, @Body() dto: LogComplaintDto, @Res({ passthrough: true }) res: Response) {
    const { complaint, created } = await this.logging.execute(principal, { ...dto, receivedAt: dto.receivedAt ? new Date(dto.receivedAt) : undefined });
    res.status(created ? 201 : 200);
    if (principal.kind === 'api_key') return { id: complaint.id, externalId: complaint.externalId, state: complaint.state, version: complaint.version };
    return this.queries.detail(principal, complaint.id);
  }

  @Get()
  @Roles(...CALL_READER_ROLES)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ComplaintListQuery) {
    return this.queries.list(principal, {
      ...query,
      breached: query.breached === undefined ? undefined : query.breached === 'true',
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
  }

  @Get(':id')
  @Roles(...CALL_READER_ROLES)
  detail(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.detail(principal, id);
  }

  /** One move of the lifecycle; 409 names the current state and the allowed moves, or the current version. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...COMPLAINT_HANDLERS)
  async move(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: MoveComplaintDto) {
    await this.moves.execute(principal, id, dto);
    return this.queries.detail(principal, id);
  }

  /** Corrects the severity (deadlines set again) or the category of an open complaint; 409 on a stale version. */
  @Patch(':id')
  @Roles(...COMPLAINT_HANDLERS)
  async update(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: UpdateComplaintDto) {
    await this.updates.execute(principal, id, dto);
    return this.queries.detail(principal, id);
  }

  /** The agent’s account of the call, while the complaint is investigated. */
  @Post(':id/agent-account')
  @HttpCode(200)
  @Roles(UserRole.Agent)
  async agentAccount(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: AgentAccountDto) {
    const complaint = await this.accounts.execute(principal, id, dto.account);
    return { id: complaint.id, agentAccount: complaint.agentAccount, agentAccountAt: complaint.agentAccountAt };
  }
}
