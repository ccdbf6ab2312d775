import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { AgentLeaveEntity, UserEntity, UserRole } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { Repository } from 'typeorm';
import { dayNumber } from './leave-coverage';

export interface CreateAgentLeaveCommand {
  agentId: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  endsOn: string;
  note?: string | null;
}

export interface AgentLeaveFilter {
  agentId?: string;
  /** Leaves that end on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Leaves that start on or before this day (YYYY-MM-DD). */
  to?: string;
}

export interface AgentLeaveView {
  id: string;
  agentId: string;
  agentName: string | null;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Agents' leave. A sampling run leaves out agents on leave for its whole period. */
@Injectable()
export class AgentLeavesService {
  constructor(
    @InjectRepository(AgentLeaveEntity) private readonly leaves: Repository<AgentLeaveEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditLog,
  ) {}

  async create(command: CreateAgentLeaveCommand, actor: Principal): Promise<AgentLeaveView> {
    const errors: Record<string, string> = {};
    const start = dayNumber(command.startsOn);
    const end = dayNumber(command.endsOn);
    if (!Number.isFinite(start)) errors.startsOn = 'must be a date as YYYY-MM-DD';
    if (!Number.isFinite(end)) errors.endsOn = 'must be a date as YYYY-MM-DD';
    else if (Number.isFinite(start) && end < start) errors.endsOn = 'must be on or after startsOn';
    const agent = await this.users.findOne({ where: { id: command.agentId } });
    if (!agent || agent.role !== UserRole.Agent) errors.agentId = 'must be an agent';
    if (Object.keys(errors).length) throw DomainError.validation(errors, 'The leave is invalid');

    const saved = await this.leaves.save(
      this.leaves.create({
        agentId: command.agentId,
        startsOn: command.startsOn,
        endsOn: command.endsOn,
        note: command.note?.trim() || null,
        createdBy: actor.kind === 'user' ? actor.id : null,
      }),
    );
    await this.audit.record(actor, {
      action: 'agent_leave.created',
      resourceType: 'agent_leave',
      resourceId: saved.id,
      details: { agentId: command.agentId, startsOn: command.startsOn, endsOn: command.endsOn },
    });
    return this.get(saved.id);
  }

  /** By start day, then agent. */
  async list(filter: AgentLeaveFilter = {}): Promise<AgentLeaveView[]> {
    const errors: Record<string, string> = {};
    if (filter.from !== undefined && !Number.isFinite(dayNumber(filter.from))) errors.from = 'must be a date as YYYY-MM-DD';
    if (filter.to !== undefined && !Number.isFinite(dayNumber(filter.to))) errors.to = 'must be a date as YYYY-MM-DD';
    if (Object.keys(errors).length) throw DomainError.validation(errors);
    const qb = this.query();
    if (filter.agentId) qb.andWhere('l.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.from) qb.andWhere('l.ends_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('l.starts_on <= :to', { to: filter.to });
    qb.orderBy('l.starts_on', 'ASC').addOrderBy('l.agent_id', 'ASC').addOrderBy('l.id', 'ASC');
    return this.views(qb);
  }

  async get(id: string): Promise<AgentLeaveView> {
    const [view] = await this.views(this.query().andWhere('l.id = :id', { id }));
    if (!view) throw DomainError.notFound(`Agent leave ${id}`);
    return view;
  }

  async delete(id: string, actor: Principal): Promise<void> {
    const leave = await this.leaves.findOne({ where: { id } });
    if (!leave) throw DomainError.notFound(`Agent leave ${id}`);
    await this.leaves.delete({ id });
    await this.audit.record(actor, {
      action: 'agent_leave.deleted',
      resourceType: 'agent_leave',
      resourceId: id,
      details: { agentId: leave.agentId, startsOn: leave.startsOn, endsOn: leave.endsOn },
    });
  }

  private query() {
    return this.leaves
      .createQueryBuilder('l')
      .leftJoin(UserEntity, 'agent', 'agent.id = l.agent_id')
      .addSelect('agent.display_name', 'agent_name')
      .where('1 = 1');
  }

  private async views(qb: ReturnType<AgentLeavesService['query']>): Promise<AgentLeaveView[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ l_id: string; agent_name: string | null }>();
    const names = new Map(raw.map((r) => [r.l_id, r.agent_name]));
    return entities.map((l) => ({
      id: l.id,
      agentId: l.agentId,
      agentName: names.get(l.id) ?? null,
      startsOn: l.startsOn,
      endsOn: l.endsOn,
      note: l.note,
      createdBy: l.createdBy,
      createdAt: l.createdAt,
    }));
  }
}
