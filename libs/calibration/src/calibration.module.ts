import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { ScorecardsModule } from '@callgrade/scorecards';
import { CalibrationService } from './calibration.service';

/** Calibration sessions: blind scoring of the same calls by several reviewers, and how far they agree. */
@Module({
  imports: [AccountsModule, ScorecardsModule],
  providers: [CalibrationService],
  exports: [CalibrationService],
})
export class CalibrationModule {}
