import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '@callgrade/auth';
import { CalibrationSheetStore } from './calibration-sheet-store';
import { CalibrationResponseView } from './calibration.views';

/** A participant hands in (or replaces) their complete answer sheet for one call, until the deadline or close. */
@Injectable()
export class SubmitCalibrationAnswers {
  constructor(private readonly sheets: CalibrationSheetStore) {}

  execute(user: UserPrincipal, sessionId: string, recordingId: string, answers: Record<string, unknown>): Promise<CalibrationResponseView> {
    return this.sheets.store(user, sessionId, recordingId, answers, { reference: false });
  }
}
