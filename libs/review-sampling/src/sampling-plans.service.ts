import { Injectable } from '@nestjs/common';
import { UsersService } from '@callgrade/accounts';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { isUniqueViolation, SamplingPeriodKind, SamplingPlanEntity, TeamEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import type { TargetedRule } from '@callgrade/sampling';
import { In, IsNull, Repository } from 'typeorm';
import { toPlanView, SamplingPlanView } from './sampling-plan.views';
import { parseTargetedRules } from './targeted-rules.input';

export interface SamplingPlanCommand {
  name?: string;
  description?: string | null;
  period?: SamplingPeriodKind;
  quotaPerAgent?: number;
  minDurationSec?: number;
  teamIds?: string[];
  /** The sampling lib's `TargetedRule`s, as the client sent them; checked here. */
  targetedRules?: unknown;
  reviewerIds?: string[];
  avoidOwnSupervisor?: boolean;
  scheduleEnabled?: boolean;
}

export type CreateSamplingPlanCommand = SamplingPlanCommand & Required<Pick<SamplingPlanCommand, 'name' | 'period' | 'quotaPerAgent' | 'reviewerIds'>>;

/** Sampling plans: what to review each period, and who reviews it. Archived plans stay readable and never run. */
@Injectable()
export class SamplingPlansService {
  constructor(
    @InjectRepository(SamplingPlanEntity) private readonly plans: Repository<SamplingPlanEntity>,
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    private readonly audit: AuditLog,
    private readonly accounts: UsersService,
  ) {}

  async create(command: CreateSamplingPlanCommand, actor: Principal): Promise<SamplingPlanView> {
    const fields = await this.checked(command);
    let saved: SamplingPlanEntity;
    try {
      saved = await this.plans.save(
        this.plans.create({
          name: fields.name,
          description: command.description ?? null,
          period: command.period,
          quotaPerAgent: command.quotaPerAgent,
          minDurationSec: command.minDurationSec ?? 0,
          teamIds: fields.teamIds ?? [],
          targetedRules: (fields.targetedRules ?? []) as object[],
          reviewerIds: fields.reviewerIds ?? [],
          avoidOwnSupervisor: command.avoidOwnSupervisor ?? true,
          scheduleEnabled: command.scheduleEnabled ?? false,
          createdBy: actor.kind === 'user' ? actor.id : null,
        }),
      );
    } catch (e) {
      throw translateNameConflict(e);
    }
    await this.audit.record(actor, { action: 'sampling_plan.created', resourceType: 'sampling_plan', resourceId: saved.id, details: { name: saved.name } });
    return this.get(saved.id);
  }

  /** Newest first; archived plans only when asked for. */
  async list(options: { includeArchived?: boolean } = {}): Promise<SamplingPlanView[]> {
    const plans = await this.plans.find({ where: options.includeArchived ? {} : { archivedAt: IsNull() }, order: { createdAt: 'DESC', id: 'ASC' } });
    return plans.map(toPlanView);
  }

  async get(id: string): Promise<SamplingPlanView> {
    return toPlanView(await this.find(id));
  }

  /** The stored plan, for running it. */
  async find(id: string): Promise<SamplingPlanEntity> {
    const plan = await this.plans.findOne({ where: { id } });
    if (!plan) throw DomainError.notFound(`Sampling plan ${id}`);
    return plan;
  }

  async update(id: string, command: SamplingPlanCommand, actor: Principal): Promise<SamplingPlanView> {
    const plan = await this.find(id);
    if (plan.archivedAt) throw new DomainError(ErrorCode.Conflict, `Sampling plan "${plan.name}" is archived and can no longer be edited`);
    const fields = await this.checked(command);
    const changes: Partial<SamplingPlanEntity> = {};
    if (fields.name !== undefined) changes.name = fields.name;
    if (command.description !== undefined) changes.description = command.description;
    if (command.period !== undefined) changes.period = command.period;
    if (command.quotaPerAgent !== undefined) changes.quotaPerAgent = command.quotaPerAgent;
    if (command.minDurationSec !== undefined) changes.minDurationSec = command.minDurationSec;
    if (fields.teamIds !== undefined) changes.teamIds = fields.teamIds;
    if (fields.targetedRules !== undefined) changes.targetedRules = fields.targetedRules;
    if (fields.reviewerIds !== undefined) changes.reviewerIds = fields.reviewerIds;
    if (command.avoidOwnSupervisor !== undefined) changes.avoidOwnSupervisor = command.avoidOwnSupervisor;
    if (command.scheduleEnabled !== undefined) changes.scheduleEnabled = command.scheduleEnabled;
    if (Object.keys(changes).length > 0) {
      try {
        await this.plans.update({ id }, { ...changes, updatedAt: new Date() });
      } catch (e) {
        throw translateNameConflict(e);
      }
      await this.audit.record(actor, {
        action: 'sampling_plan.updated',
        resourceType: 'sampling_plan',
        resourceId: id,
        details: { fields: Object.keys(changes).sort().join(',') },
      });
    }
    return this.get(id);
  }

  /** Stops the plan for good (its runs and assignments stay); archiving twice is harmless. */
  async archive(id: string, actor: Principal): Promise<SamplingPlanView> {
    const result = await this.plans.update({ id, archivedAt: IsNull() }, { archivedAt: new Date(), scheduleEnabled: false });
    if (result.affected === 0) return this.get(id);
    await this.audit.record(actor, { action: 'sampling_plan.archived', resourceType: 'sampling_plan', resourceId: id });
    return this.get(id);
  }

  /** Checks the fields that need more than their DTO: rules, reviewers, teams, the name. */
  private async checked(command: SamplingPlanCommand): Promise<{ name?: string; targetedRules?: TargetedRule[]; reviewerIds?: string[]; teamIds?: string[] }> {
    const errors: Record<string, string> = {};
    const out: { name?: string; targetedRules?: TargetedRule[]; reviewerIds?: string[]; teamIds?: string[] } = {};
    if (command.name !== undefined) {
      out.name = command.name.trim();
      if (!out.name) errors.name = 'must not be empty';
    }
    if (command.targetedRules !== undefined) {
      const parsed = parseTargetedRules(command.targetedRules);
      if (parsed.ok) out.targetedRules = parsed.rules;
      else Object.assign(errors, parsed.errors);
    }
    if (command.reviewerIds !== undefined) {
      out.reviewerIds = [...new Set(command.reviewerIds)];
      if (out.reviewerIds.length === 0) errors.reviewerIds = 'must name at least one reviewer';
      const problems = await this.accounts.reviewerProblems(out.reviewerIds);
      command.reviewerIds.forEach((id, i) => {
        const problem = problems.get(id);
        if (problem) errors[`reviewerIds[${i}]`] = problem;
      });
    }
    if (command.teamIds !== undefined) {
      out.teamIds = [...new Set(command.teamIds)];
      const found = out.teamIds.length ? await this.teams.find({ select: { id: true }, where: { id: In(out.teamIds) } }) : [];
      const missing = out.teamIds.filter((teamId) => !found.some((t) => t.id === teamId));
      if (missing.length) errors.teamIds = `no such team: ${missing.join(', ')}`;
    }
    if (Object.keys(errors).length) throw DomainError.validation(errors, 'The sampling plan is invalid');
    return out;
  }
}

function translateNameConflict(e: unknown): unknown {
  // The name is the only unique column a client sets.
  return isUniqueViolation(e) ? new DomainError(ErrorCode.Conflict, 'A sampling plan with this name already exists', { name: 'already in use' }) : e;
}
