import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { AgentLeavesService } from './agent-leaves.service';
import { AgentScoreStatisticsQuery } from './agent-score-statistics.query';
import { ReviewAssignmentsService } from './review-assignments.service';
import { RunSampling } from './run-sampling.usecase';
import { RunScheduledSampling } from './run-scheduled-sampling.usecase';
import { SamplingCandidatesLoader } from './sampling-candidates.loader';
import { SamplingPlansService } from './sampling-plans.service';
import { SamplingRunsService } from './sampling-runs.service';

const SERVICES = [
  SamplingPlansService,
  SamplingRunsService,
  AgentLeavesService,
  SamplingCandidatesLoader,
  RunSampling,
  RunScheduledSampling,
  ReviewAssignmentsService,
  AgentScoreStatisticsQuery,
];

/** Sampling plans and runs, review assignments, agents' leave, and the statistics for choosing quotas. */
@Module({ imports: [AccountsModule], providers: SERVICES, exports: SERVICES })
export class ReviewSamplingModule {}
