export * from './default-scoring.seeder';
export * from './scorecard-definition';
export * from './scorecard.views';
export * from './scorecards.module';
export * from './scorecards.service';
export * from './scoring-settings.rules';
export * from './scoring-settings.service';
