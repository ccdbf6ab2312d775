import { Module } from '@nestjs/common';
import { DefaultScoringSeeder } from './default-scoring.seeder';
import { ScorecardsService } from './scorecards.service';
import { ScoringSettingsService } from './scoring-settings.service';

@Module({
  providers: [ScorecardsService, ScoringSettingsService, DefaultScoringSeeder],
  exports: [ScorecardsService, ScoringSettingsService],
})
export class ScorecardsModule {}
