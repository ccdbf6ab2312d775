import { Injectable } from '@nestjs/common';
import { ActorType, FlatJson } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { csvLine } from './csv';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  /** Events at or after. */
  from?: Date;
  /** Events before. */
  to?: Date;
}

export interface AuditEventView {
  id: string;
  at: Date;
  actor: { type: ActorType; id: string; name: string | null; email: string | null };
  action: string;
  resourceType: string;
  resourceId: string;
  ip: string | null;
  userAgent: string | null;
  /** The byte range served, for audio reads (`start-end`); null for the whole file or other actions. */
  range: string | null;
  details: FlatJson;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_type: ActorType;
  actor_id: string;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  ip: string | null;
  user_agent: string | null;
  details: FlatJson;
}

const SELECT = `
  SELECT a.id, a.at, a.actor_type, a.actor_id, coalesce(u.display_name, k.name) AS actor_name, u.email AS actor_email,
         a.action, a.resource_type, a.resource_id, a.ip, a.user_agent, a.details
    FROM audit_events a
    LEFT JOIN users u ON a.actor_type = 'user' AND u.id = a.actor_id
    LEFT JOIN api_keys k ON a.actor_type = 'api_key' AND k.id = a.actor_id`;

const view = (r: AuditRow): AuditEventView => ({
  id: String(r.id),
  at: r.at,
  actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name, email: r.actor_email },
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  ip: r.ip,
  userAgent: r.user_agent,
  range: typeof r.details.range === 'string' ? r.details.range : null,
  details: r.details,
});

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor_type',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'resource_type',
  'resource_id',
  'ip',
  'user_agent',
  'range',
  'details',
] as const;

const EXPORT_BATCH = 1000;

/** Reads the audit log for admins and auditors: filtered pages, and the whole filtered log as CSV. */
@Injectable()
export class AuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEventView[]; total: number }> {
    const { where, params } = whereClause(filter);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<AuditRow[]>(`${SELECT} ${where} ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        pageSize,
        (page - 1) * pageSize,
      ]),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_events a ${where}`, params),
    ]);
    return { items: rows.map(view), total };
  }

  /** The filtered log as CSV lines, oldest first, read in batches so memory stays flat however long it is. */
  async *csv(filter: AuditFilter): AsyncGenerator<string> {
    yield csvLine(AUDIT_CSV_COLUMNS);
    let after = '0';
    for (;;) {
      const { where, params } = whereClause(filter, after);
      const rows = await this.dataSource.query<AuditRow[]>(`${SELECT} ${where} ORDER BY a.id LIMIT ${EXPORT_BATCH}`, params);
      if (rows.length === 0) return;
      yield rows
        .map((r) => {
          const v = view(r);
          return csvLine([
            v.id,
            v.at.toISOString(),
            v.actor.type,
            v.actor.id,
            v.actor.name,
            v.actor.email,
            v.action,
            v.resourceType,
            v.resourceId,
            v.ip,
            v.userAgent,
            v.range,
            JSON.stringify(v.details),
          ]);
        })
        .join('');
      after = String(rows[rows.length - 1].id);
      if (rows.length < EXPORT_BATCH) return;
    }
  }
}

function whereClause(filter: AuditFilter, afterId?: string): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.actorId) add('a.actor_id = ?', filter.actorId);
  if (filter.action) add('a.action = ?', filter.action);
  if (filter.resourceType) add('a.resource_type = ?', filter.resourceType);
  if (filter.resourceId) add('a.resource_id = ?', filter.resourceId);
  if (filter.from) add('a.at >= ?', filter.from);
  if (filter.to) add('a.at < ?', filter.to);
  if (afterId) add('a.id > ?', afterId);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
