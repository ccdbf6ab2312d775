import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { ScorecardsModule } from '@callgrade/scorecards';
import { CalibrationQueries } from './calibration-queries.service';
import { CalibrationSheetStore } from './calibration-sheet-store';
import { CloseCalibrationSession } from './close-calibration-session.usecase';
import { CreateCalibrationSession } from './create-calibration-session.usecase';
import { SetCalibrationReference } from './set-calibration-reference.usecase';
import { SubmitCalibrationAnswers } from './submit-calibration-answers.usecase';

const USE_CASES = [CreateCalibrationSession, SubmitCalibrationAnswers, SetCalibrationReference, CloseCalibrationSession];

/** Calibration sessions: blind scoring of the same calls by several reviewers, and how far they agree. */
@Module({
  imports: [AccountsModule, ScorecardsModule],
  providers: [CalibrationSheetStore, CalibrationQueries, ...USE_CASES],
  exports: [CalibrationQueries, ...USE_CASES],
})
export class CalibrationModule {}
