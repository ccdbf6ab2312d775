import { Injectable } from '@nestjs/common';
import { DomainError } from '@callgrade/http';
import { agentScoreStatistics, AgentScoreStatistics } from '@callgrade/review-rules';
import { DataSource } from 'typeorm';

export interface AgentScoreConfidenceQuery {
  /** Wanted half-width of the interval in percentage points; default 5. */
  margin?: number;
  /** Between 0 and 1; default 0.9. */
  confidence?: number;
  /** Agents of this team (their current team); every agent when absent. */
  teamId?: string;
  /** Evaluations submitted at or after. */
  from?: Date;
  /** Evaluations submitted before. */
  to?: Date;
}

export interface AgentScoreConfidenceRow extends AgentScoreStatistics {
  agentName: string;
  teamId: string | null;
}

export interface AgentScoreConfidenceReport {
  margin: number;
  confidence: number;
  teamId: string | null;
  from: Date | null;
  to: Date | null;
  agents: AgentScoreConfidenceRow[];
}

/** The evaluation states whose score stands (submitted, or past it in the feedback loop). */
const COUNTED_STATES = ['submitted', 'acknowledged', 'disputed', 'resolved'];

/**
 * For each active agent: the mean QA score of their submitted evaluations, its confidence interval, and
 * how many more evaluations would narrow it to ±margin. Agents without evaluations are listed too: they
 * are the ones most in need of some. One query, whatever the number of agents.
 */
@Injectable()
export class AgentScoreStatisticsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: AgentScoreConfidenceQuery): Promise<AgentScoreConfidenceReport> {
    const margin = query.margin ?? 5;
    const confidence = query.confidence ?? 0.9;
    const errors: Record<string, string> = {};
    if (!(margin > 0) || !Number.isFinite(margin)) errors.margin = 'must be a positive number';
    if (!(confidence > 0 && confidence < 1)) errors.confidence = 'must be between 0 and 1 (exclusive), e.g. 0.9';
    if (query.from && query.to && query.to.getTime() <= query.from.getTime()) errors.to = 'must be after from';
    if (Object.keys(errors).length) throw DomainError.validation(errors);

    const rows: { id: string; display_name: string; team_id: string | null; scores: string[] | null }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.team_id,
              array_agg(e.percent::float8 ORDER BY e.submitted_at) FILTER (WHERE e.id IS NOT NULL) AS scores
       FROM users u
       LEFT JOIN evaluations e ON e.agent_id = u.id AND e.state::text = ANY($2) AND e.percent IS NOT NULL
            AND ($3::timestamptz IS NULL OR e.submitted_at >= $3) AND ($4::timestamptz IS NULL OR e.submitted_at < $4)
       WHERE u.role = 'agent' AND u.active AND ($1::uuid IS NULL OR u.team_id = $1)
       GROUP BY u.id`,
      [query.teamId ?? null, COUNTED_STATES, query.from ?? null, query.to ?? null],
    );
    const scoresByAgent = new Map(rows.map((r) => [r.id, (r.scores ?? []).map(Number)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const statistics = agentScoreStatistics(scoresByAgent, { margin, confidence });
    return {
      margin,
      confidence,
      teamId: query.teamId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      agents: statistics.map((s) => ({ ...s, agentName: byId.get(s.agentId)!.display_name, teamId: byId.get(s.agentId)!.team_id })),
    };
  }
}
