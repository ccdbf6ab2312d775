import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { isUniqueViolation, ScorecardEntity, ScorecardVersionEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { Scorecard } from '@callgrade/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { canonicalJson, DefinitionStamp, issuesToErrors, prepareScorecardDefinition } from './scorecard-definition';
import { ScorecardDetail, ScorecardForScoring, ScorecardSummary, ScorecardVersionView } from './scorecard.views';

export interface CreateScorecardCommand {
  name: string;
  description?: string | null;
  /** A `Scorecard` from the scoring lib; `id` and `version` are set by the service. */
  definition: unknown;
  isDefault?: boolean;
}

export interface UpdateScorecardCommand {
  name?: string;
  description?: string | null;
  definition?: unknown;
}

const NAME_CONSTRAINT = 'scorecards_name_key';
/** Serialises changes of the default scorecard, which the partial unique index allows only one of. */
const DEFAULT_LOCK = 'callgrade.scorecards.default';

/**
 * Scorecards and their versions. A version that has scored a call (`first_used_at` set) is frozen:
 * editing the definition then adds a version, otherwise the latest version is edited in place.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ScorecardEntity) private readonly scorecards: Repository<ScorecardEntity>,
    @InjectRepository(ScorecardVersionEntity) private readonly versions: Repository<ScorecardVersionEntity>,
    private readonly audit: AuditLog,
  ) {}

  async create(command: CreateScorecardCommand, actor: Principal | null): Promise<ScorecardDetail> {
    const userId = actor?.id ?? null;
    const id = randomUUID();
    const name = this.checkName(command.name);
    const definition = this.prepare(command.definition, { scorecardId: id, version: 1, name });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ScorecardEntity, { id, name, description: command.description ?? null });
        await manager.insert(ScorecardVersionEntity, { scorecardId: id, version: 1, definition, createdBy: userId });
        if (command.isDefault) await this.makeDefault(manager, id);
      });
    } catch (e) {
      throw translateNameConflict(e);
    }
    const created = await this.get(id);
    await this.recordChange(actor, 'scorecard.created', created);
    return created;
  }

  /** Every scorecard, archived ones included, by name; one query. */
  async list(): Promise<ScorecardSummary[]> {
    const { entities, raw } = await this.scorecards
      .createQueryBuilder('s')
      .addSelect((sub) => sub.select('MAX(v.version)').from(ScorecardVersionEntity, 'v').where('v.scorecard_id = s.id'), 'latest_version')
      .orderBy('s.name', 'ASC')
      .getRawAndEntities<{ s_id: string; latest_version: number | null }>();
    const latest = new Map(raw.map((r) => [r.s_id, Number(r.latest_version ?? 0)]));
    return entities.map((s) => toSummary(s, latest.get(s.id) ?? 0));
  }

  async get(id: string): Promise<ScorecardDetail> {
    const scorecard = await this.scorecards.findOne({ where: { id }, relations: { versions: true }, order: { versions: { version: 'DESC' } } });
    if (!scorecard) throw DomainError.notFound(`Scorecard ${id}`);
    const versions = (scorecard.versions ?? []).map(toVersionView);
    return { ...toSummary(scorecard, versions[0]?.version ?? 0), versions };
  }

  async getVersion(scorecardId: string, version: number): Promise<ScorecardVersionView> {
    const found = await this.versions.findOne({ where: { scorecardId, version } });
    if (!found) throw DomainError.notFound(`Version ${version} of scorecard ${scorecardId}`);
    return toVersionView(found);
  }

  /** The version a score points at. */
  async getVersionById(versionId: string): Promise<ScorecardVersionView> {
    const found = await this.versions.findOne({ where: { id: versionId } });
    if (!found) throw DomainError.notFound(`Scorecard version ${versionId}`);
    return toVersionView(found);
  }

  async update(id: string, command: UpdateScorecardCommand, actor: Principal | null): Promise<ScorecardDetail> {
    const userId = actor?.id ?? null;
    const name = command.name === undefined ? undefined : this.checkName(command.name);
    try {
      await this.dataSource.transaction(async (manager) => {
        // The row lock serialises edits of one scorecard, so version N+1 is computed once.
        const scorecard = await manager.findOne(ScorecardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!scorecard) throw DomainError.notFound(`Scorecard ${id}`);
        if (scorecard.archivedAt) throw new DomainError(ErrorCode.Conflict, `Scorecard "${scorecard.name}" is archived and can no longer be edited`);
        const changes: Partial<ScorecardEntity> = { updatedAt: new Date() };
        if (name !== undefined) changes.name = name;
        if (command.description !== undefined) changes.description = command.description;
        await manager.update(ScorecardEntity, { id }, changes);
        if (command.definition !== undefined) await this.editDefinition(manager, id, name ?? scorecard.name, command.definition, userId);
      });
    } catch (e) {
      throw translateNameConflict(e);
    }
    const updated = await this.get(id);
    await this.recordChange(actor, 'scorecard.updated', updated);
    return updated;
  }

  /** Makes this scorecard the one auto-scoring applies; the previous default stops being it in the same transaction. */
  async setDefault(id: string, actor: Principal | null): Promise<ScorecardDetail> {
    await this.dataSource.transaction(async (manager) => {
      const scorecard = await manager.findOne(ScorecardEntity, { where: { id } });
      if (!scorecard) throw DomainError.notFound(`Scorecard ${id}`);
      if (!(await this.makeDefault(manager, id))) {
        throw new DomainError(ErrorCode.Conflict, `Scorecard "${scorecard.name}" is archived and cannot be the default`);
      }
    });
    const scorecard = await this.get(id);
    await this.recordChange(actor, 'scorecard.made_default', scorecard);
    return scorecard;
  }

  /** Archives a scorecard other than the default; archiving twice is harmless. */
  async archive(id: string, actor: Principal | null): Promise<ScorecardDetail> {
    // One conditional statement, so a concurrent setDefault cannot make an archived scorecard the default.
    const result = await this.scorecards.update({ id, isDefault: false, archivedAt: IsNull() }, { archivedAt: new Date() });
    if (result.affected === 0) {
      const scorecard = await this.scorecards.findOne({ where: { id } });
      if (!scorecard) throw DomainError.notFound(`Scorecard ${id}`);
      if (scorecard.isDefault) {
        throw new DomainError(ErrorCode.Conflict, `Scorecard "${scorecard.name}" is the default: make another scorecard the default before archiving it`);
      }
    }
    const scorecard = await this.get(id);
    if (result.affected === 1) await this.recordChange(actor, 'scorecard.archived', scorecard);
    return scorecard;
  }

  /** Who changed which scorecard, and which version it is at now. */
  private async recordChange(actor: Principal | null, action: string, scorecard: ScorecardDetail): Promise<void> {
    if (!actor) return;
    await this.audit.record(actor, {
      action,
      resourceType: 'scorecard',
      resourceId: scorecard.id,
      details: { name: scorecard.name, latestVersion: scorecard.latestVersion, isDefault: scorecard.isDefault },
    });
  }

  /**
   * The default scorecard's latest version, which auto-scoring applies. With `freeze`, the version is
   * marked used first and its definition read after that, so an in-place edit racing with scoring
   * cannot change what is scored under this version id (an aborted scoring only freezes it early).
   */
  async currentForScoring(options: { freeze?: boolean } = {}): Promise<ScorecardForScoring> {
    const latest = await this.versions
      .createQueryBuilder('v')
      .innerJoin('v.scorecard', 's')
      .where('s.isDefault = true')
      .orderBy('v.version', 'DESC')
      .limit(1)
      .getOne();
    if (!latest)
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'No default scorecard is set: make a scorecard the default (POST /api/v1/scorecards/:id/default) before scoring',
      );
    let version = latest;
    if (options.freeze && latest.firstUsedAt === null) {
      await this.markUsed(latest.id);
      version = await this.versions.findOneByOrFail({ id: latest.id });
    }
    return { scorecardId: version.scorecardId, versionId: version.id, version: version.version, definition: version.definition as Scorecard };
  }

  /**
   * Freezes a version once it has scored a call: later edits make a new version. Call it in the
   * transaction that stores the score. True when this call froze it, false when it already was.
   */
  async markUsed(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(ScorecardVersionEntity, { id: versionId, firstUsedAt: IsNull() }, { firstUsedAt: () => 'now()' });
    return result.affected === 1;
  }

  private async editDefinition(manager: EntityManager, scorecardId: string, name: string, input: unknown, userId: string | null): Promise<void> {
    const latest = await manager.findOneOrFail(ScorecardVersionEntity, { where: { scorecardId }, order: { version: 'DESC' } });
    if (latest.firstUsedAt === null) {
      const definition = this.prepare(input, { scorecardId, version: latest.version, name });
      // Conditional: if scoring froze the version meanwhile, fall through to a new version.
      const edited = await manager.update(ScorecardVersionEntity, { id: latest.id, firstUsedAt: IsNull() }, { definition });
      if (edited.affected === 1) return;
    }
    const definition = this.prepare(input, { scorecardId, version: latest.version + 1, name });
    const unchanged = canonicalJson({ ...definition, version: latest.version }) === canonicalJson(latest.definition);
    if (unchanged) return;
    await manager.insert(ScorecardVersionEntity, { scorecardId, version: latest.version + 1, definition, createdBy: userId });
  }

  /** Unsets the previous default and sets this one, unless it is archived (false then). */
  private async makeDefault(manager: EntityManager, id: string): Promise<boolean> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DEFAULT_LOCK]);
    const current = await manager.findOne(ScorecardEntity, { where: { isDefault: true } });
    if (current?.id === id) return true;
    if (current) await manager.update(ScorecardEntity, { id: current.id }, { isDefault: false });
    const result = await manager.update(ScorecardEntity, { id, archivedAt: IsNull() }, { isDefault: true });
    return result.affected === 1;
  }

  private prepare(input: unknown, stamp: DefinitionStamp): Scorecard {
    const prepared = prepareScorecardDefinition(input, stamp);
    if (!prepared.ok) throw DomainError.validation(issuesToErrors(prepared.issues, 'definition'), 'The scorecard definition is invalid');
    return prepared.definition;
  }

  private checkName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw DomainError.validation({ name: 'must not be empty' });
    return trimmed;
  }
}

function translateNameConflict(e: unknown): unknown {
  return isUniqueViolation(e, NAME_CONSTRAINT)
    ? new DomainError(ErrorCode.Conflict, 'A scorecard with this name already exists', { name: 'already in use' })
    : e;
}

function toSummary(s: ScorecardEntity, latestVersion: number): ScorecardSummary {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    isDefault: s.isDefault,
    archivedAt: s.archivedAt,
    latestVersion,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

function toVersionView(v: ScorecardVersionEntity): ScorecardVersionView {
  return {
    id: v.id,
    scorecardId: v.scorecardId,
    version: v.version,
    definition: v.definition as Scorecard,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    firstUsedAt: v.firstUsedAt,
    frozen: v.firstUsedAt !== null,
  };
}
