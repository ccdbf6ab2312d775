import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserPrincipal } from '@callgrade/auth';
import { CalibrationParticipantEntity, CalibrationRecordingEntity, CalibrationResponseEntity, CalibrationSessionEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { issuesToErrors, ScorecardsService } from '@callgrade/scorecards';
import { Answers } from '@callgrade/scoring';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { assertOpenForAnswers } from './calibration-access';
import { checkCalibrationAnswers } from './calibration-answers';
import { CalibrationResponseView } from './calibration.views';

/**
 * Stores one answer sheet (a participant's, or the lead's reference) for one call of a session: the
 * one place that checks who may answer, whether the session still takes answers, and the answers.
 */
@Injectable()
export class CalibrationSheetStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    @InjectRepository(CalibrationResponseEntity) private readonly responses: Repository<CalibrationResponseEntity>,
  ) {}

  async store(
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
      await assertMayAnswer(manager, user, session, options);
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
        .values({
          sessionId,
          recordingId,
          reviewerId: user.id,
          isReference: options.reference,
          answers: checked.answers,
          percent: checked.percent,
          submittedAt: new Date(),
        })
        .orUpdate(['answers', 'percent', 'submitted_at'], ['session_id', 'recording_id', 'reviewer_id', 'is_reference'])
        .returning(['id'])
        .execute();
      return (result.raw as { id: string }[])[0].id;
    });
    return toResponseView(await this.responses.findOneByOrFail({ id }));
  }
}

async function assertMayAnswer(manager: EntityManager, user: UserPrincipal, session: CalibrationSessionEntity, options: { reference: boolean }): Promise<void> {
  if (options.reference) {
    if (session.leadId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the session lead gives the reference answer');
    return;
  }
  if (!(await manager.exists(CalibrationParticipantEntity, { where: { sessionId: session.id, reviewerId: user.id } }))) {
    throw new DomainError(ErrorCode.Forbidden, `You are not a participant of calibration session "${session.title}"`);
  }
}

export function toResponseView(r: CalibrationResponseEntity): CalibrationResponseView {
  return {
    recordingId: r.recordingId,
    reviewerId: r.reviewerId,
    isReference: r.isReference,
    submittedAt: r.submittedAt,
    answers: r.answers as Answers,
    percent: r.percent,
  };
}
