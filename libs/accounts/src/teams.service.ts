import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { isUniqueViolation, TeamEntity, UserEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { In, Repository } from 'typeorm';

export interface TeamCommand {
  name?: string;
  supervisorIds?: string[];
}

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditLog,
  ) {}

  async create(command: Required<Pick<TeamCommand, 'name'>> & TeamCommand, actor?: Principal): Promise<TeamEntity> {
    const supervisors = await this.supervisors(command.supervisorIds ?? []);
    try {
      const saved = await this.teams.save(this.teams.create({ name: command.name, supervisors }));
      if (actor)
        await this.audit.record(actor, {
          action: 'team.created',
          resourceType: 'team',
          resourceId: saved.id,
          details: { name: saved.name, supervisorIds: supervisors.map((u) => u.id).join(',') },
        });
      return this.get(saved.id);
    } catch (e) {
      throw this.translateUniqueViolation(e);
    }
  }

  list(): Promise<TeamEntity[]> {
    return this.teams.find({ relations: { supervisors: true }, order: { name: 'ASC' } });
  }

  async get(id: string): Promise<TeamEntity> {
    const team = await this.teams.findOne({ where: { id }, relations: { supervisors: true } });
    if (!team) throw DomainError.notFound(`Team ${id}`);
    return team;
  }

  async update(id: string, command: TeamCommand, actor?: Principal): Promise<TeamEntity> {
    const team = await this.get(id);
    const before = {
      name: team.name,
      supervisorIds: (team.supervisors ?? [])
        .map((u) => u.id)
        .sort()
        .join(','),
    };
    if (command.name !== undefined) team.name = command.name;
    if (command.supervisorIds !== undefined) team.supervisors = await this.supervisors(command.supervisorIds);
    try {
      await this.teams.save(team);
    } catch (e) {
      throw this.translateUniqueViolation(e);
    }
    const after = await this.get(id);
    const supervisorIds = (after.supervisors ?? [])
      .map((u) => u.id)
      .sort()
      .join(',');
    if (actor)
      await this.audit.record(actor, {
        action: 'team.updated',
        resourceType: 'team',
        resourceId: id,
        details: { nameBefore: before.name, name: after.name, supervisorIdsBefore: before.supervisorIds, supervisorIds },
      });
    return after;
  }

  private async supervisors(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return [];
    const found = await this.users.find({ where: { id: In(ids) } });
    const problems = ids.filter((id) => {
      const user = found.find((u) => u.id === id);
      return !user || (user.role !== UserRole.QaSupervisor && user.role !== UserRole.Admin);
    });
    if (problems.length) throw DomainError.validation({ supervisorIds: `not QA supervisors: ${problems.join(', ')}` });
    return found;
  }

  private translateUniqueViolation(e: unknown): unknown {
    return isUniqueViolation(e) ? new DomainError(ErrorCode.Conflict, 'A team with this name already exists', { name: 'already in use' }) : e;
  }
}
