import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { isUniqueViolation, ScorecardEntity, ScorecardVersionEntity, ScoringSettingsVersionEntity } from '@callgrade/database';
import { defaultScorecard, defaultScoringSettings, ScoringSettings } from '@callgrade/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';

export const DEFAULT_SCORECARD_NAME = 'Default';

/**
 * On first start: the scoring lib's default scorecard as the default, and version 1 of the scoring
 * settings with the company names from COMPANY_NAMES. Several processes may start at once; whichever
 * inserts first wins and the others carry on.
 */
@Injectable()
export class DefaultScoringSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefaultScoringSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    @InjectRepository(ScorecardEntity) private readonly scorecards: Repository<ScorecardEntity>,
    @InjectRepository(ScoringSettingsVersionEntity) private readonly settings: Repository<ScoringSettingsVersionEntity>,
  ) {}

  async onApplicationBootstrap() {
    await this.seedScorecard();
    await this.seedSettings();
  }

  private async seedScorecard(): Promise<void> {
    if (await this.scorecards.exists({})) return;
    const id = randomUUID();
    const definition = { ...defaultScorecard(), id, version: 1 };
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ScorecardEntity, { id, name: DEFAULT_SCORECARD_NAME, description: 'General inbound service calls', isDefault: true });
        await manager.insert(ScorecardVersionEntity, { scorecardId: id, version: 1, definition, createdBy: null });
      });
      this.logger.log(`Created the default scorecard "${DEFAULT_SCORECARD_NAME}"`);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // another process seeded it first
    }
  }

  private async seedSettings(): Promise<void> {
    if (await this.settings.exists({})) return;
    const settings: ScoringSettings = {
      ...defaultScoringSettings(),
      companyNames: this.config.companyNames.map((name) => ({ name, spokenVariants: [] })),
    };
    try {
      await this.settings.insert({ version: 1, settings, createdBy: null });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      return;
    }
    if (settings.companyNames.length === 0) {
      this.logger.warn(
        'Scoring settings created without company names: set COMPANY_NAMES or PUT /api/v1/settings/scoring (companyNames); ' +
          'until then the greeting-company check answers "not configured" on every call (GET /api/v1/settings/scoring lists what is missing in toConfigure)',
      );
    }
  }
}
