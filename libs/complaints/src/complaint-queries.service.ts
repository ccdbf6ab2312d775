import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { ComplaintSeverity, ComplaintState } from '@callgrade/complaint-rules';
import { ComplaintCategoryEntity, ComplaintEntity, ComplaintEventEntity, UserRole } from '@callgrade/database';
import { Page } from '@callgrade/contracts';
import { DomainError } from '@callgrade/http';
import { In, Repository } from 'typeorm';
import { actorOf, assertCanRead, seesCustomerReference } from './complaint-access';
import { complaintDetail, complaintForAgent, complaintSummary } from './complaint.views';

export interface ComplaintFilter {
  state?: ComplaintState;
  severity?: ComplaintSeverity;
  categoryId?: string;
  agentId?: string;
  teamId?: string;
  /** Exact match on the reference as given. */
  customerReference?: string;
  breached?: boolean;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

@Injectable()
export class ComplaintQueries {
  constructor(
    @InjectRepository(ComplaintEntity) private readonly complaints: Repository<ComplaintEntity>,
    @InjectRepository(ComplaintCategoryEntity) private readonly categories: Repository<ComplaintCategoryEntity>,
    @InjectRepository(ComplaintEventEntity) private readonly events: Repository<ComplaintEventEntity>,
  ) {}

  /** Newest first. Agents get only their own upheld complaints, in the agent's view. Three queries whatever the page size. */
  async list(principal: Principal, filter: ComplaintFilter): Promise<Page<object>> {
    const q = this.complaints.createQueryBuilder('c');
    const agent = principal.kind === 'user' && principal.role === UserRole.Agent;
    if (agent) {
      q.andWhere('c.agentId = :self', { self: principal.id }).andWhere(`c.state IN ('resolved', 'closed') AND c.outcome IN ('upheld', 'partly_upheld')`);
    }
    if (filter.state) q.andWhere('c.state = :state', { state: filter.state });
    if (filter.severity) q.andWhere('c.severity = :severity', { severity: filter.severity });
    if (filter.categoryId) q.andWhere('c.categoryId = :categoryId', { categoryId: filter.categoryId });
    if (filter.agentId) q.andWhere('c.agentId = :agentId', { agentId: filter.agentId });
    if (filter.teamId) q.andWhere('c.teamId = :teamId', { teamId: filter.teamId });
    if (filter.customerReference && !agent) q.andWhere('c.customerReference = :ref', { ref: filter.customerReference });
    if (filter.breached !== undefined) {
      q.andWhere(`(c.firstResponseBreachedAt IS NOT NULL OR c.resolutionBreachedAt IS NOT NULL) = :breached`, { breached: filter.breached });
    }
    if (filter.from) q.andWhere('c.receivedAt >= :from', { from: filter.from });
    if (filter.to) q.andWhere('c.receivedAt < :to', { to: filter.to });
    const [rows, total] = await q
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    const categories = await this.categoriesOf(rows);
    const items = rows.map((c) => (agent ? complaintForAgent(c, categories.get(c.categoryId!)) : complaintSummary(c, categories.get(c.categoryId!))));
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async detail(principal: Principal, id: string): Promise<object> {
    const complaint = await this.complaints.findOneBy({ id });
    if (!complaint) throw DomainError.notFound(`Complaint ${id}`);
    assertCanRead(principal, complaint);
    const category = complaint.categoryId ? await this.categories.findOneBy({ id: complaint.categoryId }) : null;
    if (principal.kind === 'user' && principal.role === UserRole.Agent) return complaintForAgent(complaint, category ?? undefined);
    const events = await this.events.find({ where: { complaintId: id }, order: { id: 'ASC' } });
    return complaintDetail(complaint, category ?? undefined, events, actorOf(principal), seesCustomerReference(principal));
  }

  private async categoriesOf(rows: ComplaintEntity[]): Promise<Map<string, ComplaintCategoryEntity>> {
    const ids = [...new Set(rows.map((r) => r.categoryId).filter((id): id is string => id !== null))];
    const found = ids.length > 0 ? await this.categories.findBy({ id: In(ids) }) : [];
    return new Map(found.map((c) => [c.id, c]));
  }
}
