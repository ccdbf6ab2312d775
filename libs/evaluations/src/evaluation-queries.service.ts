import { Page } from '@callgrade/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import {
  AutoScoreEntity,
  DisputeStatus,
  EvaluationDisputeEntity,
  EvaluationEntity,
  EvaluationEventEntity,
  EvaluationRevisionEntity,
  EvaluationState,
  RecordingEntity,
  ReviewAssignmentEntity,
  TranscriptEntity,
  UserRole,
} from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { ScorecardsService } from '@callgrade/scorecards';
import { In, Repository } from 'typeorm';
import { asUser, assertCanRead } from './evaluation-access';
import { disputeView, evaluationDetail, evaluationSummary, EvaluationSummaryView } from './evaluation.views';

export interface EvaluationFilter {
  agentId?: string;
  reviewerId?: string;
  state?: EvaluationState;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The call an evaluation is about, so a list says which call without another request. */
export interface CallSummary {
  externalId: string;
  startedAt: Date;
  durationMs: number;
}

@Injectable()
export class EvaluationQueries {
  constructor(
    @InjectRepository(EvaluationEntity) private readonly evaluations: Repository<EvaluationEntity>,
    @InjectRepository(EvaluationRevisionEntity) private readonly revisions: Repository<EvaluationRevisionEntity>,
    @InjectRepository(EvaluationEventEntity) private readonly events: Repository<EvaluationEventEntity>,
    @InjectRepository(EvaluationDisputeEntity) private readonly disputes: Repository<EvaluationDisputeEntity>,
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
    @InjectRepository(ReviewAssignmentEntity) private readonly assignments: Repository<ReviewAssignmentEntity>,
    @InjectRepository(AutoScoreEntity) private readonly autoScores: Repository<AutoScoreEntity>,
    @InjectRepository(TranscriptEntity) private readonly transcripts: Repository<TranscriptEntity>,
    private readonly scorecards: ScorecardsService,
  ) {}

  async detail(principal: Principal, id: string) {
    const evaluation = await this.evaluations.findOneBy({ id });
    if (!evaluation) throw DomainError.notFound(`Evaluation ${id}`);
    assertCanRead(principal, evaluation);
    const [version, recording, assignment, autoScore, transcript, revisions, events, disputes] = await Promise.all([
      this.scorecards.getVersionById(evaluation.scorecardVersionId),
      this.recordings.findOneByOrFail({ id: evaluation.recordingId }),
      evaluation.assignmentId ? this.assignments.findOneBy({ id: evaluation.assignmentId }) : null,
      evaluation.autoScoreId ? this.autoScores.findOneBy({ id: evaluation.autoScoreId }) : null,
      this.transcripts.findOneBy({ recordingId: evaluation.recordingId }),
      this.revisions.find({ where: { evaluationId: id }, order: { revision: 'ASC' } }),
      this.events.find({ where: { evaluationId: id }, order: { id: 'ASC' } }),
      this.disputes.find({ where: { evaluationId: id }, order: { createdAt: 'ASC' } }),
    ]);
    const isAgent = asUser(principal).role === UserRole.Agent;
    return evaluationDetail({
      evaluation,
      scorecard: version.definition,
      recording,
      assignment,
      autoScore,
      transcript,
      revisions,
      events,
      disputes,
      includeDraft: !isAgent,
    });
  }

  /** Staff view over all evaluations; one query for the page and one for the count. */
  async list(filter: EvaluationFilter): Promise<Page<EvaluationSummaryView & { call: CallSummary | null }>> {
    const qb = this.evaluations.createQueryBuilder('e');
    if (filter.agentId) qb.andWhere('e.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.reviewerId) qb.andWhere('e.reviewer_id = :reviewerId', { reviewerId: filter.reviewerId });
    if (filter.state) qb.andWhere('e.state = :state', { state: filter.state });
    if (filter.from) qb.andWhere('e.submitted_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.submitted_at < :to', { to: filter.to });
    qb.orderBy('e.updated_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const calls = await this.callsOf(rows);
    return {
      items: rows.map((e) => ({ ...evaluationSummary(e), call: calls.get(e.recordingId) ?? null })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** An agent's own published evaluations, newest first, with whether each can still be disputed. */
  async mine(principal: Principal, page: number, pageSize: number): Promise<Page<EvaluationSummaryView & { call: CallSummary | null; canDispute: boolean }>> {
    const agentId = asUser(principal).id;
    const qb = this.evaluations
      .createQueryBuilder('e')
      .where('e.agent_id = :agentId', { agentId })
      .andWhere('e.state <> :draft', { draft: EvaluationState.Draft })
      .orderBy('e.submitted_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const calls = await this.callsOf(rows);
    const now = Date.now();
    const items = rows.map((e) => ({
      ...evaluationSummary(e),
      call: calls.get(e.recordingId) ?? null,
      canDispute: e.state === EvaluationState.Submitted && e.disputeDeadline !== null && e.disputeDeadline.getTime() > now,
    }));
    return { items, total, page, pageSize };
  }

  /** Which call each evaluation is about, in one query for the whole page. */
  private async callsOf(rows: EvaluationEntity[]): Promise<Map<string, CallSummary>> {
    if (rows.length === 0) return new Map();
    const recordings = await this.recordings.find({
      where: { id: In(rows.map((e) => e.recordingId)) },
      select: { id: true, externalId: true, startedAt: true, durationMs: true },
    });
    return new Map(recordings.map((r) => [r.id, { externalId: r.externalId, startedAt: r.startedAt, durationMs: r.durationMs }]));
  }

  /** Disputes to resolve: by status, optionally only those assigned to the caller. */
  async disputeQueue(principal: Principal, status: DisputeStatus, onlyMine: boolean) {
    const where = { status, ...(onlyMine ? { assigneeId: asUser(principal).id } : {}) };
    const rows = await this.disputes.find({ where, order: { createdAt: 'ASC' }, take: 500 });
    return rows.map(disputeView);
  }
}
