import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SamplingRunEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { Repository } from 'typeorm';
import { ReviewAssignmentsService } from './review-assignments.service';
import { ReviewAssignmentView } from './review-assignment.views';
import { SamplingRunView, toRunView } from './sampling-plan.views';
import { SamplingPlansService } from './sampling-plans.service';

export interface SamplingRunDetail extends SamplingRunView {
  assignments: ReviewAssignmentView[];
}

/** The history of sampling runs: what each drew and why. */
@Injectable()
export class SamplingRunsService {
  constructor(
    @InjectRepository(SamplingRunEntity) private readonly runs: Repository<SamplingRunEntity>,
    private readonly plans: SamplingPlansService,
    private readonly assignments: ReviewAssignmentsService,
  ) {}

  /** A plan's runs, newest first. */
  async listForPlan(planId: string): Promise<SamplingRunView[]> {
    await this.plans.find(planId);
    const runs = await this.runs.find({ where: { planId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return runs.map(toRunView);
  }

  /** A run with every assignment it made. */
  async get(id: string): Promise<SamplingRunDetail> {
    const run = await this.runs.findOne({ where: { id } });
    if (!run) throw DomainError.notFound(`Sampling run ${id}`);
    return { ...toRunView(run), assignments: await this.assignments.forRun(id) };
  }
}
