import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CALL_READER_ROLES, REVIEWER_ROLES, UserRole } from '@callgrade/database';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import {
  AcknowledgeEvaluation,
  DisputeEvaluation,
  EVALUATION_READERS,
  EvaluationQueries,
  ResolveDispute,
  SaveEvaluationDraft,
  StartEvaluation,
  SubmitEvaluation,
} from '@callgrade/evaluations';
import { IdParam } from '@callgrade/http';
import {
  AcknowledgeDto,
  DisputeDto,
  EvaluationInputDto,
  EvaluationListQuery,
  ResolveDisputeDto,
  StartEvaluationDto,
  SubmitEvaluationDto,
} from './dto/evaluation.dto';

/**
 * The evaluation loop: a reviewer opens an assigned call, saves drafts and submits; the agent
 * acknowledges or disputes; someone other than the reviewer resolves the dispute.
 */
@ApiTags('evaluations')
@Controller('evaluations')
export class EvaluationsController {
  constructor(
    private readonly start: StartEvaluation,
    private readonly drafts: SaveEvaluationDraft,
    private readonly submission: SubmitEvaluation,
    private readonly acknowledgement: AcknowledgeEvaluation,
    private readonly disputes: DisputeEvaluation,
    private readonly resolution: ResolveDispute,
    private readonly queries: EvaluationQueries,
  ) {}

  @Post()
  @Roles(...REVIEWER_ROLES)
  async open(@CurrentPrincipal() principal: Principal, @Body() dto: StartEvaluationDto) {
    const evaluation = await this.start.execute(principal, dto);
    return this.queries.detail(principal, evaluation.id);
  }

  @Get()
  @Roles(...EVALUATION_READERS)
  list(@Query() query: EvaluationListQuery) {
    return this.queries.list({ ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined });
  }

  @Get(':id')
  @Roles(...CALL_READER_ROLES)
  detail(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.detail(principal, id);
  }

  @Put(':id/draft')
  @Roles(...REVIEWER_ROLES)
  async saveDraft(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: EvaluationInputDto) {
    const saved = await this.drafts.execute(principal, id, dto);
    return { id: saved.evaluation.id, draft: saved.evaluation.draft, provisionalPercent: saved.provisionalPercent, blockingIssues: saved.blockingIssues };
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...REVIEWER_ROLES)
  async submit(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: SubmitEvaluationDto) {
    await this.submission.execute(principal, id, dto.answers ? { ...dto, answers: dto.answers } : undefined);
    return this.queries.detail(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles(UserRole.Agent)
  async acknowledge(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: AcknowledgeDto) {
    await this.acknowledgement.execute(principal, id, dto.comment);
    return this.queries.detail(principal, id);
  }

  @Post(':id/dispute')
  @HttpCode(201)
  @Roles(UserRole.Agent)
  async dispute(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: DisputeDto) {
    await this.disputes.execute(principal, id, dto);
    return this.queries.detail(principal, id);
  }

  @Post(':id/dispute/resolve')
  @HttpCode(200)
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam)
  async resolve(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: ResolveDisputeDto) {
    await this.resolution.execute(
      principal,
      id,
      dto.outcome === 'amended'
        ? { outcome: 'amended', note: dto.note, answers: dto.answers ?? {}, overrideReasons: dto.overrideReasons, comments: dto.comments }
        : { outcome: 'upheld', note: dto.note },
    );
    return this.queries.detail(principal, id);
  }
}
