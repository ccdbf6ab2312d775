import { Injectable } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { ComplaintSeverity, maskCustomerReference } from '@callgrade/complaint-rules';
import { EvaluationDisputeEntity, UserEntity } from '@callgrade/database';
import { Page } from '@callgrade/contracts';
import { DomainError, ErrorCode } from '@callgrade/http';
import { DataSource } from 'typeorm';
import { DISPUTE_INBOX_ROLES } from './complaint-access';
import { ComplaintSettingsService } from './complaint-settings.service';
import { lockComplaint, saveComplaintChange } from './complaint-store';

export type InboxKind = 'complaint' | 'evaluation_dispute';

export interface InboxFilter {
  kind?: InboxKind;
  teamId?: string;
  categoryId?: string;
  severity?: ComplaintSeverity;
  /** A user id, or `none` for unassigned items. */
  assigneeId?: string;
  sort: 'deadline' | '-deadline';
  page: number;
  pageSize: number;
}

export interface InboxItem {
  kind: InboxKind;
  id: string;
  complaintId: string | null;
  evaluationId: string | null;
  state: string;
  severity: string | null;
  category: { id: string; key: string; labelEn: string; labelZh: string } | null;
  customerReference: string | null;
  agentId: string;
  teamId: string | null;
  assigneeId: string | null;
  openedAt: Date;
  deadline: Date;
  overdue: ('first_response' | 'resolution')[];
}

interface InboxRow {
  kind: InboxKind;
  id: string;
  evaluation_id: string | null;
  state: string;
  severity: string | null;
  category_id: string | null;
  category_key: string | null;
  label_en: string | null;
  label_zh: string | null;
  customer_reference: string | null;
  agent_id: string;
  team_id: string | null;
  assignee_id: string | null;
  opened_at: Date;
  due_at: Date;
  first_response_overdue: boolean;
  resolution_overdue: boolean;
  total: string;
}

/**
 * The dispute team's one queue: escalated complaints (due by their resolution deadline) and agents' open
 * disputes of evaluations (due `disputeResolutionHours` after they were raised), soonest deadline first.
 * Members claim items, or are given them; each claim or assignment is audit-logged.
 */
@Injectable()
export class DisputeInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ComplaintSettingsService,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: InboxFilter, now = new Date()): Promise<Page<InboxItem>> {
    const { disputeResolutionHours } = await this.settings.current();
    const direction = filter.sort === '-deadline' ? 'DESC' : 'ASC';
    const top = filter.page * filter.pageSize;
    // Each kind is cut to the first page*pageSize by its own index before the two are merged.
    const page = inboxSql(filter, disputeResolutionHours, now, (complaints, disputes) => {
      const kinds = [
        complaints &&
          `(SELECT ${COMPLAINT_COLUMNS} FROM complaints c LEFT JOIN complaint_categories cat ON cat.id = c.category_id ${complaints} ORDER BY c.resolution_due_at ${direction}, c.id ${direction} LIMIT ${top})`,
        disputes && `(SELECT ${DISPUTE_COLUMNS} ${disputes} ORDER BY due_at ${direction}, d.id ${direction} LIMIT ${top})`,
      ];
      return `SELECT * FROM (${kinds.filter(Boolean).join(' UNION ALL ')}) inbox ORDER BY due_at ${direction}, id ${direction} LIMIT ${filter.pageSize} OFFSET ${top - filter.pageSize}`;
    });
    const count = inboxSql(
      filter,
      disputeResolutionHours,
      now,
      (complaints, disputes) =>
        `SELECT ${[complaints && `(SELECT count(*) FROM complaints c ${complaints})`, disputes && `(SELECT count(*) ${disputes})`].filter(Boolean).join(' + ')} AS total`,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<InboxRow[]>(page.sql, page.params),
      this.dataSource.query<{ total: string }[]>(count.sql, count.params),
    ]);
    return { items: rows.map(inboxItem), total: Number(total), page: filter.page, pageSize: filter.pageSize };
  }

  /** The caller takes the item. */
  claim(principal: Principal, kind: InboxKind, id: string): Promise<void> {
    return this.assign(principal, kind, id, principal.id, 'claimed');
  }

  /** Gives the item to a member of the dispute team (or an admin or QA supervisor). */
  async assign(principal: Principal, kind: InboxKind, id: string, assigneeId: string, action: 'claimed' | 'assigned' = 'assigned'): Promise<void> {
    const assignee = await this.dataSource.manager.findOneBy(UserEntity, { id: assigneeId, active: true });
    if (!assignee || !DISPUTE_INBOX_ROLES.includes(assignee.role)) {
      throw DomainError.validation({ assigneeId: 'must be an active member of the dispute team, a QA supervisor or an admin' });
    }
    const previous = kind === 'complaint' ? await this.assignComplaint(principal, id, assigneeId) : await this.assignDispute(id, assignee);
    await this.audit.record(principal, {
      action: `dispute_inbox.${action}`,
      resourceType: kind,
      resourceId: id,
      details: { assigneeId, previousAssigneeId: previous },
    });
  }

  private assignComplaint(principal: Principal, id: string, assigneeId: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await lockComplaint(manager, id);
      if (complaint.state === 'closed') throw new DomainError(ErrorCode.Conflict, `Complaint ${id} is closed`, { state: 'closed' });
      const previous = complaint.assigneeId;
      if (previous !== assigneeId) {
        await saveComplaintChange(
          manager,
          complaint,
          { assigneeId },
          { type: 'assigned', actor: principal, changes: { assigneeId: { from: previous, to: assigneeId } } },
        );
      }
      return previous;
    });
  }

  private async assignDispute(id: string, assignee: UserEntity): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const dispute = await manager.findOne(EvaluationDisputeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!dispute) throw DomainError.notFound(`Dispute ${id}`);
      if (dispute.status !== 'open') throw new DomainError(ErrorCode.Conflict, `Dispute ${id} is already ${dispute.status}`, { status: dispute.status });
      const [evaluation]: { reviewer_id: string; agent_id: string }[] = await manager.query(`SELECT reviewer_id, agent_id FROM evaluations WHERE id = $1`, [
        dispute.evaluationId,
      ]);
      if (assignee.id === evaluation.reviewer_id || assignee.id === evaluation.agent_id) {
        throw DomainError.validation({ assigneeId: 'must not be the evaluation’s reviewer or its agent' });
      }
      await manager.update(EvaluationDisputeEntity, { id }, { assigneeId: assignee.id });
      return dispute.assigneeId;
    });
  }
}

const COMPLAINT_COLUMNS = `'complaint' AS kind, c.id, NULL::uuid AS evaluation_id, c.state, c.severity, c.category_id, cat.key AS category_key, cat.label_en, cat.label_zh,
  c.customer_reference, c.agent_id, c.team_id, c.assignee_id, c.received_at AS opened_at, c.resolution_due_at AS due_at,
  (c.first_response_breached_at IS NOT NULL OR (c.first_responded_at IS NULL AND c.first_response_due_at <= $1)) AS first_response_overdue,
  (c.resolution_breached_at IS NOT NULL OR c.resolution_due_at <= $1) AS resolution_overdue`;

const DISPUTE_COLUMNS = `'evaluation_dispute' AS kind, d.id, d.evaluation_id, 'disputed' AS state, NULL AS severity, NULL::uuid AS category_id, NULL AS category_key,
  NULL AS label_en, NULL AS label_zh, NULL AS customer_reference, e.agent_id, u.team_id, d.assignee_id, d.created_at AS opened_at,
  d.created_at + make_interval(hours => $2::int) AS due_at,
  false AS first_response_overdue, d.created_at + make_interval(hours => $2::int) <= $1 AS resolution_overdue`;

/**
 * The WHERE of the complaints and the FROM and WHERE of the disputes the filter keeps (null for a kind it leaves out), given to `compose`
 * to make one statement. $1 is now and $2 the hours a dispute may take; a statement that does not
 * use them still types them, so every statement can take the same first two parameters.
 */
function inboxSql(filter: InboxFilter, disputeHours: number, now: Date, compose: (complaints: string | null, disputes: string | null) => string) {
  const params: unknown[] = [now, disputeHours];
  const param = (value: unknown) => `$${params.push(value)}`;
  const typed = [`$1::timestamptz IS NOT NULL`, `$2::int IS NOT NULL`];
  const complaintWhere = [`c.state = 'escalated'`, ...typed];
  const disputeWhere = [`d.status = 'open'`, ...typed];
  if (filter.teamId) {
    const p = param(filter.teamId);
    complaintWhere.push(`c.team_id = ${p}`);
    disputeWhere.push(`u.team_id = ${p}`);
  }
  if (filter.assigneeId) {
    const p = filter.assigneeId === 'none' ? null : param(filter.assigneeId);
    complaintWhere.push(p ? `c.assignee_id = ${p}` : `c.assignee_id IS NULL`);
    disputeWhere.push(p ? `d.assignee_id = ${p}` : `d.assignee_id IS NULL`);
  }
  if (filter.categoryId) complaintWhere.push(`c.category_id = ${param(filter.categoryId)}`);
  if (filter.severity) complaintWhere.push(`c.severity = ${param(filter.severity)}`);
  // Disputes of evaluations have neither category nor severity: filtering by either leaves complaints only.
  // Counting reads complaints alone, so PostgreSQL can answer from the partial index without the table.
  const complaints = filter.kind === 'evaluation_dispute' ? null : `WHERE ${complaintWhere.join(' AND ')}`;
  const disputes =
    filter.kind === 'complaint' || filter.categoryId || filter.severity
      ? null
      : `FROM evaluation_disputes d JOIN evaluations e ON e.id = d.evaluation_id JOIN users u ON u.id = e.agent_id WHERE ${disputeWhere.join(' AND ')}`;
  return { sql: compose(complaints, disputes), params };
}

function inboxItem(r: InboxRow): InboxItem {
  return {
    kind: r.kind,
    id: r.id,
    complaintId: r.kind === 'complaint' ? r.id : null,
    evaluationId: r.evaluation_id,
    state: r.state,
    severity: r.severity,
    category: r.category_id ? { id: r.category_id, key: r.category_key!, labelEn: r.label_en!, labelZh: r.label_zh! } : null,
    customerReference: r.customer_reference === null ? null : maskCustomerReference(r.customer_reference),
    agentId: r.agent_id,
    teamId: r.team_id,
    assigneeId: r.assignee_id,
    openedAt: r.opened_at,
    deadline: r.due_at,
    overdue: [...(r.first_response_overdue ? ['first_response' as const] : []), ...(r.resolution_overdue ? ['resolution' as const] : [])],
  };
}
