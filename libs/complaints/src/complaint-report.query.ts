import { Injectable } from '@nestjs/common';
import { ComplaintReport, CountRow, DurationFigures, maskCustomerReference, rate } from '@callgrade/complaint-rules';
import { DataSource } from 'typeorm';

const SEVERITY_ZH: Record<string, string> = { low: '低', medium: '中', high: '高', critical: '紧急' };
const TOP_REPEAT_COMPLAINANTS = 20;

interface Totals {
  total: string;
  breached: string;
  resolved: string;
  upheld: string;
  partly_upheld: string;
  not_upheld: string;
  first_count: string;
  /** Median and 90th percentile, from one sort. */
  first_quantiles: [number, number] | null;
  resolution_count: string;
  resolution_quantiles: [number, number] | null;
}

interface GroupRow {
  grp: 'category' | 'team' | 'agent' | 'severity';
  key: string | null;
  label_en: string | null;
  label_zh: string | null;
  count: string;
}

const minutes = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Complaints received in [from, to): counts by category, team, agent and severity; median and 90th
 * percentile minutes to first response and to resolution (linear interpolation between ranks, as
 * PostgreSQL's percentile_cont); breach and upheld rates; customers who complained more than once.
 * Three scans of the period, run side by side.
 */
@Injectable()
export class ComplaintReportQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(from: Date, to: Date): Promise<ComplaintReport> {
    const [[totals], groups, repeat] = await Promise.all([this.totals(from, to), this.groups(from, to), this.repeatComplainants(from, to)]);
    const duration = (count: string, quantiles: [number, number] | null): DurationFigures => ({
      count: Number(count),
      median: minutes(quantiles?.[0] ?? null),
      p90: minutes(quantiles?.[1] ?? null),
    });
    const section = (name: GroupRow['grp']): CountRow[] =>
      groups
        .filter((g) => g.grp === name)
        .map((g) => ({ key: g.key ?? 'none', labelEn: g.label_en ?? 'None', labelZh: g.label_zh ?? '无', count: Number(g.count) }));
    const total = Number(totals.total);
    const breached = Number(totals.breached);
    const [upheld, partlyUpheld, notUpheld] = [Number(totals.upheld), Number(totals.partly_upheld), Number(totals.not_upheld)];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total,
      breached,
      breachRate: rate(breached, total),
      resolved: Number(totals.resolved),
      upheld,
      partlyUpheld,
      notUpheld,
      upheldRate: rate(upheld + partlyUpheld, upheld + partlyUpheld + notUpheld),
      timeToFirstResponse: duration(totals.first_count, totals.first_quantiles),
      timeToResolution: duration(totals.resolution_count, totals.resolution_quantiles),
      byCategory: section('category'),
      byTeam: section('team'),
      byAgent: section('agent'),
      bySeverity: section('severity').map((s) => ({ ...s, labelZh: SEVERITY_ZH[s.key] ?? s.key })),
      repeatComplainants: repeat,
    };
  }

  /**
   * One read-only transaction per statement, so the three run side by side on their own connections;
   * JIT off (compiling costs more than it saves on these plans) and enough work_mem to sort and hash
   * a year in memory.
   */
  private async readOnly<T>(sql: string, params: unknown[]): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query(`SET LOCAL jit = off`);
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      return manager.query<T>(sql, params);
    });
  }

  private totals(from: Date, to: Date): Promise<Totals[]> {
    return this.readOnly(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL) AS breached,
              count(resolved_at) AS resolved,
              count(*) FILTER (WHERE outcome = 'upheld') AS upheld,
              count(*) FILTER (WHERE outcome = 'partly_upheld') AS partly_upheld,
              count(*) FILTER (WHERE outcome = 'not_upheld') AS not_upheld,
              count(first_responded_at) AS first_count,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_minutes) AS first_quantiles,
              count(resolved_at) AS resolution_count,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_minutes) AS resolution_quantiles
         FROM (SELECT *, extract(epoch FROM first_responded_at - received_at)::float8 / 60 AS first_response_minutes,
                         extract(epoch FROM resolved_at - received_at)::float8 / 60 AS resolution_minutes
                 FROM complaints WHERE received_at >= $1 AND received_at < $2) c`,
      [from, to],
    );
  }

  private groups(from: Date, to: Date): Promise<GroupRow[]> {
    return this.readOnly(
      `WITH counts AS (
         SELECT category_id, team_id, agent_id, severity, GROUPING(category_id, team_id, agent_id, severity) AS g, count(*) AS count
           FROM complaints WHERE received_at >= $1 AND received_at < $2
          GROUP BY GROUPING SETS ((category_id), (team_id), (agent_id), (severity)))
       SELECT 'category' AS grp, cat.key, cat.label_en, cat.label_zh, c.count FROM counts c LEFT JOIN complaint_categories cat ON cat.id = c.category_id WHERE c.g = 7
       UNION ALL
       SELECT 'team', c.team_id::text, t.name, t.name, c.count FROM counts c LEFT JOIN teams t ON t.id = c.team_id WHERE c.g = 11
       UNION ALL
       SELECT 'agent', c.agent_id::text, u.display_name, u.display_name, c.count FROM counts c LEFT JOIN users u ON u.id = c.agent_id WHERE c.g = 13
       UNION ALL
       SELECT 'severity', c.severity, c.severity, c.severity, c.count FROM counts c WHERE c.g = 14
       ORDER BY grp, count DESC, key`,
      [from, to],
    );
  }

  private async repeatComplainants(from: Date, to: Date): Promise<ComplaintReport['repeatComplainants']> {
    const rows = await this.readOnly<{ customer_reference: string; count: string; customers: string; complaints: string }[]>(
      `SELECT customer_reference, count, count(*) OVER () AS customers, sum(count) OVER () AS complaints
         FROM (SELECT customer_reference, count(*) AS count FROM complaints
                WHERE received_at >= $1 AND received_at < $2 AND customer_reference IS NOT NULL
                GROUP BY customer_reference HAVING count(*) > 1) r
        ORDER BY count DESC, customer_reference LIMIT ${TOP_REPEAT_COMPLAINANTS}`,
      [from, to],
    );
    return {
      customers: rows.length > 0 ? Number(rows[0].customers) : 0,
      complaints: rows.length > 0 ? Number(rows[0].complaints) : 0,
      top: rows.map((r) => {
        const masked = maskCustomerReference(r.customer_reference);
        return { key: masked, labelEn: masked, labelZh: masked, count: Number(r.count) };
      }),
    };
  }
}
