import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserPrincipal } from '@callgrade/auth';
import {
  CalibrationParticipantEntity,
  CalibrationRecordingEntity,
  CalibrationResponseEntity,
  CalibrationSessionEntity,
  CalibrationStatus,
  RecordingEntity,
  UserEntity,
  UserRole,
} from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { CalibrationReport } from '@callgrade/review-rules';
import { ScorecardsService } from '@callgrade/scorecards';
import { DataSource, Repository } from 'typeorm';
import { assertMayView, mayReadAnswersOf } from './calibration-access';
import { toResponseView } from './calibration-sheet-store';
import {
  CalibrationPage,
  CalibrationParticipantView,
  CalibrationRecordingView,
  CalibrationResults,
  CalibrationSessionDetail,
  CalibrationSessionSummary,
} from './calibration.views';

export interface CalibrationFilter {
  status?: CalibrationStatus;
  page: number;
  pageSize: number;
}

interface SessionCountsRow {
  session_id: string;
  lead_name: string | null;
  recordings: string;
  participants: string;
  responses: string;
  references: string;
  is_participant: boolean;
}

/** Calibration sessions as each caller may see them: lists, one session (blind while open), the results. */
@Injectable()
export class CalibrationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    @InjectRepository(CalibrationSessionEntity) private readonly sessions: Repository<CalibrationSessionEntity>,
    @InjectRepository(CalibrationRecordingEntity) private readonly sessionRecordings: Repository<CalibrationRecordingEntity>,
    @InjectRepository(CalibrationParticipantEntity) private readonly participants: Repository<CalibrationParticipantEntity>,
    @InjectRepository(CalibrationResponseEntity) private readonly responses: Repository<CalibrationResponseEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /** Sessions the caller may see, newest first; four queries whatever the page size. */
  async list(user: UserPrincipal, filter: CalibrationFilter): Promise<CalibrationPage> {
    const qb = this.sessions.createQueryBuilder('s');
    if (user.role === UserRole.Trainer) qb.andWhere(`s.status = 'closed'`);
    else if (user.role !== UserRole.Admin) {
      qb.andWhere('(s.lead_id = :me OR EXISTS (SELECT 1 FROM calibration_participants p WHERE p.session_id = s.id AND p.reviewer_id = :me))', { me: user.id });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    qb.orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize);
    const [sessions, total] = await qb.getManyAndCount();
    const ids = sessions.map((s) => s.id);
    const counts = await this.countsFor(ids, user.id);
    const pending = await this.toScoreBy(
      sessions.filter((s) => s.status === 'open').map((s) => s.id),
      user.id,
    );
    const items = sessions.map((session): CalibrationSessionSummary => {
      const row = counts.get(session.id);
      const recordings = Number(row?.recordings ?? 0);
      const participants = Number(row?.participants ?? 0);
      return {
        ...sessionHeading(session, row?.lead_name ?? ''),
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
      ...sessionHeading(session, lead?.displayName ?? ''),
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

/** What a list row and a session's page both show first. */
function sessionHeading(session: CalibrationSessionEntity, leadName: string) {
  const { id, title, status, leadId, deadline, createdAt, closedAt } = session;
  return { id, title, status, leadId, leadName, deadline, createdAt, closedAt };
}
