import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SamplingPeriodKind } from '@callgrade/database';
import { SamplingPlanView, SamplingRunDetail, SamplingRunSummary, SamplingRunView } from '@callgrade/review-sampling';
import { ReviewAssignmentResponse } from '../../review-assignments/dto/review-assignment.response';

export class SamplingPlanResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ enum: SamplingPeriodKind }) period: SamplingPeriodKind;
  @ApiProperty() quotaPerAgent: number;
  @ApiProperty() minDurationSec: number;
  @ApiProperty({ type: [String] }) teamIds: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) targetedRules: object[];
  @ApiProperty({ type: [String] }) reviewerIds: string[];
  @ApiProperty() avoidOwnSupervisor: boolean;
  @ApiProperty() scheduleEnabled: boolean;
  @ApiPropertyOptional({ nullable: true }) archivedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(p: SamplingPlanView): SamplingPlanResponse {
    return { ...p, targetedRules: p.targetedRules };
  }
}

export class AgentRunSummaryResponse {
  @ApiProperty() agentId: string;
  @ApiProperty({ description: "The agent's calls in the period, before exclusions" }) candidates: number;
  @ApiProperty() eligible: number;
  @ApiProperty() pickedRandom: number;
  @ApiProperty() pickedByRules: number;
  @ApiProperty({ description: 'How far the random picks fall short of the quota for want of eligible calls' }) shortfall: number;
}

export class SamplingRunResponse {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty() seed: string;
  @ApiProperty() periodStart: Date;
  @ApiProperty({ description: 'Exclusive' }) periodEnd: Date;
  @ApiPropertyOptional({ nullable: true }) requestedBy: string | null;
  @ApiProperty({ description: 'Calls in the period (and the plan teams), in any status but failed' }) candidates: number;
  @ApiProperty() eligible: number;
  @ApiProperty({ description: 'Assignments created' }) picked: number;
  @ApiProperty({ description: 'Assignments no reviewer of the plan could take' }) unassigned: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description:
      'Calls left out, each under its first reason: agent_on_leave (on leave for the whole period), already_evaluated, too_short, picked_by_another_run',
  })
  exclusions: Record<string, number>;
  @ApiProperty({ type: [AgentRunSummaryResponse] }) agents: AgentRunSummaryResponse[];
  @ApiProperty({ type: 'object', additionalProperties: true }) planSnapshot: object;
  @ApiProperty() durationMs: number;
  @ApiProperty() createdAt: Date;

  static from(r: SamplingRunView): SamplingRunResponse {
    return { ...r, exclusions: r.exclusions };
  }
}

export class SamplingRunSummaryResponse extends SamplingRunResponse {
  @ApiProperty({ description: 'A scheduled run of this plan and period had already run: nothing was done' }) alreadyRan: boolean;
  @ApiProperty() pickedRandom: number;
  @ApiProperty() pickedByRules: number;
  @ApiProperty({ type: [String], description: 'Agents left out: on leave for the whole period' }) agentsOnLeave: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { reviewerId: { type: 'string' }, assigned: { type: 'number' }, openAfter: { type: 'number' } } },
  })
  reviewers: { reviewerId: string; assigned: number; openAfter: number }[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) timings: Record<string, number>;

  static override from(r: SamplingRunSummary): SamplingRunSummaryResponse {
    return {
      ...SamplingRunResponse.from(r),
      alreadyRan: r.alreadyRan,
      pickedRandom: r.pickedRandom,
      pickedByRules: r.pickedByRules,
      agentsOnLeave: r.agentsOnLeave,
      reviewers: r.reviewers,
      timings: r.timings,
    };
  }
}

export class SamplingRunDetailResponse extends SamplingRunResponse {
  @ApiProperty({ type: [ReviewAssignmentResponse] }) assignments: ReviewAssignmentResponse[];

  static override from(r: SamplingRunDetail): SamplingRunDetailResponse {
    return { ...SamplingRunResponse.from(r), assignments: r.assignments.map(ReviewAssignmentResponse.from) };
  }
}
