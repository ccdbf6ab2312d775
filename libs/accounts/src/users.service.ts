import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { hashPassword, Principal } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { isUniqueViolation, REVIEWER_ROLES, TeamEntity, UserEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { In, Repository } from 'typeorm';

export interface CreateUserCommand {
  email: string;
  displayName: string;
  password: string;
  role: UserRole;
  externalId?: string | null;
  teamId?: string | null;
}

export type UpdateUserCommand = Partial<CreateUserCommand> & { active?: boolean };

export interface UserFilter {
  role?: UserRole;
  teamId?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** `actor` is who asked (audit-logged); absent only for the initial admin and test set-up. */
  async create(command: CreateUserCommand, actor?: Principal): Promise<UserEntity> {
    await this.assertTeamExists(command.teamId);
    const entity = this.users.create({
      email: command.email.toLowerCase(),
      displayName: command.displayName,
      passwordHash: await hashPassword(command.password, this.config.passwordHashParams),
      role: command.role,
      externalId: command.externalId ?? null,
      teamId: command.teamId ?? null,
    });
    try {
      const saved = await this.users.save(entity);
      if (actor)
        await this.audit.record(actor, {
          action: 'user.created',
          resourceType: 'user',
          resourceId: saved.id,
          details: { email: saved.email, role: saved.role, teamId: saved.teamId },
        });
      return this.get(saved.id);
    } catch (e) {
      throw this.translateUniqueViolation(e);
    }
  }

  async list(filter: UserFilter): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      where: { role: filter.role, teamId: filter.teamId, active: filter.active },
      order: { displayName: 'ASC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw DomainError.notFound(`User ${id}`);
    return user;
  }

  async update(id: string, command: UpdateUserCommand, actor?: Principal): Promise<UserEntity> {
    const user = await this.get(id);
    await this.assertTeamExists(command.teamId);
    const changes: Partial<UserEntity> = {
      ...(command.email !== undefined && { email: command.email.toLowerCase() }),
      ...(command.displayName !== undefined && { displayName: command.displayName }),
      ...(command.role !== undefined && { role: command.role }),
      ...(command.externalId !== undefined && { externalId: command.externalId }),
      ...(command.teamId !== undefined && { teamId: command.teamId }),
      ...(command.active !== undefined && { active: command.active }),
      ...(command.password !== undefined && { passwordHash: await hashPassword(command.password, this.config.passwordHashParams) }),
    };
    try {
      await this.users.update(user.id, changes);
    } catch (e) {
      throw this.translateUniqueViolation(e);
    }
    const after = await this.get(id);
    if (actor)
      await this.audit.record(actor, {
        action: 'user.updated',
        resourceType: 'user',
        resourceId: id,
        details: userChanges(user, after, command.password !== undefined),
      });
    return after;
  }

  /**
   * Why each of these users cannot review calls (unknown, deactivated, or not a QA supervisor or admin),
   * by id; a user who can is absent. One query.
   */
  async reviewerProblems(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map((ids.length ? await this.users.find({ where: { id: In([...ids]) } }) : []).map((u) => [u.id, u]));
    const problems = new Map<string, string>();
    for (const id of ids) {
      const user = found.get(id);
      if (!user) problems.set(id, `no such user (${id})`);
      else if (!user.active) problems.set(id, `${user.displayName} is deactivated`);
      else if (!REVIEWER_ROLES.includes(user.role)) problems.set(id, `${user.displayName} is ${user.role}; reviewers must be QA supervisors or admins`);
    }
    return problems;
  }

  private async assertTeamExists(teamId: string | null | undefined) {
    if (teamId && !(await this.teams.exists({ where: { id: teamId } }))) {
      throw DomainError.validation({ teamId: `no team has id ${teamId}` });
    }
  }

  private translateUniqueViolation(e: unknown): unknown {
    if (isUniqueViolation(e, 'users_email_key'))
      return new DomainError(ErrorCode.Conflict, 'A user with this email already exists', { email: 'already in use' });
    if (isUniqueViolation(e, 'users_external_id_key'))
      return new DomainError(ErrorCode.Conflict, 'Another user already has this externalId', { externalId: 'already in use' });
    return e;
  }
}

/** What an update changed, before and after (a new password only as a fact). */
function userChanges(before: UserEntity, after: UserEntity, passwordChanged: boolean): Record<string, string | boolean | null> {
  const changes: Record<string, string | boolean | null> = {};
  for (const field of ['email', 'displayName', 'role', 'externalId', 'teamId', 'active'] as const) {
    if (before[field] !== after[field]) {
      changes[`${field}Before`] = before[field];
      changes[field] = after[field];
    }
  }
  if (passwordChanged) changes.passwordChanged = true;
  return changes;
}
