import { Injectable } from '@nestjs/common';
import { UsersService } from '@callgrade/accounts';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { UserPrincipal } from '@callgrade/auth';
import {
  CalibrationParticipantEntity,
  CalibrationRecordingEntity,
  CalibrationResponseEntity,
  CalibrationSessionEntity,
  CalibrationStatus,
  RecordingEntity,
  REVIEWER_ROLES,
  UserEntity,
  UserRole,
} from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { scopeRecordingsTo } from '@callgrade/recordings';
import { CalibrationItem, CalibrationReport, calibrationReport } from '@callgrade/review-rules';
import { issuesToErrors, ScorecardForScoring, ScorecardsService } from '@callgrade/scorecards';
import { Answers, Scorecard } from '@callgrade/scoring';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { assertMayClose, assertMayView, assertOpenForAnswers, mayReadAnswersOf } from './calibration-access';
import { checkCalibrationAnswers } from './calibration-answers';
import {
  CalibrationPage,
  CalibrationParticipantView,
  CalibrationRecordingView,
  CalibrationResponseView,
  CalibrationResults,
  CalibrationSessionDetail,
  CalibrationSessionSummary,
} from './calibration.views';

export interface CreateCalibrationSessionCommand {
  title: string;
  recordingIds: string[];
  reviewerIds: string[];
  /** ISO 8601; must be in the future. */
  deadline: string;
  /** Defaults to the default scorecard's latest version. */
  scorecardVersionId?: string;
}

export interface CalibrationFilter {
  status?: CalibrationStatus;
  page: number;
  pageSize: number;
}

export const MAX_CALIBRATION_RECORDINGS = 50;
export const MAX_CALIBRATION_REVIEWERS = 50;

const AUDIT_RESOURCE = 'calibration_session';

interface SessionCountsRow {
  session_id: string;
  lead_name: string | null;
  recordings: string;
  participants: string;
  responses: string;
  references: string;
  is_participant: boolean;
}

/**
 * Calibration sessions: several reviewers score the same calls blind against one scorecard version,
 * the lead may give a reference answer, and closing the session computes how far they agree.
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditLog,
    private readonly accounts: UsersService,
    @InjectRepository(CalibrationSessionEntity) private readonly sessions: Repository<CalibrationSessionEntity>,
    @InjectRepository(CalibrationRecordingEntity) private readonly sessionRecordings: Repository<CalibrationRecordingEntity>,
    @InjectRepository(CalibrationParticipantEntity) private readonly participants: Repository<CalibrationParticipantEntity>,
    @InjectRepository(CalibrationResponseEntity) private readonly responses: Repository<CalibrationResponseEntity>,
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /**
   * Opens a session led by the caller. Every problem with the recordings, reviewers, deadline and
   * scorecard comes back at once, as a 422 naming each field. The scorecard version is frozen, so
   * in-place edits cannot change what the answers were given against.
   */
  async create(lead: UserPrincipal, command: CreateCalibrationSessionCommand): Promise<CalibrationSessionDetail> {
    if (!REVIEWER_ROLES.includes(lead.role)) throw new DomainError(ErrorCode.Forbidden, 'Only QA supervisors and admins lead calibration sessions');
    const errors: Record<string, string> = {};
    const title = command.title.trim();
    if (!title) errors.title = 'must not be empty';
    const deadline = new Date(command.deadline);
    if (Number.isNaN(deadline.getTime())) errors.deadline = 'must be an ISO 8601 date-time';
    else if (deadline.getTime() <= Date.now()) errors.deadline = `must be in the future (got ${deadline.toISOString()})`;
    Object.assign(errors, await this.checkRecordings(lead, command.recordingIds), await this.checkReviewers(command.reviewerIds));
    const scorecard = await this.scorecardFor(command.scorecardVersionId, errors);
    if (Object.keys(errors).length > 0 || !scorecard) throw DomainError.validation(errors, 'The calibration session is invalid');

    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(CalibrationSessionEntity, { title, leadId: lead.id, scorecardVersionId: scorecard.versionId, deadline, status: 'open' });
      const sessionId = identifiers[0].id as string;
      await manager.insert(CalibrationRecordingEntity, command.recordingIds.map((recordingId, position) => ({ sessionId, recordingId, position })));
      await manager.insert(CalibrationParticipantEntity, command.reviewerIds.map((reviewerId) => ({ sessionId, reviewerId })));
      await this.scorecards.markUsed(scorecard.versionId, manager);
      return sessionId;
    });
    await this.audit.record(lead, {
      action: 'calibration_session.created',
      resourceType: AUDIT_RESOURCE,
      resourceId: id,
      details: { title, recordings: command.recordingIds.length, reviewers: command.reviewerIds.length, deadline: deadline.toISOString(), scorecardVersionId: scorecard.versionId },
    });
    return this.get(lead, id);
  }

  /** Sessions the caller may see, newest first; four queries whatever the page size. */
  async list(user: UserPrincipal, filter: CalibrationFilter): Promise<CalibrationPage> {
    const qb = this.sessions.createQueryBuilder('s');
    if (user.role === UserRole.Trainer) qb.andWhere(`s.status = 'closed'`);
    else if (user.role !== UserRole.Admin) {
      qb.andWhere('(s.lead_id = :me OR EXISTS (SELECT 1 FROM calibration_participants p WHERE p.session_id = s.id AND p.reviewer_id = :me))', { me: user.id });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').offset((filter.page - 1) * filter.pageSize).limit(filter.pageSize);
    const [sessions, total] = await qb.getManyAndCount();
    const ids = sessions.map((s) => s.id);
    const counts = await this.countsFor(ids, user.id);
    const pending = await this.toScoreBy(sessions.filter((s) => s.status === 'open').map((s) => s.id), user.id);
    const items = sessions.map((session): CalibrationSessionSummary => {
      const row = counts.get(session.id);
      const recordings = Number(row?.recordings ?? 0);
      const participants = Number(row?.participants ?? 0);
      return {
        id: session.id,
        title: session.title,
        status: session.status,
        leadId: session.leadId,
        leadName: row?.lead_name ?? '',
        deadline: session.deadline,
        createdAt: session.createdAt,
        closedAt: session.closedAt,
        recordings,
        participants,
        responsesIn: Number(row?.responses ?? 0),
        responsesExpected: recordings * participants,
        references: Number(row?.references ?? 0),
        isLead: session.leadId === user.id,
        isParticipant: row?.is_participant ?? false,
        toScore: pending.get(session.id) ?? [],
      };
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /**
   * A session as the caller may see it. While it is open, scoring is blind: the caller reads only the
   * answer sheets they wrote; everyone (the lead too) sees who has handed in what, not the answers.
   */
  async get(user: UserPrincipal, id: string): Promise<CalibrationSessionDetail> {
    const session = await this.findSession(id);
    const participants = await this.participantsOf(id);
    const standing = { isLead: session.leadId === user.id, isParticipant: participants.some((p) => p.reviewerId === user.id) };
    assertMayView(user, session, standing);

    const [recordings, responses, scorecard, lead] = await Promise.all([
      this.recordingsOf(id),
      this.responses.find({ where: { sessionId: id }, order: { submittedAt: 'ASC', id: 'ASC' } }),
      this.scorecards.getVersionById(session.scorecardVersionId),
      this.users.findOne({ where: { id: session.leadId } }),
    ]);
    const answered = new Set(responses.filter((r) => !r.isReference && r.reviewerId === user.id).map((r) => r.recordingId));
    const open = session.status === 'open';
    return {
      id: session.id,
      title: session.title,
      status: session.status,
      leadId: session.leadId,
      leadName: lead?.displayName ?? '',
      deadline: session.deadline,
      createdAt: session.createdAt,
      closedAt: session.closedAt,
      closedBy: session.closedBy,
      responsesIn: responses.filter((r) => !r.isReference).length,
      responsesExpected: recordings.length * participants.length,
      references: responses.filter((r) => r.isReference).length,
      isLead: standing.isLead,
      isParticipant: standing.isParticipant,
      toScore: open && standing.isParticipant ? recordings.filter((r) => !answered.has(r.recordingId)).map((r) => r.recordingId) : [],
      scorecard: { versionId: scorecard.id, scorecardId: scorecard.scorecardId, version: scorecard.version, definition: scorecard.definition },
      recordings,
      participants,
      submissions: responses.map((r) => ({ recordingId: r.recordingId, reviewerId: r.reviewerId, isReference: r.isReference, submittedAt: r.submittedAt })),
      blind: open,
      responses: responses.filter((r) => mayReadAnswersOf(user, session, r.reviewerId)).map(toResponseView),
      results: (session.results as CalibrationReport | null) ?? null,
    };
  }

  /** A participant hands in (or replaces) their complete answer sheet for one call, until the deadline or close. */
  async submitAnswers(user: UserPrincipal, sessionId: string, recordingId: string, answers: Record<string, unknown>): Promise<CalibrationResponseView> {
    return this.storeSheet(user, sessionId, recordingId, answers, { reference: false });
  }

  /** The lead gives (or replaces) the answer they hold to be right for one call, until the session closes. */
  async setReference(user: UserPrincipal, sessionId: string, recordingId: string, answers: Record<string, unknown>): Promise<CalibrationResponseView> {
    return this.storeSheet(user, sessionId, recordingId, answers, { reference: true });
  }

  /**
   * Closes the session and stores the calibration report. The lead (or an admin) may close at any time,
   * before the deadline too: reviewers who have not answered a call count as missing values.
   */
  async close(user: UserPrincipal, id: string): Promise<CalibrationSessionDetail> {
    const report = await this.dataSource.transaction(async (manager) => {
      // FOR UPDATE waits for answer sheets being stored (FOR SHARE), so none lands after the report.
      const session = await manager.findOne(CalibrationSessionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw DomainError.notFound(`Calibration session ${id}`);
      assertMayClose(user, { isLead: session.leadId === user.id, isParticipant: false });
      if (session.status === 'closed') {
        throw new DomainError(ErrorCode.Conflict, `Calibration session "${session.title}" was already closed at ${session.closedAt?.toISOString() ?? 'an earlier time'}`);
      }
      const { definition } = await this.scorecards.getVersionById(session.scorecardVersionId);
      const computed = await this.reportFor(manager, id, definition);
      await manager.update(CalibrationSessionEntity, { id }, { status: 'closed', closedAt: new Date(), closedBy: user.id, results: computed });
      return computed;
    });
    await this.audit.record(user, {
      action: 'calibration_session.closed',
      resourceType: AUDIT_RESOURCE,
      resourceId: id,
      details: { reviewers: report.reviewers, recordings: report.recordings, alpha: report.reliability.alpha },
    });
    return this.get(user, id);
  }

  /** The report of a closed session; 409 while it is open. */
  async results(user: UserPrincipal, id: string): Promise<CalibrationResults> {
    const session = await this.findSession(id);
    const participants = await this.participantsOf(id);
    assertMayView(user, session, { isLead: session.leadId === user.id, isParticipant: participants.some((p) => p.reviewerId === user.id) });
    if (session.status !== 'closed' || !session.results || !session.closedAt) {
      throw new DomainError(ErrorCode.Conflict, `Calibration session "${session.title}" is still open; results are computed when it closes`);
    }
    return {
      sessionId: session.id,
      title: session.title,
      scorecardVersionId: session.scorecardVersionId,
      closedAt: session.closedAt,
      closedBy: session.closedBy,
      participants,
      report: session.results as CalibrationReport,
    };
  }

  private async storeSheet(
    user: UserPrincipal,
    sessionId: string,
    recordingId: string,
    input: Record<string, unknown>,
    options: { reference: boolean },
  ): Promise<CalibrationResponseView> {
    const id = await this.dataSource.transaction(async (manager) => {
      // FOR SHARE: sheets for one session are stored side by side, but not while it is being closed.
      const session = await manager.findOne(CalibrationSessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_read' } });
      if (!session) throw DomainError.notFound(`Calibration session ${sessionId}`);
      await this.assertMayAnswer(manager, user, session, options);
      if (!(await manager.exists(CalibrationRecordingEntity, { where: { sessionId, recordingId } }))) {
        throw DomainError.notFound(`Recording ${recordingId} in calibration session ${sessionId}`);
      }
      assertOpenForAnswers(session, new Date(), options);
      const { definition } = await this.scorecards.getVersionById(session.scorecardVersionId);
      const checked = checkCalibrationAnswers(definition, input);
      if (!checked.ok) throw DomainError.validation(issuesToErrors(checked.issues, ''), 'The answers are incomplete or do not fit the scorecard');
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(CalibrationResponseEntity)
        .values({ sessionId, recordingId, reviewerId: user.id, isReference: options.reference, answers: checked.answers, percent: checked.percent, submittedAt: new Date() })
        .orUpdate(['answers', 'percent', 'submitted_at'], ['session_id', 'recording_id', 'reviewer_id', 'is_reference'])
        .returning(['id'])
        .execute();
      return (result.raw as { id: string }[])[0].id;
    });
    return toResponseView(await this.responses.findOneByOrFail({ id }));
  }

  private async assertMayAnswer(manager: EntityManager, user: UserPrincipal, session: CalibrationSessionEntity, options: { reference: boolean }): Promise<void> {
    if (options.reference) {
      if (session.leadId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the session lead gives the reference answer');
      return;
    }
    if (!(await manager.exists(CalibrationParticipantEntity, { where: { sessionId: session.id, reviewerId: user.id } }))) {
      throw new DomainError(ErrorCode.Forbidden, `You are not a participant of calibration session "${session.title}"`);
    }
  }

  /** The report over every sheet handed in: one item per call, in session order; missing sheets are missing values. */
  private async reportFor(manager: EntityManager, sessionId: string, scorecard: Scorecard): Promise<CalibrationReport> {
    const recordings = await manager.find(CalibrationRecordingEntity, { where: { sessionId }, order: { position: 'ASC' } });
    const sheets = await manager.find(CalibrationResponseEntity, { where: { sessionId } });
    const items = recordings.map((recording): CalibrationItem => {
      const forCall = sheets.filter((sheet) => sheet.recordingId === recording.recordingId);
      const reference = forCall.find((sheet) => sheet.isReference);
      return {
        recordingId: recording.recordingId,
        responses: forCall.filter((sheet) => !sheet.isReference).map((sheet) => ({ reviewerId: sheet.reviewerId, answers: sheet.answers as Answers })),
        reference: reference ? (reference.answers as Answers) : null,
      };
    });
    return calibrationReport(scorecard, items);
  }

  private async checkRecordings(user: UserPrincipal, recordingIds: readonly string[]): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const duplicates = duplicatesIn(recordingIds);
    if (duplicates.length > 0) errors.recordingIds = `must not repeat a recording (${duplicates.join(', ')})`;
    if (recordingIds.length === 0) return errors;
    const qb = this.recordings.createQueryBuilder('r').select('r.id', 'id').where('r.id IN (:...ids)', { ids: recordingIds });
    const visible = new Set((await scopeRecordingsTo(qb, user).getRawMany<{ id: string }>()).map((r) => r.id));
    recordingIds.forEach((recordingId, i) => {
      if (!visible.has(recordingId)) errors[`recordingIds[${i}]`] = `no such recording (${recordingId})`;
    });
    return errors;
  }

  private async checkReviewers(reviewerIds: readonly string[]): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const duplicates = duplicatesIn(reviewerIds);
    if (duplicates.length > 0) errors.reviewerIds = `must not repeat a reviewer (${duplicates.join(', ')})`;
    if (reviewerIds.length === 0) return errors;
    const problems = await this.accounts.reviewerProblems(reviewerIds);
    reviewerIds.forEach((reviewerId, i) => {
      const problem = problems.get(reviewerId);
      if (problem) errors[`reviewerIds[${i}]`] = problem;
    });
    return errors;
  }

  /** The given version, or the default scorecard's latest; a missing version is a field error. */
  private async scorecardFor(versionId: string | undefined, errors: Record<string, string>): Promise<ScorecardForScoring | null> {
    if (versionId === undefined) return this.scorecards.currentForScoring();
    try {
      const v = await this.scorecards.getVersionById(versionId);
      return { scorecardId: v.scorecardId, versionId: v.id, version: v.version, definition: v.definition };
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== ErrorCode.NotFound) throw e;
      errors.scorecardVersionId = `no such scorecard version (${versionId})`;
      return null;
    }
  }

  private async findSession(id: string): Promise<CalibrationSessionEntity> {
    const session = await this.sessions.findOne({ where: { id } });
    if (!session) throw DomainError.notFound(`Calibration session ${id}`);
    return session;
  }

  private async participantsOf(sessionId: string): Promise<CalibrationParticipantView[]> {
    const rows = await this.participants
      .createQueryBuilder('p')
      .innerJoin(UserEntity, 'u', 'u.id = p.reviewer_id')
      .select('p.reviewer_id', 'reviewerId')
      .addSelect('u.display_name', 'displayName')
      .where('p.session_id = :sessionId', { sessionId })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('p.reviewer_id', 'ASC')
      .getRawMany<CalibrationParticipantView>();
    return rows.map((r) => ({ reviewerId: r.reviewerId, displayName: r.displayName }));
  }

  private async recordingsOf(sessionId: string): Promise<CalibrationRecordingView[]> {
    const rows = await this.sessionRecordings
      .createQueryBuilder('c')
      .innerJoin(RecordingEntity, 'r', 'r.id = c.recording_id')
      .select('c.recording_id', 'recordingId')
      .addSelect('c.position', 'position')
      .addSelect('r.external_id', 'externalId')
      .addSelect('r.duration_ms', 'durationMs')
      .addSelect('r.started_at', 'startedAt')
      .where('c.session_id = :sessionId', { sessionId })
      .orderBy('c.position', 'ASC')
      .getRawMany<{ recordingId: string; position: number; externalId: string; durationMs: number; startedAt: Date }>();
    return rows.map((r) => ({
      recordingId: r.recordingId,
      externalId: r.externalId,
      position: Number(r.position),
      durationMs: Number(r.durationMs),
      startedAt: new Date(r.startedAt),
      audioUrl: `/api/v1/recordings/${r.recordingId}/audio`,
      transcriptUrl: `/api/v1/recordings/${r.recordingId}/transcript`,
    }));
  }

  /** Per session: lead's name, sizes, sheets handed in, and whether the caller takes part; one query. */
  private async countsFor(sessionIds: string[], userId: string): Promise<Map<string, SessionCountsRow>> {
    if (sessionIds.length === 0) return new Map();
    const rows: SessionCountsRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id,
              (SELECT u.display_name FROM users u WHERE u.id = s.lead_id) AS lead_name,
              (SELECT count(*) FROM calibration_recordings c WHERE c.session_id = s.id) AS recordings,
              (SELECT count(*) FROM calibration_participants p WHERE p.session_id = s.id) AS participants,
              (SELECT count(*) FROM calibration_responses x WHERE x.session_id = s.id AND NOT x.is_reference) AS responses,
              (SELECT count(*) FROM calibration_responses x WHERE x.session_id = s.id AND x.is_reference) AS "references",
              EXISTS (SELECT 1 FROM calibration_participants p WHERE p.session_id = s.id AND p.reviewer_id = $2) AS is_participant
         FROM calibration_sessions s
        WHERE s.id = ANY($1::uuid[])`,
      [sessionIds, userId],
    );
    return new Map(rows.map((row) => [row.session_id, row]));
  }

  /** The calls a reviewer has not scored yet, per session, in session order; one query. */
  private async toScoreBy(sessionIds: string[], reviewerId: string): Promise<Map<string, string[]>> {
    const pending = new Map<string, string[]>();
    if (sessionIds.length === 0) return pending;
    const rows: { session_id: string; recording_id: string }[] = await this.dataSource.query(
      `SELECT c.session_id, c.recording_id
         FROM calibration_recordings c
         JOIN calibration_participants p ON p.session_id = c.session_id AND p.reviewer_id = $2
        WHERE c.session_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM calibration_responses x
                           WHERE x.session_id = c.session_id AND x.recording_id = c.recording_id AND x.reviewer_id = $2 AND NOT x.is_reference)
        ORDER BY c.session_id, c.position`,
      [sessionIds, reviewerId],
    );
    for (const row of rows) pending.set(row.session_id, [...(pending.get(row.session_id) ?? []), row.recording_id]);
    return pending;
  }
}

function toResponseView(r: CalibrationResponseEntity): CalibrationResponseView {
  return { recordingId: r.recordingId, reviewerId: r.reviewerId, isReference: r.isReference, submittedAt: r.submittedAt, answers: r.answers as Answers, percent: r.percent };
}

function duplicatesIn(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}
