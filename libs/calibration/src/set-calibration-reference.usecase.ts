import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '@callgrade/auth';
import { CalibrationSheetStore } from './calibration-sheet-store';
import { CalibrationResponseView } from './calibration.views';

/** The lead gives (or replaces) the answer they hold to be right for one call, until the session closes. */
@Injectable()
export class SetCalibrationReference {
  constructor(private readonly sheets: CalibrationSheetStore) {}

  execute(user: UserPrincipal, sessionId: string, recordingId: string, answers: Record<string, unknown>): Promise<CalibrationResponseView> {
    return this.sheets.store(user, sessionId, recordingId, answers, { reference: true });
  }
}
