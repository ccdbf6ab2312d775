import { Injectable } from '@nestjs/common';
import type { CandidateCall } from '@callgrade/sampling';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { agentsOnLeaveThroughout, isoDay, LeaveDays } from './leave-coverage';

export interface CandidateQuery {
  periodStart: Date;
  /** Exclusive. */
  periodEnd: Date;
  /** Calls made in these teams (recordings.team_id); empty means every team. */
  teamIds: readonly string[];
  minDurationSec: number;
}

export interface AgentCandidateCounts {
  agentId: string;
  candidates: number;
  agentOnLeave: number;
  alreadyEvaluated: number;
  tooShort: number;
}

export interface LoadedCandidates {
  /** The eligible calls only. */
  calls: CandidateCall[];
  /** Per agent with at least one candidate call: how many calls there were and why some were left out. */
  perAgent: Map<string, AgentCandidateCounts>;
  agentsOnLeave: string[];
  loadMs: number;
}

/**
 * Which recordings are candidates: those started in [periodStart, periodEnd), made in one of the plan's
 * teams (when it names any), in any status except `failed`. Reviewers evaluate from the audio, so a call
 * need not be transcribed or scored to be reviewed; the auto-score rules simply do not match a call that
 * has no auto-score yet (recordings.auto_score_percent / auto_critical_failed are set when it is scored).
 * A `failed` recording could not be processed (often unreadable audio) and needs an admin first.
 */
const IN_SCOPE = `r.started_at >= $1 AND r.started_at < $2 AND r.status <> 'failed' AND ($3::uuid[] IS NULL OR r.team_id = ANY($3::uuid[]))`;

/** Why a candidate is left out, decided in SQL; the first that applies, in this order. */
enum Excluded {
  AgentOnLeave = 1,
  AlreadyEvaluated = 2,
  TooShort = 3,
}

/**
 * One row per candidate call. Exclusions are decided here, in SQL, as a reason code per call: the code is
 * what the sampler's exclusion counts are made of, so one scan both feeds the sampler and explains what
 * it left out. "Already evaluated" is a live (not cancelled) review assignment, at most one per call by
 * the partial unique index, or any evaluation. Complaint is whether one is linked to the call (PostgreSQL
 * hashes the few complaint ids once). CSAT is the lowest of the call's survey answers; surveys come in
 * after the call, so only those received since the period began are read. Times are whole epoch milliseconds (floor keeps `< bound` comparisons exact) and
 * auto-scores hundredths, as integers: printing integers is cheaper for PostgreSQL than numeric or float.
 */
const CANDIDATES_SQL = `
  SELECT r.id, r.agent_id, floor(date_part('epoch', r.started_at) * 1000)::int8, r.duration_ms, (r.auto_score_percent * 100)::int4, r.auto_critical_failed,
         r.id IN (SELECT c.recording_id FROM complaints c WHERE c.recording_id IS NOT NULL),
         s.csat,
         CASE WHEN r.agent_id = ANY($4::uuid[]) THEN ${Excluded.AgentOnLeave}
              WHEN a.recording_id IS NOT NULL OR e.recording_id IS NOT NULL THEN ${Excluded.AlreadyEvaluated}
              WHEN r.duration_ms < $5 THEN ${Excluded.TooShort} END
  FROM recordings r
  LEFT JOIN review_assignments a ON a.recording_id = r.id AND a.status <> 'cancelled'
  LEFT JOIN (SELECT recording_id FROM evaluations GROUP BY recording_id) e ON e.recording_id = r.id
  LEFT JOIN (SELECT recording_id, min(csat)::int AS csat FROM survey_responses WHERE csat IS NOT NULL AND received_at >= $1 GROUP BY recording_id) s ON s.recording_id = r.id
  WHERE ${IN_SCOPE}`;

/**
 * Loads a plan's candidate calls for a period from PostgreSQL and leaves out (by the reason SQL gives
 * each) calls of agents on leave for the whole period, calls already under review or evaluated, and calls
 * shorter than the plan's minimum. Built for a month of a million calls: one query, one scan, rows read
 * as arrays of nine scalars (no row objects), JIT off (compiling it costs more than it saves here) and
 * enough work_mem for the hash joins to stay in memory. Measured with `npm run bench -- sampling-db`.
 */
@Injectable()
export class SamplingCandidatesLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(query: CandidateQuery): Promise<LoadedCandidates> {
    const started = performance.now();
    const agentsOnLeave = await this.agentsOnLeave(query);
    const params = [
      query.periodStart,
      query.periodEnd,
      query.teamIds.length ? [...query.teamIds] : null,
      agentsOnLeave,
      Math.ceil(query.minDurationSec * 1000),
    ];
    const rows = await this.inTransaction((client) => client.query<CandidateRow>({ text: CANDIDATES_SQL, values: params, rowMode: 'array' }));
    return { ...toCandidates(rows.rows), agentsOnLeave, loadMs: performance.now() - started };
  }

  private async agentsOnLeave(query: CandidateQuery): Promise<string[]> {
    const rows: { agent_id: string; starts_on: string; ends_on: string }[] = await this.dataSource.query(
      `SELECT agent_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM agent_leaves WHERE starts_on <= $2::date AND ends_on >= $1::date`,
      [isoDay(query.periodStart), isoDay(new Date(query.periodEnd.getTime() - 1))],
    );
    const leaves: LeaveDays[] = rows.map((r) => ({ agentId: r.agent_id, startsOn: r.starts_on, endsOn: r.ends_on }));
    return agentsOnLeaveThroughout(leaves, query.periodStart, query.periodEnd);
  }

  /** A pooled connection used through the pg driver (for array rows), with settings local to one read-only transaction. */
  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query(`BEGIN READ ONLY`);
      await client.query(`SET LOCAL jit = off`);
      await client.query(`SET LOCAL work_mem = '64MB'`);
      const result = await work(client);
      await client.query(`COMMIT`);
      return result;
    } catch (e) {
      await client.query(`ROLLBACK`).catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }
}

/** int8 arrives as a string (the driver's default, to keep precision); the rest as numbers and booleans. */
type CandidateRow = [string, string, string, number, number | null, boolean | null, boolean, number | null, Excluded | null];

function toCandidates(rows: CandidateRow[]): Pick<LoadedCandidates, 'calls' | 'perAgent'> {
  const perAgent = new Map<string, AgentCandidateCounts>();
  const calls: CandidateCall[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [id, agent, startedAt, durationMs, autoScore, critical, complaint, csat, excluded] = rows[i];
    // One counts object, and one agent id string, per agent: the sampler groups calls by it.
    let counts = perAgent.get(agent);
    if (counts === undefined) perAgent.set(agent, (counts = { agentId: agent, candidates: 0, agentOnLeave: 0, alreadyEvaluated: 0, tooShort: 0 }));
    counts.candidates++;
    if (excluded === Excluded.AgentOnLeave) counts.agentOnLeave++;
    else if (excluded === Excluded.AlreadyEvaluated) counts.alreadyEvaluated++;
    else if (excluded === Excluded.TooShort) counts.tooShort++;
    else {
      calls.push({
        id,
        agentId: counts.agentId,
        startedAt: Number(startedAt),
        durationSec: durationMs / 1000,
        autoScore: autoScore === null ? null : autoScore / 100,
        criticalAutoFailure: critical === true,
        hasComplaint: complaint,
        csat,
      });
    }
  }
  return { calls, perAgent };
}
