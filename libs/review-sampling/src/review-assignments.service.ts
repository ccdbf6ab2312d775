import { Injectable } from '@nestjs/common';
import { UsersService } from '@callgrade/accounts';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { AssignmentStatus, RecordingEntity, ReviewAssignmentEntity, SamplingPlanEntity, UserEntity, REVIEWER_ROLES } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { mayReview } from '@callgrade/review-rules';
import { DataSource, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AssignmentJoins, ReviewAssignmentPage, ReviewAssignmentView, toAssignmentView } from './review-assignment.views';

export interface AssignmentFilter {
  reviewerId?: string;
  status?: AssignmentStatus;
  planId?: string;
  runId?: string;
  agentId?: string;
  page: number;
  pageSize: number;
}

export interface ReassignCommand {
  reviewerId: string;
  reason: string;
  /** Assign to a supervisor of the agent's own team even though the plan avoids that. */
  force?: boolean;
}

const LIVE: AssignmentStatus[] = [AssignmentStatus.Open, AssignmentStatus.InProgress];
/** Who sees every assignment; other callers see only the ones they review. */

/** Review assignments: the queues of reviewers, and the supervisor's tools to move or drop work. */
@Injectable()
export class ReviewAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ReviewAssignmentEntity) private readonly assignments: Repository<ReviewAssignmentEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SamplingPlanEntity) private readonly plans: Repository<SamplingPlanEntity>,
    private readonly audit: AuditLog,
    private readonly accounts: UsersService,
  ) {}

  /** Newest first; one query for the page and one for the count, whatever the page size. */
  async list(filter: AssignmentFilter): Promise<ReviewAssignmentPage> {
    const qb = this.query();
    if (filter.reviewerId) qb.andWhere('a.reviewer_id = :reviewerId', { reviewerId: filter.reviewerId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.planId) qb.andWhere('a.plan_id = :planId', { planId: filter.planId });
    if (filter.runId) qb.andWhere('a.run_id = :runId', { runId: filter.runId });
    if (filter.agentId) qb.andWhere('a.agent_id = :agentId', { agentId: filter.agentId });
    qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'ASC');
    return this.page(qb, filter);
  }

  /** The caller's queue: open and in-progress assignments, oldest first. */
  async mine(principal: Principal, page: { page: number; pageSize: number }): Promise<ReviewAssignmentPage> {
    const qb = this.query()
      .andWhere('a.reviewer_id = :reviewerId', { reviewerId: principal.id })
      .andWhere('a.status IN (:...live)', { live: LIVE })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('r.started_at', 'ASC')
      .addOrderBy('a.id', 'ASC');
    return this.page(qb, page);
  }

  /** Every assignment of a run, grouped by agent, each agent's calls in time order. */
  async forRun(runId: string): Promise<ReviewAssignmentView[]> {
    const qb = this.query().andWhere('a.run_id = :runId', { runId }).orderBy('a.agent_id', 'ASC').addOrderBy('r.started_at', 'ASC').addOrderBy('a.id', 'ASC');
    return this.views(qb);
  }

  /** Not found when it does not exist or is someone else's and the caller may see only their own. */
  async get(principal: Principal, id: string): Promise<ReviewAssignmentView> {
    const qb = this.query().andWhere('a.id = :id', { id });
    if (!(principal.kind === 'user' && REVIEWER_ROLES.includes(principal.role))) qb.andWhere('a.reviewer_id = :me', { me: principal.id });
    const [view] = await this.views(qb);
    if (!view) throw DomainError.notFound(`Review assignment ${id}`);
    return view;
  }

  /**
   * Hands a live assignment to another reviewer: an active QA supervisor or admin, never the agent, and,
   * when the plan avoids it, not a supervisor of the agent's own team unless `force` is set.
   */
  async reassign(principal: Principal, id: string, command: ReassignCommand): Promise<ReviewAssignmentView> {
    const assignment = await this.findLive(id);
    if (assignment.status === AssignmentStatus.InProgress) {
      // The evaluation draft belongs to the reviewer who started it; moving only the assignment would split the two.
      const started: unknown[] = await this.dataSource.query(`SELECT 1 FROM evaluations WHERE assignment_id = $1 LIMIT 1`, [id]);
      if (started.length)
        throw new DomainError(
          ErrorCode.Conflict,
          `Review assignment ${id} is in progress: its reviewer has started the evaluation, so it can no longer be reassigned`,
        );
    }
    const { reviewerId } = command;
    const problem = (await this.accounts.reviewerProblems([reviewerId])).get(reviewerId);
    if (problem) throw DomainError.validation({ reviewerId: problem });
    if (reviewerId === assignment.agentId) throw DomainError.validation({ reviewerId: 'is the agent of the call; nobody reviews their own call' });
    if (reviewerId === assignment.reviewerId) throw DomainError.validation({ reviewerId: 'already reviews this call' });

    const ownSupervisor = await this.supervisesAgent(reviewerId, assignment.agentId);
    const plan = assignment.planId ? await this.plans.findOne({ where: { id: assignment.planId } }) : null;
    const avoided = !!plan?.avoidOwnSupervisor && ownSupervisor;
    if (avoided && !command.force) {
      throw DomainError.validation(
        { reviewerId: `supervises the agent's team, and plan "${plan.name}" avoids that; send force: true to assign anyway` },
        'The reviewer cannot take this call',
      );
    }
    // Conditional on what was read, so two supervisors moving the same call cannot both win.
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ReviewAssignmentEntity)
      .set({ reviewerId, updatedAt: () => 'now()' })
      .where('id = :id AND status IN (:...live)', { id, live: LIVE })
      .andWhere(assignment.reviewerId === null ? 'reviewer_id IS NULL' : 'reviewer_id = :from', { from: assignment.reviewerId })
      .execute();
    if (result.affected === 0) throw new DomainError(ErrorCode.Conflict, `Review assignment ${id} changed meanwhile; reload it and try again`);
    await this.audit.record(principal, {
      action: 'review_assignment.reassigned',
      resourceType: 'review_assignment',
      resourceId: id,
      details: { from: assignment.reviewerId, to: reviewerId, reason: command.reason, forced: avoided },
    });
    return this.get(principal, id);
  }

  /** Drops a live assignment; the call becomes a candidate for later runs again. */
  async cancel(principal: Principal, id: string, reason: string): Promise<ReviewAssignmentView> {
    const assignment = await this.assignments.findOne({ where: { id } });
    if (!assignment) throw DomainError.notFound(`Review assignment ${id}`);
    if (assignment.status === AssignmentStatus.Cancelled) return this.get(principal, id);
    const result = await this.assignments.update({ id, status: In(LIVE) }, { status: AssignmentStatus.Cancelled, updatedAt: new Date() });
    if (result.affected === 0)
      throw new DomainError(
        ErrorCode.Conflict,
        `Review assignment ${id} is ${assignment.status === AssignmentStatus.Completed ? 'completed' : 'no longer live'} and cannot be cancelled`,
      );
    await this.audit.record(principal, {
      action: 'review_assignment.cancelled',
      resourceType: 'review_assignment',
      resourceId: id,
      details: { reason, previousStatus: assignment.status, reviewerId: assignment.reviewerId },
    });
    return this.get(principal, id);
  }

  private async findLive(id: string): Promise<ReviewAssignmentEntity> {
    const assignment = await this.assignments.findOne({ where: { id } });
    if (!assignment) throw DomainError.notFound(`Review assignment ${id}`);
    if (!LIVE.includes(assignment.status))
      throw new DomainError(ErrorCode.Conflict, `Review assignment ${id} is ${assignment.status} and can no longer be reassigned`);
    return assignment;
  }

  /** Whether the user supervises the agent's current team, by the rule the run's balancing applies. */
  private async supervisesAgent(userId: string, agentId: string): Promise<boolean> {
    const agent = await this.users.findOne({ where: { id: agentId } });
    if (!agent?.teamId) return false;
    const rows: { user_id: string }[] = await this.dataSource.query(`SELECT user_id FROM team_supervisors WHERE team_id = $1`, [agent.teamId]);
    const teamSupervisors = new Map([[agent.teamId, rows.map((r) => r.user_id)]]);
    return !mayReview(userId, { callId: '', agentId, agentTeamId: agent.teamId }, { teamSupervisors, avoidOwnSupervisor: true });
  }

  /** Assignments with their agent, reviewer, plan and call joined in (all many-to-one, so rows never multiply). */
  private query(): SelectQueryBuilder<ReviewAssignmentEntity> {
    return this.assignments
      .createQueryBuilder('a')
      .leftJoin(UserEntity, 'agent', 'agent.id = a.agent_id')
      .leftJoin(UserEntity, 'reviewer', 'reviewer.id = a.reviewer_id')
      .leftJoin(SamplingPlanEntity, 'p', 'p.id = a.plan_id')
      .leftJoin(RecordingEntity, 'r', 'r.id = a.recording_id')
      .addSelect('agent.display_name', 'agent_name')
      .addSelect('reviewer.display_name', 'reviewer_name')
      .addSelect('p.name', 'plan_name')
      .addSelect('r.started_at', 'call_started_at')
      .addSelect('r.duration_ms', 'call_duration_ms')
      .addSelect('r.external_id', 'call_external_id')
      .where('1 = 1');
  }

  private async page(qb: SelectQueryBuilder<ReviewAssignmentEntity>, page: { page: number; pageSize: number }): Promise<ReviewAssignmentPage> {
    const total = await qb.clone().getCount();
    const items = await this.views(qb.offset((page.page - 1) * page.pageSize).limit(page.pageSize));
    return { items, total, page: page.page, pageSize: page.pageSize };
  }

  private async views(qb: SelectQueryBuilder<ReviewAssignmentEntity>): Promise<ReviewAssignmentView[]> {
    const { entities, raw } = await qb.getRawAndEntities<RawJoins>();
    const joins = new Map(raw.map((row) => [row.a_id, row]));
    return entities.map((a) => {
      const row = joins.get(a.id);
      const extra: AssignmentJoins = {
        agentName: row?.agent_name ?? null,
        reviewerName: row?.reviewer_name ?? null,
        planName: row?.plan_name ?? null,
        startedAt: row?.call_started_at ?? null,
        durationMs: row?.call_duration_ms ?? null,
        externalId: row?.call_external_id ?? null,
      };
      return toAssignmentView(a, extra);
    });
  }
}

interface RawJoins {
  a_id: string;
  agent_name: string | null;
  reviewer_name: string | null;
  plan_name: string | null;
  call_started_at: Date | null;
  call_duration_ms: number | null;
  call_external_id: string | null;
}
