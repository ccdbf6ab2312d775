import { UserRole } from '@callgrade/database';
import { asText } from './support/as-text';
import { aUser, anAgent, aTeam, TestUser } from './support/builders';
import { aScoredCall, GOOD_CALL, Line } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';

type Answer = { kind: 'yes' | 'no' | 'na' } | { kind: 'scale'; value: number };

/** A call that misses the greeting, the disclosure and the closing: its auto-score is low. */
const CURT_CALL: Line[] = [
  ['agent', 'Yeah.'],
  ['customer', 'Hi, I would like to check my balance please.'],
  ['agent', 'Two hundred pounds.'],
  ['customer', 'Okay.'],
  ['agent', 'Bye.'],
];

/** Every criterion answered, as a reviewer who agrees with the machine wherever it answered. */
function fullAnswers(autoCriteria: { criterionId: string; answer?: Answer }[], manual: Answer = { kind: 'scale', value: 4 }) {
  const answers: Record<string, Answer> = {
    empathy: manual,
    clarity: manual,
    understood_need: { kind: 'yes' },
    correct_information: manual,
    resolution: manual,
  };
  for (const c of autoCriteria) answers[c.criterionId] = c.answer ?? { kind: 'yes' };
  return answers;
}

/**
 * The whole review loop through the API, with a real user for each role: a sampling plan, a run that
 * turns picks into balanced assignments, a reviewer's evaluation published to the agent, the agent's
 * acknowledgement and dispute, the resolution, and a calibration session closed with its statistics.
 */
describe('The review loop, end to end', () => {
  let sut: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let reviewerA: TestUser;
  let reviewerB: TestUser;
  let trainer: TestUser;
  let agentOne: TestUser;
  let agentTwo: TestUser;
  const day = new Date(Date.UTC(2026, 10, 20));
  const at = (hour: number) => new Date(day.getTime() + hour * 3600_000);

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    admin = await aUser(sut, UserRole.Admin);
    lead = await aUser(sut, UserRole.QaSupervisor);
    reviewerA = await aUser(sut, UserRole.QaSupervisor);
    reviewerB = await aUser(sut, UserRole.QaSupervisor);
    trainer = await aUser(sut, UserRole.Trainer);
    // The lead supervises the team: with avoidOwnSupervisor, none of its calls may go to them.
    const team = await aTeam(sut, [lead.id]);
    agentOne = await anAgent(sut, { displayName: 'Priya Shah', teamId: team.id });
    agentTwo = await anAgent(sut, { displayName: 'Tom Reed', teamId: team.id });
  });
  afterAll(() => sut.close());

  it('samples, assigns, evaluates, publishes, takes feedback and disputes, and calibrates', async () => {
    const calls = {
      one: [
        await aScoredCall(sut, admin, agentOne, GOOD_CALL, at(1)),
        await aScoredCall(sut, admin, agentOne, GOOD_CALL, at(13)),
        await aScoredCall(sut, admin, agentOne, CURT_CALL, at(20)),
      ],
      two: [await aScoredCall(sut, admin, agentTwo, GOOD_CALL, at(2)), await aScoredCall(sut, admin, agentTwo, GOOD_CALL, at(14))],
    };
    const teamId = (await sut.http.get(`/api/v1/users/${agentOne.id}`).set('Authorization', admin.auth).expect(200)).body.teamId;

    // Plan: one random call per agent a day, plus any call auto-scored below 60.
    const plan = (
      await sut.http
        .post('/api/v1/sampling-plans')
        .set('Authorization', lead.auth)
        .send({
          name: `Daily review ${Date.now()}`,
          period: 'day',
          quotaPerAgent: 1,
          teamIds: [teamId],
          targetedRules: [{ id: 'low-auto-score', kind: 'auto_score_below', threshold: 60 }],
          reviewerIds: [reviewerA.id, reviewerB.id, lead.id],
          avoidOwnSupervisor: true,
        })
        .expect(201)
    ).body;

    // Run: each agent's random pick, the curt call by the rule, none to the team's own supervisor.
    const run = (
      await sut.http
        .post(`/api/v1/sampling-plans/${plan.id}/runs`)
        .set('Authorization', lead.auth)
        .send({ periodStart: day.toISOString(), seed: 'loop' })
        .expect(201)
    ).body;
    expect(run).toMatchObject({ candidates: 5, eligible: 5, unassigned: 0 });
    const detail = (await sut.http.get(`/api/v1/sampling-runs/${run.id}`).set('Authorization', lead.auth).expect(200)).body;
    expect(detail.assignments.filter((a: { reason: { kind: string } }) => a.reason.kind === 'random')).toHaveLength(2);
    // The curt call is picked for sure: at random (then the rule is noted beside it) or by the rule.
    const curtPick = detail.assignments.find((a: { recordingId: string }) => a.recordingId === calls.one[2]);
    if (curtPick.reason.kind === 'random') expect(curtPick.alsoMatched).toEqual([expect.objectContaining({ ruleId: 'low-auto-score' })]);
    else expect(curtPick.reason).toMatchObject({ kind: 'rule', ruleId: 'low-auto-score' });
    expect(run.picked).toBe(curtPick.reason.kind === 'random' ? 2 : 3);
    const reviewers = detail.assignments.map((a: { reviewerId: string }) => a.reviewerId);
    expect(reviewers).not.toContain(lead.id);
    expect(new Set(reviewers)).toEqual(new Set([reviewerA.id, reviewerB.id]));

    // Each reviewer sees their own queue, with the reason in words.
    const itemsA = (await sut.http.get('/api/v1/review-assignments/mine').set('Authorization', reviewerA.auth).expect(200)).body.items;
    expect(itemsA.length).toBeGreaterThan(0);
    expect(itemsA.every((a: { reviewerId: string }) => a.reviewerId === reviewerA.id)).toBe(true);
    expect(itemsA[0].reasonText).toEqual(expect.any(String));

    // Evaluate agent two's pick and submit: the agent sees it and acknowledges.
    const assignmentOfTwo = detail.assignments.find((a: { agentId: string }) => a.agentId === agentTwo.id);
    const evaluator = assignmentOfTwo.reviewerId === reviewerA.id ? reviewerA : reviewerB;
    const other = evaluator === reviewerA ? reviewerB : reviewerA;
    const opened = (await sut.http.post('/api/v1/evaluations').set('Authorization', evaluator.auth).send({ assignmentId: assignmentOfTwo.id }).expect(201))
      .body;
    expect(opened.pickedBecause).toMatchObject({ planId: plan.id, runId: run.id, reason: { kind: 'random' } });
    const submitted = (
      await sut.http
        .post(`/api/v1/evaluations/${opened.id}/submit`)
        .set('Authorization', evaluator.auth)
        .send({ answers: fullAnswers(opened.autoScore.criteria) })
        .expect(200)
    ).body;
    expect(submitted.state).toBe('submitted');
    const mine = (await sut.http.get('/api/v1/me/evaluations').set('Authorization', agentTwo.auth).expect(200)).body;
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([opened.id]);
    // Why this call, and why this score: in words and with the evidence, for the agent too.
    const agentView = (await sut.http.get(`/api/v1/evaluations/${opened.id}`).set('Authorization', agentTwo.auth).expect(200)).body;
    expect(agentView.pickedBecause.reasonText).toMatch(/^Random pick/);
    expect(agentView.current.breakdown.sections.length).toBeGreaterThan(0);
    expect(agentView.autoScore.criteria.length).toBeGreaterThan(0);
    await sut.http.post(`/api/v1/evaluations/${opened.id}/acknowledge`).set('Authorization', agentTwo.auth).send({}).expect(200);

    // The curt call: evaluated, disputed by the agent, amended by an admin (never the original reviewer).
    const curt = detail.assignments.find((a: { recordingId: string }) => a.recordingId === calls.one[2]);
    const curtReviewer = curt.reviewerId === reviewerA.id ? reviewerA : reviewerB;
    const curtEval = (await sut.http.post('/api/v1/evaluations').set('Authorization', curtReviewer.auth).send({ assignmentId: curt.id }).expect(201)).body;
    await sut.http
      .post(`/api/v1/evaluations/${curtEval.id}/submit`)
      .set('Authorization', curtReviewer.auth)
      .send({ answers: fullAnswers(curtEval.autoScore.criteria, { kind: 'scale', value: 1 }) })
      .expect(200);
    await sut.http
      .post(`/api/v1/evaluations/${curtEval.id}/dispute`)
      .set('Authorization', agentOne.auth)
      .send({ criteria: ['empathy'], reason: 'The customer was happy' })
      .expect(201);
    const resolved = (
      await sut.http
        .post(`/api/v1/evaluations/${curtEval.id}/dispute/resolve`)
        .set('Authorization', admin.auth)
        .send({ outcome: 'amended', note: 'Empathy was adequate', answers: { empathy: { kind: 'scale', value: 3 } } })
        .expect(200)
    ).body;
    expect(resolved.revision).toBe(2);
    // The default scorecard's disclosure is not critical: the missed one costs its points, no more, so the total goes up.
    expect(resolved).toMatchObject({ criticalFailed: false });
    expect(resolved.revisions[1].breakdown.percent).toBeGreaterThan(resolved.revisions[0].breakdown.percent);
    expect(resolved.revisions[1].authorId).toBe(admin.id);

    // A supervisor reassigns agent one's other pick, if there is one open; it moves to the other queue.
    const openPick = detail.assignments.find((a: { recordingId: string; agentId: string }) => a.agentId === agentOne.id && a.recordingId !== calls.one[2]);
    if (openPick) {
      const target = openPick.reviewerId === reviewerA.id ? reviewerB : reviewerA;
      await sut.http
        .post(`/api/v1/review-assignments/${openPick.id}/reassign`)
        .set('Authorization', lead.auth)
        .send({ reviewerId: target.id, reason: 'Balancing leave' })
        .expect(200);
      const targetQueue = (await sut.http.get('/api/v1/review-assignments/mine').set('Authorization', target.auth).expect(200)).body.items;
      expect(targetQueue.map((a: { id: string }) => a.id)).toContain(openPick.id);
    }

    // How sure are we of agent one's score, and how many more evaluations would it take?
    const confidence = (
      await sut.http.get(`/api/v1/reports/agent-score-confidence?teamId=${teamId}&margin=5&confidence=0.9`).set('Authorization', trainer.auth).expect(200)
    ).body;
    const rows = confidence.agents;
    expect(rows.find((r: { agentId: string }) => r.agentId === agentOne.id)).toMatchObject({ evaluations: 1 });
    expect(rows.find((r: { agentId: string }) => r.agentId === agentTwo.id)).toMatchObject({ evaluations: 1 });
    const confidenceChart = (
      await sut.http
        .get(`/api/v1/reports/agent-score-confidence/chart?teamId=${teamId}`)
        .set('Authorization', trainer.auth)
        .buffer(true)
        .parse(asText)
        .expect(200)
    ).body;
    expect(confidenceChart).toContain('Priya Shah');
    expect(confidenceChart.match(/class="mean"/g)).toHaveLength(rows.filter((r: { mean: number | null }) => r.mean !== null).length);

    // Calibration: two reviewers score the same two calls blind; the lead closes the session.
    const session = (
      await sut.http
        .post('/api/v1/calibration-sessions')
        .set('Authorization', lead.auth)
        .send({
          title: 'Loop calibration',
          recordingIds: [calls.two[0], calls.two[1]],
          reviewerIds: [reviewerA.id, reviewerB.id],
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .expect(201)
    ).body;
    const autoOf = async (recordingId: string) =>
      (await sut.http.get(`/api/v1/recordings/${recordingId}/auto-score`).set('Authorization', lead.auth).expect(200)).body.criteria;
    for (const [reviewer, manual] of [
      [reviewerA, 4],
      [reviewerB, 3],
    ] as const) {
      for (const recordingId of calls.two) {
        await sut.http
          .put(`/api/v1/calibration-sessions/${session.id}/recordings/${recordingId}/answers`)
          .set('Authorization', reviewer.auth)
          .send({ answers: fullAnswers(await autoOf(recordingId), { kind: 'scale', value: manual }) })
          .expect(200);
      }
    }
    const blind = (await sut.http.get(`/api/v1/calibration-sessions/${session.id}`).set('Authorization', other.auth).expect(200)).body;
    expect(blind.responses.every((r: { reviewerId: string }) => r.reviewerId === other.id)).toBe(true);
    await sut.http.post(`/api/v1/calibration-sessions/${session.id}/close`).set('Authorization', lead.auth).send({}).expect(200);
    const results = (await sut.http.get(`/api/v1/calibration-sessions/${session.id}/results`).set('Authorization', trainer.auth).expect(200)).body;
    const report = results.report;
    expect(report.reviewers).toBe(2);
    expect(report.reliability.method).toBe('krippendorff_alpha');
    expect(report.criteria.find((c: { criterionId: string }) => c.criterionId === 'empathy').agreement).toBe(0);
    expect(report.criteria.find((c: { criterionId: string }) => c.criterionId === 'understood_need').agreement).toBe(1);
    const chart = (
      await sut.http.get(`/api/v1/calibration-sessions/${session.id}/results/chart`).set('Authorization', trainer.auth).buffer(true).parse(asText).expect(200)
    ).body;
    // Weakest first: the manual scale criteria the two reviewers answered differently lead the chart.
    expect(chart.indexOf('Shows empathy')).toBeLessThan(chart.indexOf("Identifies the customer's need".replace("'", '&#39;')));
  });
});
