import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { RunSampling, SamplingPlansService, SamplingRunsService } from '@callgrade/review-sampling';
import { CreateSamplingPlanDto, ListSamplingPlansQuery, RunSamplingDto, UpdateSamplingPlanDto } from './dto/sampling-plan.dto';
import { SamplingPlanResponse, SamplingRunDetailResponse, SamplingRunResponse, SamplingRunSummaryResponse } from './dto/sampling-plan.response';

const WRITERS = [UserRole.Admin, UserRole.QaSupervisor];
const READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer];

@ApiTags('sampling')
@Controller('sampling-plans')
export class SamplingPlansController {
  constructor(
    private readonly plans: SamplingPlansService,
    private readonly runs: SamplingRunsService,
    private readonly runSampling: RunSampling,
  ) {}

  @Post()
  @Roles(...WRITERS)
  async create(@Body() dto: CreateSamplingPlanDto, @CurrentPrincipal() principal: Principal): Promise<SamplingPlanResponse> {
    return SamplingPlanResponse.from(await this.plans.create(dto, principal));
  }

  @Get()
  @Roles(...READERS)
  async list(@Query() query: ListSamplingPlansQuery): Promise<SamplingPlanResponse[]> {
    return (await this.plans.list({ includeArchived: query.includeArchived })).map(SamplingPlanResponse.from);
  }

  @Get(':id')
  @Roles(...READERS)
  async get(@IdParam() id: string): Promise<SamplingPlanResponse> {
    return SamplingPlanResponse.from(await this.plans.get(id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  async update(@IdParam() id: string, @Body() dto: UpdateSamplingPlanDto, @CurrentPrincipal() principal: Principal): Promise<SamplingPlanResponse> {
    return SamplingPlanResponse.from(await this.plans.update(id, dto, principal));
  }

  /** Archives the plan: it stops running, its runs and assignments stay. */
  @Delete(':id')
  @Roles(...WRITERS)
  async archive(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<SamplingPlanResponse> {
    return SamplingPlanResponse.from(await this.plans.archive(id, principal));
  }

  /** Draws the plan's sample now and creates the review assignments. */
  @Post(':id/runs')
  @Roles(...WRITERS)
  async run(@IdParam() id: string, @Body() dto: RunSamplingDto, @CurrentPrincipal() principal: Principal): Promise<SamplingRunSummaryResponse> {
    const summary = await this.runSampling.execute({
      planId: id,
      trigger: 'manual',
      periodStart: dto.periodStart === undefined ? undefined : new Date(dto.periodStart),
      periodEnd: dto.periodEnd === undefined ? undefined : new Date(dto.periodEnd),
      seed: dto.seed,
      requestedBy: principal,
    });
    return SamplingRunSummaryResponse.from(summary);
  }

  @Get(':id/runs')
  @Roles(...WRITERS)
  async listRuns(@IdParam() id: string): Promise<SamplingRunResponse[]> {
    return (await this.runs.listForPlan(id)).map(SamplingRunResponse.from);
  }
}

@ApiTags('sampling')
@Controller('sampling-runs')
export class SamplingRunsController {
  constructor(private readonly runs: SamplingRunsService) {}

  /** A run with every assignment it made and why. */
  @Get(':id')
  @Roles(...WRITERS)
  async get(@IdParam() id: string): Promise<SamplingRunDetailResponse> {
    return SamplingRunDetailResponse.from(await this.runs.get(id));
  }
}
