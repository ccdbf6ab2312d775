import { AuditLog } from '@callgrade/audit';
import {
  AssignmentStatus,
  CallDirection,
  ChannelLayout,
  ComplaintEntity,
  EvaluationEntity,
  EvaluationState,
  RecordingEntity,
  RecordingStatus,
  SamplingRunEntity,
  SurveyResponseEntity,
  UserRole,
} from '@callgrade/database';
import { previousPeriod } from '@callgrade/review-rules';
import { ScorecardsService } from '@callgrade/scorecards';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SamplingScheduleWorker } from '../apps/worker/src/sampling-schedule.worker';
import { aTeam, aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { startTestApp, TestApp } from './support/test-app';

const DAY_MS = 24 * 3600 * 1000;
/** A Monday: the week plans below sample 3-9 March 2025. */
const WEEK_START = Date.UTC(2025, 2, 3);
const WEEK_END = WEEK_START + 7 * DAY_MS;

interface CallOptions {
  agent: TestUser;
  startedAt: number;
  durationSec?: number;
  autoScore?: number | null;
  critical?: boolean;
  status?: RecordingStatus;
}

interface Assignment {
  id: string;
  recordingId: string;
  agentId: string;
  reviewerId: string | null;
  status: AssignmentStatus;
  reason: { kind: string; ruleId?: string; stratum?: number };
  alsoMatched: { ruleId: string }[];
  reasonText: string;
}

describe('Review sampling', () => {
  let sut: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let trainer: TestUser;
  let agentUser: TestUser;
  let disputeUser: TestUser;

  beforeAll(async () => {
    sut = await startTestApp();
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    trainer = await aUser(sut, UserRole.Trainer);
    agentUser = await anAgent(sut);
    disputeUser = await aUser(sut, UserRole.DisputeTeam);
  });
  afterAll(() => sut.close());

  const db = () => sut.get(DataSource);

  async function aCall(options: CallOptions): Promise<string> {
    const id = randomUUID();
    await db()
      .getRepository(RecordingEntity)
      .insert({
        id,
        externalId: uniqueCallId(),
        agentId: options.agent.id,
        teamId: options.agent.teamId,
        startedAt: new Date(options.startedAt),
        direction: CallDirection.Inbound,
        channelLayout: ChannelLayout.Mono,
        sha256: 'a'.repeat(64),
        storageKey: `sampling-test/${id}.wav`,
        sizeBytes: 1000,
        container: 'wav',
        codec: 'pcm_s16le',
        durationMs: (options.durationSec ?? 180) * 1000,
        channels: 1,
        sampleRate: 8000,
        status: options.status ?? RecordingStatus.Scored,
        autoScorePercent: options.autoScore === undefined ? 75 : options.autoScore,
        autoCriticalFailed: options.critical ?? false,
      });
    return id;
  }

  /** `count` ordinary calls spread evenly over [start, end). */
  async function callsSpread(agent: TestUser, count: number, start = WEEK_START, end = WEEK_END): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(await aCall({ agent, startedAt: start + Math.floor(((i + 0.5) * (end - start)) / count), autoScore: 60 + (i % 30) }));
    return ids;
  }

  async function aPlan(body: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const res = await sut.http
      .post('/api/v1/sampling-plans')
      .set('Authorization', supervisor.auth)
      .send({ name: `Plan ${randomUUID().slice(0, 8)}`, period: 'week', quotaPerAgent: 4, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function runPlan(planId: string, body: Record<string, unknown> = { periodStart: new Date(WEEK_START).toISOString() }) {
    const res = await sut.http.post(`/api/v1/sampling-plans/${planId}/runs`).set('Authorization', supervisor.auth).send(body);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function assignmentsOf(runId: string): Promise<Assignment[]> {
    const res = await sut.http.get(`/api/v1/sampling-runs/${runId}`).set('Authorization', supervisor.auth).expect(200);
    return res.body.assignments;
  }

  const matches = (a: Assignment, ruleId: string) => a.reason.ruleId === ruleId || a.alsoMatched.some((m) => m.ruleId === ruleId);

  describe('plans', () => {
    it('refuses invalid plans with 422 naming each field', async () => {
      const reviewer = await aUser(sut, UserRole.QaSupervisor);
      const res = await sut.http
        .post('/api/v1/sampling-plans')
        .set('Authorization', supervisor.auth)
        .send({
          name: 'Invalid plan',
          period: 'week',
          quotaPerAgent: 4,
          reviewerIds: [reviewer.id, agentUser.id],
          teamIds: [randomUUID()],
          targetedRules: [
            { id: 'low', kind: 'auto_score_below', threshold: 40 },
            { id: 'unhappy', kind: 'low_csat', threshold: 'low' },
            { id: 'long', kind: 'long_call' },
            { id: 'low', kind: 'linked_complaint' },
          ],
        })
        .expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual({
        'targetedRules[1].threshold': 'must be a number',
        'targetedRules[2]': 'a long_call rule needs exactly one of minDurationSec or percentileOfAgent',
        'targetedRules[3].id': expect.stringContaining('targetedRules[0]'),
        'reviewerIds[1]': `${agentUser.displayName} is agent; reviewers must be QA supervisors or admins`,
        teamIds: expect.stringContaining('no such team'),
      });

      const dto = await sut.http
        .post('/api/v1/sampling-plans')
        .set('Authorization', supervisor.auth)
        .send({ name: 'Bad', period: 'year', quotaPerAgent: -1, reviewerIds: ['nope'] })
        .expect(422);
      expect(Object.keys(dto.body.errors).sort()).toEqual(['period', 'quotaPerAgent', 'reviewerIds']);
    });

    it('creates, reads, edits and archives a plan, audit-logging each change', async () => {
      const reviewer = await aUser(sut, UserRole.QaSupervisor);
      const plan = await aPlan({ reviewerIds: [reviewer.id], targetedRules: [{ kind: 'critical_auto_failure', id: 'critical', maxPerAgent: 2 }] });
      expect(plan).toMatchObject({
        quotaPerAgent: 4,
        minDurationSec: 0,
        avoidOwnSupervisor: true,
        scheduleEnabled: false,
        targetedRules: [{ id: 'critical', kind: 'critical_auto_failure', maxPerAgent: 2 }],
      });

      await sut.http.get(`/api/v1/sampling-plans/${plan.id}`).set('Authorization', trainer.auth).expect(200);
      await sut.http.get(`/api/v1/sampling-plans/${randomUUID()}`).set('Authorization', supervisor.auth).expect(404);
      await sut.http.get('/api/v1/sampling-plans/not-a-uuid').set('Authorization', supervisor.auth).expect(422);
      await sut.http
        .post('/api/v1/sampling-plans')
        .set('Authorization', supervisor.auth)
        .send({ name: plan.name, period: 'day', quotaPerAgent: 1, reviewerIds: [reviewer.id] })
        .expect(409);

      const edited = await sut.http
        .patch(`/api/v1/sampling-plans/${plan.id}`)
        .set('Authorization', admin.auth)
        .send({ quotaPerAgent: 6, description: 'Weekly', targetedRules: [{ id: 'low', kind: 'auto_score_below', threshold: 120 }] })
        .expect(422);
      expect(edited.body.errors).toEqual({ 'targetedRules[0].threshold': 'must be between 0 and 100' });
      const ok = await sut.http
        .patch(`/api/v1/sampling-plans/${plan.id}`)
        .set('Authorization', admin.auth)
        .send({ quotaPerAgent: 6, description: null })
        .expect(200);
      expect(ok.body).toMatchObject({ quotaPerAgent: 6, description: null });

      const archived = await sut.http.delete(`/api/v1/sampling-plans/${plan.id}`).set('Authorization', supervisor.auth).expect(200);
      expect(archived.body.archivedAt).not.toBeNull();
      const listed = await sut.http.get('/api/v1/sampling-plans').set('Authorization', supervisor.auth).expect(200);
      expect(listed.body.map((p: { id: string }) => p.id)).not.toContain(plan.id);
      await sut.http.post(`/api/v1/sampling-plans/${plan.id}/runs`).set('Authorization', supervisor.auth).send({}).expect(409);

      const audit = await sut.get(AuditLog).forResource('sampling_plan', plan.id);
      expect(audit.map((e) => e.action)).toEqual(['sampling_plan.created', 'sampling_plan.updated', 'sampling_plan.archived']);
    });

    it('keeps agents, and trainers from writing, out of sampling', async () => {
      for (const [method, path] of [
        ['get', '/api/v1/sampling-plans'],
        ['post', `/api/v1/sampling-plans/${randomUUID()}/runs`],
        ['get', '/api/v1/review-assignments'],
        ['get', '/api/v1/review-assignments/mine'],
        ['post', `/api/v1/review-assignments/${randomUUID()}/reassign`],
        ['get', '/api/v1/agent-leaves'],
        ['get', '/api/v1/reports/agent-score-confidence'],
      ] as const) {
        await sut.http[method](path).set('Authorization', agentUser.auth).expect(403);
      }
      await sut.http.post('/api/v1/sampling-plans').set('Authorization', trainer.auth).send({}).expect(403);
      await sut.http.get('/api/v1/review-assignments').set('Authorization', disputeUser.auth).expect(403);
    });
  });

  describe('agent leaves', () => {
    it('records leave for agents only, with valid, ordered dates, and deletes it', async () => {
      const agent = await anAgent(sut);
      const bad = await sut.http
        .post('/api/v1/agent-leaves')
        .set('Authorization', supervisor.auth)
        .send({ agentId: supervisor.id, startsOn: '2025-03-10', endsOn: '2025-03-09' })
        .expect(422);
      expect(bad.body.errors).toEqual({ agentId: 'must be an agent', endsOn: 'must be on or after startsOn' });
      const format = await sut.http
        .post('/api/v1/agent-leaves')
        .set('Authorization', supervisor.auth)
        .send({ agentId: agent.id, startsOn: '10/03/2025', endsOn: '2025-02-30' })
        .expect(422);
      expect(Object.keys(format.body.errors).sort()).toEqual(['endsOn', 'startsOn']);

      const leave = await sut.http
        .post('/api/v1/agent-leaves')
        .set('Authorization', supervisor.auth)
        .send({ agentId: agent.id, startsOn: '2025-03-01', endsOn: '2025-03-14', note: 'holiday' })
        .expect(201);
      expect(leave.body).toMatchObject({ agentId: agent.id, startsOn: '2025-03-01', endsOn: '2025-03-14', note: 'holiday', agentName: agent.displayName });
      const listed = await sut.http.get(`/api/v1/agent-leaves?agentId=${agent.id}&from=2025-03-10`).set('Authorization', admin.auth).expect(200);
      expect(listed.body.map((l: { id: string }) => l.id)).toEqual([leave.body.id]);
      await sut.http.delete(`/api/v1/agent-leaves/${leave.body.id}`).set('Authorization', supervisor.auth).expect(204);
      await sut.http.delete(`/api/v1/agent-leaves/${leave.body.id}`).set('Authorization', supervisor.auth).expect(404);
    });
  });

  describe('a run', () => {
    let reviewer1: TestUser;
    let reviewer2: TestUser;
    let teamA: string;
    let teamB: string;
    let a1: TestUser;
    let a2: TestUser;
    let a3: TestUser;
    let b1: TestUser;
    let away: TestUser;
    let plan: { id: string };
    const targeted: Record<string, string> = {};
    const shortCalls: string[] = [];
    let failedCall: string;
    let awayCalls: string[];
    let firstRun: { id: string; seed: string; [key: string]: unknown };
    let firstAssignments: Assignment[];

    beforeAll(async () => {
      reviewer1 = await aUser(sut, UserRole.QaSupervisor);
      reviewer2 = await aUser(sut, UserRole.QaSupervisor);
      teamA = (await aTeam(sut, [reviewer1.id])).id;
      teamB = (await aTeam(sut)).id;
      a1 = await anAgent(sut, { teamId: teamA });
      a2 = await anAgent(sut, { teamId: teamA });
      a3 = await anAgent(sut, { teamId: teamA });
      b1 = await anAgent(sut, { teamId: teamB });
      away = await anAgent(sut, { teamId: teamB });

      for (const agent of [a1, a2, b1]) await callsSpread(agent, 16);
      await callsSpread(a3, 2);
      awayCalls = await callsSpread(away, 6);
      for (const agent of [a1, a2, a3, b1]) shortCalls.push(await aCall({ agent, startedAt: WEEK_START + DAY_MS, durationSec: 10 }));
      failedCall = await aCall({ agent: b1, startedAt: WEEK_START + 2 * DAY_MS, status: RecordingStatus.Failed });
      // Calls outside the week must never be picked.
      await aCall({ agent: a1, startedAt: WEEK_START - 1 });
      await aCall({ agent: a1, startedAt: WEEK_END });

      targeted.lowScore = await aCall({ agent: a1, startedAt: WEEK_START + 3 * DAY_MS + 3600_000, autoScore: 31 });
      targeted.critical = await aCall({ agent: a2, startedAt: WEEK_START + 4 * DAY_MS + 3600_000, critical: true });
      targeted.complaint = await aCall({ agent: b1, startedAt: WEEK_START + 5 * DAY_MS + 3600_000 });
      targeted.unhappy = await aCall({ agent: b1, startedAt: WEEK_START + 6 * DAY_MS + 3600_000 });
      targeted.long = await aCall({ agent: a2, startedAt: WEEK_START + 2 * DAY_MS + 7200_000, durationSec: 3600 });
      await db()
        .getRepository(ComplaintEntity)
        .insert({ recordingId: targeted.complaint, agentId: b1.id, receivedAt: new Date(WEEK_END), description: 'Rude agent' });
      await db()
        .getRepository(SurveyResponseEntity)
        .insert({ recordingId: targeted.unhappy, csat: 1, nps: 0, receivedAt: new Date(WEEK_END) });

      await sut.http
        .post('/api/v1/agent-leaves')
        .set('Authorization', supervisor.auth)
        .send({ agentId: away.id, startsOn: '2025-02-24', endsOn: '2025-03-09' })
        .expect(201);
      // Partial leave: a1 stays in the sample.
      await sut.http
        .post('/api/v1/agent-leaves')
        .set('Authorization', supervisor.auth)
        .send({ agentId: a1.id, startsOn: '2025-03-03', endsOn: '2025-03-04' })
        .expect(201);

      plan = await aPlan({
        quotaPerAgent: 4,
        minDurationSec: 30,
        teamIds: [teamA, teamB],
        reviewerIds: [reviewer1.id, reviewer2.id],
        avoidOwnSupervisor: true,
        targetedRules: [
          { id: 'low-auto-score', kind: 'auto_score_below', threshold: 40, maxPerAgent: 1 },
          { id: 'critical', kind: 'critical_auto_failure' },
          { id: 'complaint', kind: 'linked_complaint' },
          { id: 'unhappy', kind: 'low_csat', threshold: 1 },
          { id: 'long', kind: 'long_call', minDurationSec: 3000 },
        ],
      });
      firstRun = await runPlan(plan.id);
      firstAssignments = await assignmentsOf(firstRun.id);
    });

    it('meets the quota per agent over the week and reports the shortfall of an agent with too few calls', () => {
      expect(firstRun).toMatchObject({
        trigger: 'manual',
        alreadyRan: false,
        periodStart: new Date(WEEK_START).toISOString(),
        periodEnd: new Date(WEEK_END).toISOString(),
      });
      expect(firstRun).toMatchObject({
        requestedBy: supervisor.id,
        durationMs: expect.any(Number),
        timings: { loadMs: expect.any(Number), writeMs: expect.any(Number) },
      });
      const byAgent = new Map((firstRun.agents as { agentId: string }[]).map((a) => [a.agentId, a]));
      for (const agent of [a1, a2, b1]) expect(byAgent.get(agent.id)).toMatchObject({ pickedRandom: 4, shortfall: 0 });
      expect(byAgent.get(a3.id)).toMatchObject({ eligible: 2, pickedRandom: 2, shortfall: 2 });
      for (const agent of [a1, a2, a3, b1]) {
        const random = firstAssignments.filter((a) => a.agentId === agent.id && a.reason.kind === 'random');
        expect(random).toHaveLength(agent === a3 ? 2 : 4);
        if (agent !== a3) expect(new Set(random.map((a) => a.reason.stratum))).toEqual(new Set([0, 1, 2, 3]));
      }
    });

    it('adds the calls the targeted rules ask for, recording the reason of every pick', () => {
      const picked = new Map(firstAssignments.map((a) => [a.recordingId, a]));
      expect(picked.get(targeted.lowScore) && matches(picked.get(targeted.lowScore)!, 'low-auto-score')).toBe(true);
      expect(picked.get(targeted.critical) && matches(picked.get(targeted.critical)!, 'critical')).toBe(true);
      expect(picked.get(targeted.complaint) && matches(picked.get(targeted.complaint)!, 'complaint')).toBe(true);
      expect(picked.get(targeted.unhappy) && matches(picked.get(targeted.unhappy)!, 'unhappy')).toBe(true);
      expect(picked.get(targeted.long) && matches(picked.get(targeted.long)!, 'long')).toBe(true);
      expect(firstRun.pickedByRules).toBeGreaterThan(0);
      expect(firstRun.picked).toBe(firstAssignments.length);
      for (const a of firstAssignments) {
        expect(a.reasonText).toMatch(a.reason.kind === 'random' ? /^Random pick: stratum [1-4] of 4 \(\d+(–\d+)? Mar\)/ : /^Rule [a-z-]+: /);
      }
      const lowScore = picked.get(targeted.lowScore)!;
      if (lowScore.reason.kind === 'rule') expect(lowScore.reasonText).toBe('Rule low-auto-score: auto-score 31 below 40');
    });

    it('leaves out short and failed calls, calls outside the period and agents on leave for the whole period', () => {
      const picked = new Set(firstAssignments.map((a) => a.recordingId));
      for (const id of [...shortCalls, failedCall, ...awayCalls]) expect(picked.has(id)).toBe(false);
      expect(firstAssignments.every((a) => a.agentId !== away.id)).toBe(true);
      expect(firstRun.agentsOnLeave).toEqual([away.id]);
      expect(firstRun.exclusions).toEqual({ agent_on_leave: 6, already_evaluated: 0, too_short: 4, picked_by_another_run: 0 });
      // 3 x 16 + 2 + 6 away + 4 short + 5 targeted, in the week and not failed.
      expect(firstRun).toMatchObject({ candidates: 65, eligible: 55 });
    });

    it("shares the picks between the reviewers, never to the agent's own team supervisor", () => {
      expect(firstAssignments.every((a) => a.reviewerId === reviewer1.id || a.reviewerId === reviewer2.id)).toBe(true);
      const teamAAgents = new Set([a1.id, a2.id, a3.id]);
      expect(firstAssignments.filter((a) => teamAAgents.has(a.agentId)).every((a) => a.reviewerId === reviewer2.id)).toBe(true);
      expect(firstAssignments.some((a) => a.reviewerId === reviewer1.id)).toBe(true);
      const reviewers = firstRun.reviewers as { reviewerId: string; assigned: number }[];
      expect(reviewers.reduce((sum, r) => sum + r.assigned, 0)).toBe(firstAssignments.length);
    });

    it('never picks a call twice, and draws the same calls again from the same seed and data', async () => {
      const second = await runPlan(plan.id);
      expect(second.seed).toBe(firstRun.seed);
      const secondAssignments = await assignmentsOf(second.id);
      const first = new Set(firstAssignments.map((a) => a.recordingId));
      expect(secondAssignments.length).toBeGreaterThan(0);
      expect(secondAssignments.filter((a) => first.has(a.recordingId))).toEqual([]);
      expect(second.exclusions.already_evaluated).toBe(firstAssignments.length);

      // Cancel both runs' assignments: the data is as it was, so the seed draws the first run's picks again.
      for (const a of [...firstAssignments, ...secondAssignments]) {
        await sut.http.post(`/api/v1/review-assignments/${a.id}/cancel`).set('Authorization', supervisor.auth).send({ reason: 'redraw' }).expect(200);
      }
      const third = await runPlan(plan.id, {
        periodStart: new Date(WEEK_START).toISOString(),
        periodEnd: new Date(WEEK_END).toISOString(),
        seed: firstRun.seed,
      });
      const redrawn = await assignmentsOf(third.id);
      const key = (a: Assignment) => `${a.recordingId} ${JSON.stringify(a.reason)}`;
      expect(redrawn.map(key).sort()).toEqual(firstAssignments.map(key).sort());
      const runs = await sut.http.get(`/api/v1/sampling-plans/${plan.id}/runs`).set('Authorization', supervisor.auth).expect(200);
      expect(runs.body.map((r: { id: string }) => r.id)).toEqual([third.id, second.id, firstRun.id]);
      await sut.http.get(`/api/v1/sampling-runs/${randomUUID()}`).set('Authorization', supervisor.auth).expect(404);
      const audit = await sut.get(AuditLog).forResource('sampling_run', third.id);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'sampling_run.created',
          actorId: supervisor.id,
          details: expect.objectContaining({ planId: plan.id, seed: firstRun.seed }),
        }),
      ]);
    });

    it('shows each reviewer their own queue only, oldest first', async () => {
      const mine1 = await sut.http.get('/api/v1/review-assignments/mine?pageSize=200').set('Authorization', reviewer1.auth).expect(200);
      const mine2 = await sut.http.get('/api/v1/review-assignments/mine?pageSize=200').set('Authorization', reviewer2.auth).expect(200);
      expect(mine1.body.total).toBeGreaterThan(0);
      expect(mine2.body.total).toBeGreaterThan(0);
      expect(mine1.body.items.every((a: Assignment) => a.reviewerId === reviewer1.id && a.status === AssignmentStatus.Open)).toBe(true);
      expect(mine2.body.items.every((a: Assignment) => a.reviewerId === reviewer2.id)).toBe(true);
      const created = mine1.body.items.map((a: { createdAt: string }) => a.createdAt);
      expect([...created].sort()).toEqual(created);

      const theirs = mine2.body.items[0] as Assignment;
      await sut.http.get(`/api/v1/review-assignments/${theirs.id}`).set('Authorization', disputeUser.auth).expect(404);
      const one = await sut.http.get(`/api/v1/review-assignments/${theirs.id}`).set('Authorization', supervisor.auth).expect(200);
      expect(one.body.reasonText).toBe(theirs.reasonText);
      await sut.http.get(`/api/v1/review-assignments/${randomUUID()}`).set('Authorization', supervisor.auth).expect(404);

      const filtered = await sut.http
        .get(`/api/v1/review-assignments?planId=${plan.id}&reviewerId=${reviewer1.id}&status=open&pageSize=200`)
        .set('Authorization', supervisor.auth)
        .expect(200);
      expect(filtered.body.total).toBe(mine1.body.total);
      await sut.http.get('/api/v1/review-assignments?status=done').set('Authorization', supervisor.auth).expect(422);
    });

    it("reassigns to another reviewer, refusing the agent's own supervisor unless forced, and audit-logs it", async () => {
      const mine2 = await sut.http.get(`/api/v1/review-assignments/mine?pageSize=200`).set('Authorization', reviewer2.auth).expect(200);
      const ofTeamA = (mine2.body.items as Assignment[]).find((a) => a.agentId === a1.id)!;
      const path = `/api/v1/review-assignments/${ofTeamA.id}/reassign`;

      const refused = await sut.http.post(path).set('Authorization', supervisor.auth).send({ reviewerId: reviewer1.id, reason: 'balance' }).expect(422);
      expect(refused.body.errors.reviewerId).toContain('force');
      const toAgent = await sut.http.post(path).set('Authorization', supervisor.auth).send({ reviewerId: a1.id, reason: 'x' }).expect(422);
      expect(toAgent.body.errors).toHaveProperty('reviewerId');
      await sut.http.post(path).set('Authorization', supervisor.auth).send({ reviewerId: reviewer1.id }).expect(422);
      await sut.http
        .post(`/api/v1/review-assignments/${randomUUID()}/reassign`)
        .set('Authorization', supervisor.auth)
        .send({ reviewerId: reviewer1.id, reason: 'x' })
        .expect(404);

      const moved = await sut.http
        .post(path)
        .set('Authorization', admin.auth)
        .send({ reviewerId: reviewer1.id, reason: 'reviewer2 is away', force: true })
        .expect(200);
      expect(moved.body.reviewerId).toBe(reviewer1.id);
      const queue1 = await sut.http.get('/api/v1/review-assignments/mine?pageSize=200').set('Authorization', reviewer1.auth).expect(200);
      expect(queue1.body.items.map((a: Assignment) => a.id)).toContain(ofTeamA.id);

      const audit = await sut.get(AuditLog).forResource('review_assignment', ofTeamA.id);
      expect(audit.map((e) => ({ action: e.action, actorId: e.actorId, details: e.details }))).toEqual([
        {
          action: 'review_assignment.reassigned',
          actorId: admin.id,
          details: { from: reviewer2.id, to: reviewer1.id, reason: 'reviewer2 is away', forced: true },
        },
      ]);

      await sut.http.post(`/api/v1/review-assignments/${ofTeamA.id}/cancel`).set('Authorization', supervisor.auth).send({ reason: 'not needed' }).expect(200);
      await sut.http.post(path).set('Authorization', supervisor.auth).send({ reviewerId: reviewer2.id, reason: 'back' }).expect(409);
    });
  });

  it('balances picks evenly between reviewers with the same load', async () => {
    const [r1, r2] = [await aUser(sut, UserRole.QaSupervisor), await aUser(sut, UserRole.Admin)];
    const team = (await aTeam(sut)).id;
    for (let i = 0; i < 3; i++) await callsSpread(await anAgent(sut, { teamId: team }), 10);
    const plan = await aPlan({ quotaPerAgent: 3, teamIds: [team], reviewerIds: [r1.id, r2.id], avoidOwnSupervisor: false });
    const run = await runPlan(plan.id);
    expect(run.picked).toBe(9);
    const counts = (run.reviewers as { assigned: number }[]).map((r) => r.assigned).sort();
    expect(counts).toEqual([4, 5]);
  });

  it('refuses a custom period that ends before it starts', async () => {
    const reviewer = await aUser(sut, UserRole.QaSupervisor);
    const plan = await aPlan({ reviewerIds: [reviewer.id], teamIds: [(await aTeam(sut)).id] });
    const res = await sut.http
      .post(`/api/v1/sampling-plans/${plan.id}/runs`)
      .set('Authorization', supervisor.auth)
      .send({ periodStart: '2025-03-10T00:00:00Z', periodEnd: '2025-03-03T00:00:00Z' })
      .expect(422);
    expect(res.body.errors).toEqual({ periodEnd: 'must be after periodStart' });
    await sut.http.post(`/api/v1/sampling-plans/${randomUUID()}/runs`).set('Authorization', supervisor.auth).send({}).expect(404);
  });

  describe('on a schedule', () => {
    async function scheduledDayPlan() {
      const reviewer = await aUser(sut, UserRole.QaSupervisor);
      const team = (await aTeam(sut)).id;
      const yesterday = previousPeriod('day', new Date());
      const agent = await anAgent(sut, { teamId: team });
      await callsSpread(agent, 6, yesterday.start.getTime(), yesterday.end.getTime());
      const plan = await aPlan({ period: 'day', quotaPerAgent: 2, teamIds: [team], reviewerIds: [reviewer.id], scheduleEnabled: true });
      return { plan, yesterday };
    }

    it('runs each scheduled plan once per period, however often the schedule ticks', async () => {
      const { plan, yesterday } = await scheduledDayPlan();
      const worker = sut.get(SamplingScheduleWorker);
      const [first, second] = await Promise.all([worker.tick(), worker.tick()]);
      const third = await worker.tick();
      const outcomes = [first, second, third].map((o) => o.find((x) => x.planId === plan.id)!.outcome).sort();
      expect(outcomes).toEqual(['already-ran', 'already-ran', 'ran']);
      const runs = await db()
        .getRepository(SamplingRunEntity)
        .find({ where: { planId: plan.id } });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ trigger: 'schedule', periodStart: yesterday.start, periodEnd: yesterday.end, picked: 2 });
    });

    it('catches up the periods a stopped schedule missed, oldest first, once each', async () => {
      const { plan, yesterday } = await scheduledDayPlan();
      const worker = sut.get(SamplingScheduleWorker);
      await worker.tick();
      // Three days later: the day before is due, and so are the two days nobody ticked.
      const later = new Date(yesterday.start.getTime() + 4 * DAY_MS + 3_600_000);
      const outcomes = (await worker.tick(later)).filter((o) => o.planId === plan.id);
      expect(outcomes.map((o) => [o.outcome, o.periodStart])).toEqual([1, 2, 3].map((days) => ['ran', new Date(yesterday.start.getTime() + days * DAY_MS)]));
      expect((await worker.tick(later)).filter((o) => o.planId === plan.id).map((o) => o.outcome)).toEqual(['already-ran']);
      const runs = await db()
        .getRepository(SamplingRunEntity)
        .find({ where: { planId: plan.id }, order: { periodStart: 'ASC' } });
      expect(runs.map((r) => r.periodStart.getTime() - yesterday.start.getTime())).toEqual([0, 1, 2, 3].map((days) => days * DAY_MS));
    });

    it('ticks from a BullMQ job scheduler when the worker has it enabled', async () => {
      const { plan } = await scheduledDayPlan();
      const scheduler = await startTestApp({ SAMPLING_SCHEDULER_ENABLED: 'true' });
      try {
        const run = await eventually(
          () =>
            db()
              .getRepository(SamplingRunEntity)
              .findOne({ where: { planId: plan.id } }),
          20_000,
        );
        expect(run.trigger).toBe('schedule');
      } finally {
        await scheduler.close();
      }
    });
  });

  describe('agent score confidence', () => {
    it('gives each agent the mean of their submitted evaluations, its interval and the evaluations still needed', async () => {
      const team = (await aTeam(sut)).id;
      const [x, y, z] = [await anAgent(sut, { teamId: team }), await anAgent(sut, { teamId: team }), await anAgent(sut, { teamId: team })];
      const reviewer = await aUser(sut, UserRole.QaSupervisor);
      const { versionId } = await sut.get(ScorecardsService).currentForScoring();
      const evaluate = async (agent: TestUser, percent: number, state = EvaluationState.Submitted, submittedAt = new Date('2025-03-05T10:00:00Z')) => {
        const recordingId = await aCall({ agent, startedAt: WEEK_START });
        await db()
          .getRepository(EvaluationEntity)
          .insert({ recordingId, agentId: agent.id, reviewerId: reviewer.id, scorecardVersionId: versionId, state, percent, submittedAt, revision: 1 });
      };
      for (const [percent, state] of [
        [80, EvaluationState.Submitted],
        [90, EvaluationState.Acknowledged],
        [70, EvaluationState.Disputed],
        [85, EvaluationState.Resolved],
      ] as const)
        await evaluate(x, percent, state);
      await evaluate(x, 10, EvaluationState.Draft);
      await evaluate(x, 20, EvaluationState.Submitted, new Date('2024-01-01T00:00:00Z'));
      await evaluate(y, 60);

      const res = await sut.http
        .get(`/api/v1/reports/agent-score-confidence?teamId=${team}&margin=5&confidence=0.9&from=2025-01-01T00:00:00Z`)
        .set('Authorization', trainer.auth)
        .expect(200);
      expect(res.body).toMatchObject({ margin: 5, confidence: 0.9, teamId: team });
      const byAgent = new Map(res.body.agents.map((a: { agentId: string }) => [a.agentId, a]));
      // x's four published scores 80, 90, 70, 85 (the draft and the 2024 one are left out): mean 325 / 4 = 81.25;
      // squared deviations 1.5625 + 76.5625 + 126.5625 + 14.0625 = 218.75, sd = √(218.75 / 3) = 8.539126;
      // t(0.95, 3) = 2.353363 (published tables), margin 2.353363 · 8.539126 / √4 = 10.047831,
      // interval 81.25 ± 10.047831 = [71.202169, 91.297831]. For ±5: n = 9 gives t(0.95, 8) = 1.859548,
      // 1.859548 · 8.539126 / 3 = 5.2930 (too wide); n = 10 gives 1.833113 · 8.539126 / 3.162278 = 4.9499: 6 more.
      const xRow = byAgent.get(x.id) as { interval: { low: number; high: number; margin: number } };
      expect(xRow).toMatchObject({
        agentName: x.displayName,
        teamId: team,
        evaluations: 4,
        mean: 81.25,
        additionalNeeded: 6,
        note: '6 more evaluations for ±5 at 90% confidence, if scores vary as they have so far',
      });
      expect(xRow.interval.margin).toBeCloseTo(10.047831, 5);
      expect(xRow.interval.low).toBeCloseTo(71.202169, 5);
      expect(xRow.interval.high).toBeCloseTo(91.297831, 5);
      expect(byAgent.get(y.id)).toMatchObject({ evaluations: 1, mean: 60, interval: null, additionalNeeded: null });
      expect(byAgent.get(z.id)).toMatchObject({ evaluations: 0, mean: null });
      expect(res.body.agents).toHaveLength(3);

      const bad = await sut.http.get('/api/v1/reports/agent-score-confidence?margin=-1&confidence=2').set('Authorization', supervisor.auth).expect(422);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['confidence', 'margin']);
    });
  });
});
