import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { isUniqueViolation, RetentionSettingsVersionEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { parseRetentionPolicy, RetentionPolicy } from '@callgrade/retention';
import { Repository } from 'typeorm';

export interface RetentionSettingsView extends RetentionPolicy {
  version: number;
  createdBy: string | null;
  createdAt: Date;
}

const view = (row: RetentionSettingsVersionEntity): RetentionSettingsView => ({
  version: row.version,
  audioDays: row.audioDays,
  transcriptDays: row.transcriptDays,
  scoreDays: row.scoreDays,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** How long audio, transcripts and auto-scores are kept. Versioned: a change is a new row, and audit-logged. */
@Injectable()
export class RetentionSettingsService {
  constructor(
    @InjectRepository(RetentionSettingsVersionEntity) private readonly versions: Repository<RetentionSettingsVersionEntity>,
    private readonly audit: AuditLog,
  ) {}

  async current(): Promise<RetentionSettingsView> {
    const [latest] = await this.versions.find({ order: { version: 'DESC' }, take: 1 });
    return view(latest);
  }

  async history(): Promise<RetentionSettingsView[]> {
    return (await this.versions.find({ order: { version: 'DESC' } })).map(view);
  }

  async update(input: unknown, actor: Principal): Promise<RetentionSettingsView> {
    const parsed = parseRetentionPolicy(input);
    if (!parsed.ok) throw DomainError.validation(Object.fromEntries(parsed.issues.map((i) => [i.field, i.problem])), 'The retention settings are invalid');
    const before = await this.current();
    let saved: RetentionSettingsView;
    try {
      saved = await this.insertNext(parsed.policy, actor.id);
    } catch (e) {
      // Another change took the same version number: ours goes after it.
      if (!isUniqueViolation(e)) throw e;
      saved = await this.insertNext(parsed.policy, actor.id);
    }
    await this.audit.record(actor, {
      action: 'retention_settings.updated',
      resourceType: 'retention_settings',
      resourceId: String(saved.version),
      details: {
        audioDaysBefore: before.audioDays,
        audioDays: saved.audioDays,
        transcriptDaysBefore: before.transcriptDays,
        transcriptDays: saved.transcriptDays,
        scoreDaysBefore: before.scoreDays,
        scoreDays: saved.scoreDays,
      },
    });
    return saved;
  }

  private async insertNext(policy: RetentionPolicy, userId: string): Promise<RetentionSettingsView> {
    const [row] = await this.versions.query<RetentionSettingsVersionEntity[]>(
      `INSERT INTO retention_settings_versions (version, audio_days, transcript_days, score_days, created_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4 FROM retention_settings_versions
       RETURNING id`,
      [policy.audioDays, policy.transcriptDays, policy.scoreDays, userId],
    );
    return view(await this.versions.findOneByOrFail({ id: row.id }));
  }
}
