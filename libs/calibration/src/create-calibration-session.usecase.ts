import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UsersService } from '@callgrade/accounts';
import { AuditLog } from '@callgrade/audit';
import { UserPrincipal } from '@callgrade/auth';
import { CalibrationParticipantEntity, CalibrationRecordingEntity, CalibrationSessionEntity, RecordingEntity, REVIEWER_ROLES } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { scopeRecordingsTo } from '@callgrade/recordings';
import { ScorecardForScoring, ScorecardsService } from '@callgrade/scorecards';
import { DataSource, Repository } from 'typeorm';
import { CalibrationQueries } from './calibration-queries.service';
import { CalibrationSessionDetail } from './calibration.views';

export interface CreateCalibrationSessionCommand {
  title: string;
  recordingIds: string[];
  reviewerIds: string[];
  /** ISO 8601; must be in the future. */
  deadline: string;
  /** Defaults to the default scorecard's latest version. */
  scorecardVersionId?: string;
}

export const MAX_CALIBRATION_RECORDINGS = 50;
export const MAX_CALIBRATION_REVIEWERS = 50;

export const CALIBRATION_AUDIT_RESOURCE = 'calibration_session';

/**
 * Opens a session led by the caller. Every problem with the recordings, reviewers, deadline and
 * scorecard comes back at once, as a 422 naming each field. The scorecard version is frozen, so
 * in-place edits cannot change what the answers were given against.
 */
@Injectable()
export class CreateCalibrationSession {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditLog,
    private readonly accounts: UsersService,
    private readonly queries: CalibrationQueries,
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
  ) {}

  async execute(lead: UserPrincipal, command: CreateCalibrationSessionCommand): Promise<CalibrationSessionDetail> {
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
      const { identifiers } = await manager.insert(CalibrationSessionEntity, {
        title,
        leadId: lead.id,
        scorecardVersionId: scorecard.versionId,
        deadline,
        status: 'open',
      });
      const sessionId = identifiers[0].id as string;
      await manager.insert(
        CalibrationRecordingEntity,
        command.recordingIds.map((recordingId, position) => ({ sessionId, recordingId, position })),
      );
      await manager.insert(
        CalibrationParticipantEntity,
        command.reviewerIds.map((reviewerId) => ({ sessionId, reviewerId })),
      );
      await this.scorecards.markUsed(scorecard.versionId, manager);
      return sessionId;
    });
    await this.audit.record(lead, {
      action: 'calibration_session.created',
      resourceType: CALIBRATION_AUDIT_RESOURCE,
      resourceId: id,
      details: {
        title,
        recordings: command.recordingIds.length,
        reviewers: command.reviewerIds.length,
        deadline: deadline.toISOString(),
        scorecardVersionId: scorecard.versionId,
      },
    });
    return this.queries.get(lead, id);
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
}

function duplicatesIn(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}
