import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { isUniqueViolation, ScoringSettingsVersionEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { ScoringSettings } from '@callgrade/scoring';
import { DataSource, Repository } from 'typeorm';
import { issuesToErrors } from './scorecard-definition';
import { ScoringSettingsVersionView } from './scorecard.views';
import { parseScoringSettings } from './scoring-settings.rules';

/**
 * The company's scoring settings, append-only: every change is a new version, the highest is current,
 * and scores keep pointing at the version they used.
 */
@Injectable()
export class ScoringSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ScoringSettingsVersionEntity) private readonly versions: Repository<ScoringSettingsVersionEntity>,
    private readonly audit: AuditLog,
  ) {}

  async current(): Promise<ScoringSettingsVersionView> {
    const [latest] = await this.versions.find({ order: { version: 'DESC' }, take: 1 });
    if (!latest) throw new DomainError(ErrorCode.ServiceUnavailable, 'No scoring settings exist yet: they are created when the platform starts');
    return toView(latest);
  }

  /** Validates complete settings and stores them as the next version. */
  async update(input: unknown, actor: Principal | null): Promise<ScoringSettingsVersionView> {
    const userId = actor?.id ?? null;
    const parsed = parseScoringSettings(input);
    if (!parsed.ok) throw DomainError.validation(issuesToErrors(parsed.issues, 'settings'), 'The scoring settings are invalid');
    let id: string;
    try {
      id = await this.insertNext(parsed.settings, userId);
    } catch (e) {
      // Another change took the same version number: ours goes after it.
      if (!isUniqueViolation(e)) throw e;
      id = await this.insertNext(parsed.settings, userId);
    }
    const saved = await this.get(id);
    if (actor)
      await this.audit.record(actor, {
        action: 'scoring_settings.updated',
        resourceType: 'scoring_settings',
        resourceId: saved.versionId,
        details: { version: saved.version },
      });
    return saved;
  }

  /** Every version, newest first. */
  async history(): Promise<ScoringSettingsVersionView[]> {
    return (await this.versions.find({ order: { version: 'DESC' } })).map(toView);
  }

  async get(versionId: string): Promise<ScoringSettingsVersionView> {
    const found = await this.versions.findOne({ where: { id: versionId } });
    if (!found) throw DomainError.notFound(`Scoring settings version ${versionId}`);
    return toView(found);
  }

  private async insertNext(settings: ScoringSettings, userId: string | null): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO scoring_settings_versions (version, settings, created_by)
       SELECT COALESCE(MAX(version), 0) + 1, $1::jsonb, $2 FROM scoring_settings_versions
       RETURNING id`,
      [JSON.stringify(settings), userId],
    );
    return rows[0].id;
  }
}

function toView(v: ScoringSettingsVersionEntity): ScoringSettingsVersionView {
  return { versionId: v.id, version: v.version, settings: v.settings as ScoringSettings, createdBy: v.createdBy, createdAt: v.createdAt };
}
