import { Injectable } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { UserPrincipal } from '@callgrade/auth';
import { CalibrationRecordingEntity, CalibrationResponseEntity, CalibrationSessionEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { CalibrationItem, CalibrationReport, calibrationReport } from '@callgrade/review-rules';
import { ScorecardsService } from '@callgrade/scorecards';
import { Answers, Scorecard } from '@callgrade/scoring';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayClose } from './calibration-access';
import { CalibrationQueries } from './calibration-queries.service';
import { CALIBRATION_AUDIT_RESOURCE } from './create-calibration-session.usecase';
import { CalibrationSessionDetail } from './calibration.views';

/**
 * Closes the session and stores the calibration report. The lead (or an admin) may close at any time,
 * before the deadline too: reviewers who have not answered a call count as missing values.
 */
@Injectable()
export class CloseCalibrationSession {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditLog,
    private readonly queries: CalibrationQueries,
  ) {}

  async execute(user: UserPrincipal, id: string): Promise<CalibrationSessionDetail> {
    const report = await this.dataSource.transaction(async (manager) => {
      // FOR UPDATE waits for answer sheets being stored (FOR SHARE), so none lands after the report.
      const session = await manager.findOne(CalibrationSessionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw DomainError.notFound(`Calibration session ${id}`);
      assertMayClose(user, { isLead: session.leadId === user.id, isParticipant: false });
      if (session.status === 'closed') {
        throw new DomainError(
          ErrorCode.Conflict,
          `Calibration session "${session.title}" was already closed at ${session.closedAt?.toISOString() ?? 'an earlier time'}`,
        );
      }
      const { definition } = await this.scorecards.getVersionById(session.scorecardVersionId);
      const computed = await reportFor(manager, id, definition);
      await manager.update(CalibrationSessionEntity, { id }, { status: 'closed', closedAt: new Date(), closedBy: user.id, results: computed });
      return computed;
    });
    await this.audit.record(user, {
      action: 'calibration_session.closed',
      resourceType: CALIBRATION_AUDIT_RESOURCE,
      resourceId: id,
      details: { reviewers: report.reviewers, recordings: report.recordings, alpha: report.reliability.alpha },
    });
    return this.queries.get(user, id);
  }
}

/** The report over every sheet handed in: one item per call, in session order; missing sheets are missing values. */
async function reportFor(manager: EntityManager, sessionId: string, scorecard: Scorecard): Promise<CalibrationReport> {
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
