import { UserRole } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { asText } from './support/as-text';
import { aUser, anAgent, aTeam, TestUser } from './support/builders';
import { eventually } from './support/eventually';
import { silence } from './support/audio-fixtures';
import { aScoredCall } from './support/scored-calls';
import { connectAs } from './support/sockets';
import { startTestApp, TestApp } from './support/test-app';

type Answer = { kind: 'yes' | 'no' | 'na' } | { kind: 'scale'; value: number };
type AutoCriterion = { criterionId: string; answer?: Answer };

const MANUAL_FULL_MARKS: Record<string, Answer> = {
  empathy: { kind: 'scale', value: 5 },
  clarity: { kind: 'scale', value: 5 },
  understood_need: { kind: 'yes' },
  correct_information: { kind: 'scale', value: 5 },
  resolution: { kind: 'scale', value: 5 },
};

const same = (a: Answer | undefined, b: Answer) => !!a && a.kind === b.kind && (a.kind !== 'scale' || (b.kind === 'scale' && a.value === b.value));

/**
 * The reviewer's judgement of every automatic criterion: all pass, except that the agent was not polite
 * enough. Where the machine said otherwise, it is an override with a reason.
 */
function reviewerAnswers(autoCriteria: AutoCriterion[]) {
  const answers: Record<string, Answer> = { ...MANUAL_FULL_MARKS };
  const overrideReasons: Record<string, string> = {};
  let agreements = 0;
  for (const c of autoCriteria) {
    const mine: Answer = c.criterionId === 'polite_forms' ? { kind: 'no' } : { kind: 'yes' };
    answers[c.criterionId] = mine;
    if (c.answer && same(c.answer, mine)) agreements++;
    else if (c.answer) overrideReasons[c.criterionId] = `Listened at the start: ${c.criterionId} should be ${mine.kind}`;
  }
  return { answers, overrideReasons, agreements };
}

describe('Evaluations: review, publish, acknowledge, dispute, resolve', () => {
  let sut: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let reviewer: TestUser;
  let secondReviewer: TestUser;
  let disputeTeam: TestUser;
  let trainer: TestUser;
  let agent: TestUser;
  let otherAgent: TestUser;
  const connect = (user: TestUser) => connectAs(sut, user);

  const open = async (recordingId: string, who = reviewer) =>
    (await sut.http.post('/api/v1/evaluations').set('Authorization', who.auth).send({ recordingId }).expect(201)).body;

  /** A scored call of `agent`, evaluated (all passes but polite_forms, 96.43 %) and submitted by `reviewer`. */
  const submittedEvaluation = async () => {
    const workspace = await open(await aScoredCall(sut, admin, agent));
    const { answers, overrideReasons } = reviewerAnswers(workspace.autoScore.criteria);
    await sut.http
      .post(`/api/v1/evaluations/${workspace.id}/submit`)
      .set('Authorization', reviewer.auth)
      .send({ answers, overrideReasons, comments: [{ atMs: 9000, text: 'Balance given clearly' }] })
      .expect(200);
    return { id: workspace.id as string, workspace };
  };

  /** Sockets of the agent, another agent and a second reviewer; only the first may hear `evaluation.published`. */
  const listenForPublications = async () => {
    const [agentSocket, otherSocket, staffSocket] = [await connect(agent), await connect(otherAgent), await connect(secondReviewer)];
    const published: { evaluationId: string; revision: number; percent: number }[] = [];
    const leaked: unknown[] = [];
    agentSocket.on('evaluation.published', (e) => published.push(e));
    otherSocket.on('evaluation.published', (e) => leaked.push(e));
    staffSocket.on('evaluation.published', (e) => leaked.push(e));
    const disconnect = () => [agentSocket, otherSocket, staffSocket].forEach((s) => s.disconnect());
    return { published, leaked, disconnect };
  };

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    db = sut.get(DataSource);
    await sut.app.listen(0);
    admin = await aUser(sut, UserRole.Admin);
    reviewer = await aUser(sut, UserRole.QaSupervisor);
    secondReviewer = await aUser(sut, UserRole.QaSupervisor);
    disputeTeam = await aUser(sut, UserRole.DisputeTeam);
    trainer = await aUser(sut, UserRole.Trainer);
    const team = await aTeam(sut, [reviewer.id]);
    agent = await anAgent(sut, { displayName: 'Priya Shah', teamId: team.id });
    otherAgent = await anAgent(sut);
  });
  afterAll(() => sut.close());

  describe('one call from review to an amended, acknowledged score, with the history kept', () => {
    it('opens a call with its recording, transcript, auto-score evidence and scorecard, once, hidden from the agent', async () => {
      const recordingId = await aScoredCall(sut, admin, agent);

      const workspace = await open(recordingId);

      expect(workspace).toMatchObject({ state: 'draft', revision: 0, agentId: agent.id, reviewerId: reviewer.id, recordingId });
      expect(workspace.pickedBecause.reason).toMatchObject({ kind: 'manual' });
      expect(workspace.recording.audioUrl).toBe(`/api/v1/recordings/${recordingId}/audio`);
      expect(workspace.transcript.segments.length).toBeGreaterThan(0);
      expect(workspace.scorecard.sections.length).toBeGreaterThan(0);
      const offer = workspace.autoScore.criteria.find((c: { criterionId: string }) => c.criterionId === 'greeting_offer_help');
      expect(offer.result).toMatchObject({ result: 'pass', evidence: [expect.objectContaining({ speaker: 'agent', text: 'how can I help you' })] });
      await sut.http.get(workspace.recording.audioUrl).set('Authorization', reviewer.auth).expect(200);
      // Opening again is the same evaluation; the agent cannot see a draft at all.
      expect((await open(recordingId)).id).toBe(workspace.id);
      await sut.http.get(`/api/v1/evaluations/${workspace.id}`).set('Authorization', agent.auth).expect(404);
    });

    it('keeps a draft whose answers fit their criteria, says what is still missing, and lets only its reviewer write it', async () => {
      const workspace = await open(await aScoredCall(sut, admin, agent));

      const bad = await sut.http
        .put(`/api/v1/evaluations/${workspace.id}/draft`)
        .set('Authorization', reviewer.auth)
        .send({ answers: { empathy: { kind: 'scale', value: 9 } } })
        .expect(422);
      expect(bad.body.errors).toHaveProperty(['answers.empathy.value']);
      const draft = await sut.http
        .put(`/api/v1/evaluations/${workspace.id}/draft`)
        .set('Authorization', reviewer.auth)
        .send({
          answers: { empathy: { kind: 'scale', value: 4, note: 'dropped' } },
          comments: [{ atMs: 3000, text: 'Warm tone here', criterionId: 'empathy' }],
        })
        .expect(200);
      expect(draft.body.blockingIssues.map((i: { path: string }) => i.path)).toContain('answers.clarity');
      expect(draft.body.draft.answers).toEqual({ empathy: { kind: 'scale', value: 4 } });
      expect(draft.body.draft.comments).toEqual([{ atMs: 3000, text: 'Warm tone here', criterionId: 'empathy' }]);
      const shapeless = await sut.http
        .put(`/api/v1/evaluations/${workspace.id}/draft`)
        .set('Authorization', reviewer.auth)
        .send({ answers: { empathy: 'great' } })
        .expect(422);
      expect(shapeless.body.errors['answers.empathy']).toMatch(/must be an answer/);
      await sut.http.put(`/api/v1/evaluations/${workspace.id}/draft`).set('Authorization', secondReviewer.auth).send({ answers: {} }).expect(403);
    });

    it('refuses a submit without reasons for overrides, with comments after the end of the call, or with a total from the client', async () => {
      const workspace = await open(await aScoredCall(sut, admin, agent));
      const { answers, overrideReasons } = reviewerAnswers(workspace.autoScore.criteria);

      const noReason = await sut.http.post(`/api/v1/evaluations/${workspace.id}/submit`).set('Authorization', reviewer.auth).send({ answers }).expect(422);
      expect(Object.keys(noReason.body.errors)).toContain('overrideReasons.polite_forms');
      const late = await sut.http
        .post(`/api/v1/evaluations/${workspace.id}/submit`)
        .set('Authorization', reviewer.auth)
        .send({ answers, overrideReasons, comments: [{ atMs: 31_000, text: 'after the end' }] })
        .expect(422);
      expect(Object.keys(late.body.errors)).toContain('comments[0].atMs');
      await sut.http
        .post(`/api/v1/evaluations/${workspace.id}/submit`)
        .set('Authorization', reviewer.auth)
        .send({ answers, overrideReasons, percent: 100 })
        .expect(422);
      const unchanged = (await sut.http.get(`/api/v1/evaluations/${workspace.id}`).set('Authorization', reviewer.auth).expect(200)).body;
      expect(unchanged).toMatchObject({ state: 'draft', revision: 0 });
    });

    it('scores a submit on the server, completes the assignment and records where the reviewer agreed with the machine', async () => {
      const workspace = await open(await aScoredCall(sut, admin, agent));
      const { answers, overrideReasons, agreements } = reviewerAnswers(workspace.autoScore.criteria);
      const agreementBefore = (await sut.http.get('/api/v1/reports/auto-agreement').set('Authorization', trainer.auth).expect(200)).body;

      const submitted = (
        await sut.http
          .post(`/api/v1/evaluations/${workspace.id}/submit`)
          .set('Authorization', reviewer.auth)
          .send({ answers, overrideReasons, comments: [{ atMs: 9000, text: 'Balance given clearly' }], summary: 'Good call; watch the polite forms.' })
          .expect(200)
      ).body;

      // Everything passes but polite_forms (1 of 7 points in communication, weight 25 of 100): 100 - 25/7.
      expect(submitted).toMatchObject({ state: 'submitted', revision: 1, percent: 96.43, criticalFailed: false });
      expect(submitted.current.overrides.map((o: { criterionId: string }) => o.criterionId)).toContain('polite_forms');
      expect(submitted.current.summary).toBe('Good call; watch the polite forms.');
      expect(new Date(submitted.disputeDeadline).getTime() - new Date(submitted.submittedAt).getTime()).toBe(168 * 3600 * 1000);
      const assignment = await db.query('SELECT status FROM review_assignments WHERE id = $1', [workspace.pickedBecause.assignmentId]);
      expect(assignment[0].status).toBe('completed');
      // Auto versus human: every auto criterion the reviewer answered is recorded, agreed or not.
      const agreementAfter = (await sut.http.get('/api/v1/reports/auto-agreement').set('Authorization', trainer.auth).expect(200)).body;
      const answeredAuto = workspace.autoScore.criteria.filter((c: AutoCriterion) => c.answer).length;
      expect(agreementAfter.overall.answered - agreementBefore.overall.answered).toBe(answeredAuto);
      expect(agreementAfter.overall.agreed - agreementBefore.overall.agreed).toBe(agreements);
      const polite = agreementAfter.criteria.find((c: { criterionId: string }) => c.criterionId === 'polite_forms');
      expect(polite).toMatchObject({ title: 'Uses polite forms' });
    });

    it('draws the auto-agreement report as a chart, for staff only', async () => {
      await submittedEvaluation();
      const report = (await sut.http.get('/api/v1/reports/auto-agreement').set('Authorization', trainer.auth).expect(200)).body;

      const chart = await sut.http.get('/api/v1/reports/auto-agreement/chart').set('Authorization', trainer.auth).buffer(true).parse(asText).expect(200);

      expect(chart.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(chart.body).toContain('Uses polite forms');
      expect(chart.body.match(/class="bar"/g)).toHaveLength(report.criteria.length);
      await sut.http.get('/api/v1/reports/auto-agreement').set('Authorization', agent.auth).expect(403);
    });

    it("publishes a submitted evaluation to its agent only, who sees their own evaluations and never another agent's", async () => {
      const { published, leaked, disconnect } = await listenForPublications();
      try {
        const { id } = await submittedEvaluation();

        await eventually(async () => published.some((p) => p.evaluationId === id));
        expect(published.find((p) => p.evaluationId === id)).toMatchObject({ evaluationId: id, revision: 1, percent: 96.43 });
        const mine = (await sut.http.get('/api/v1/me/evaluations').set('Authorization', agent.auth).expect(200)).body;
        const recording = (await sut.http.get(`/api/v1/evaluations/${id}`).set('Authorization', reviewer.auth).expect(200)).body.recording;
        expect(mine.items.find((e: { id: string }) => e.id === id)).toMatchObject({
          state: 'submitted',
          canDispute: true,
          call: { externalId: recording.externalId, durationMs: recording.durationMs },
        });
        const theirs = (await sut.http.get('/api/v1/me/evaluations').set('Authorization', otherAgent.auth).expect(200)).body;
        expect(theirs.items.map((e: { id: string }) => e.id)).not.toContain(id);
        await sut.http.get(`/api/v1/evaluations/${id}`).set('Authorization', otherAgent.auth).expect(404);
        const agentView = (await sut.http.get(`/api/v1/evaluations/${id}`).set('Authorization', agent.auth).expect(200)).body;
        expect(agentView.draft).toBeUndefined();
        expect(agentView.current.comments).toEqual([{ atMs: 9000, text: 'Balance given clearly' }]);
        expect(leaked).toEqual([]);
      } finally {
        disconnect();
      }
    });

    it('sends a dispute on existing criteria to someone other than the reviewer, and holds the evaluation until it is resolved', async () => {
      const { id } = await submittedEvaluation();

      const unknown = await sut.http
        .post(`/api/v1/evaluations/${id}/dispute`)
        .set('Authorization', agent.auth)
        .send({ criteria: ['no_such_thing'], reason: 'I was polite' })
        .expect(422);
      expect(unknown.body.errors).toHaveProperty(['criteria[0]']);
      await sut.http
        .post(`/api/v1/evaluations/${id}/dispute`)
        .set('Authorization', otherAgent.auth)
        .send({ criteria: ['polite_forms'], reason: 'Not mine' })
        .expect(404);
      const disputed = (
        await sut.http
          .post(`/api/v1/evaluations/${id}/dispute`)
          .set('Authorization', agent.auth)
          .send({ criteria: ['polite_forms'], reason: 'I said please and thank you twice, at 0:09 and 0:15.' })
          .expect(201)
      ).body;

      expect(disputed.state).toBe('disputed');
      const dispute = disputed.disputes[0];
      expect(dispute).toMatchObject({ status: 'open', criteria: ['polite_forms'], raisedBy: agent.id });
      expect(dispute.assigneeId).not.toBeNull();
      expect(dispute.assigneeId).not.toBe(reviewer.id);
      const [assignee] = await db.query('SELECT role FROM users WHERE id = $1', [dispute.assigneeId]);
      expect(assignee.role).toBe('qa_supervisor');
      await sut.http.post(`/api/v1/evaluations/${id}/acknowledge`).set('Authorization', agent.auth).send({}).expect(409);
      const queue = (await sut.http.get('/api/v1/disputes?status=open').set('Authorization', disputeTeam.auth).expect(200)).body;
      expect(queue.map((d: { id: string }) => d.id)).toContain(dispute.id);
    });

    it('amends a disputed score as a new revision by someone other than the reviewer, republishes it, and keeps the history append-only', async () => {
      const { published, leaked, disconnect } = await listenForPublications();
      try {
        const { id, workspace } = await submittedEvaluation();
        await sut.http
          .post(`/api/v1/evaluations/${id}/dispute`)
          .set('Authorization', agent.auth)
          .send({ criteria: ['polite_forms'], reason: 'I said please.' })
          .expect(201);

        // The original reviewer may not judge their own work; an amendment must change something.
        await sut.http
          .post(`/api/v1/evaluations/${id}/dispute/resolve`)
          .set('Authorization', reviewer.auth)
          .send({ outcome: 'upheld', note: 'I stand by it' })
          .expect(403);
        await sut.http
          .post(`/api/v1/evaluations/${id}/dispute/resolve`)
          .set('Authorization', disputeTeam.auth)
          .send({ outcome: 'amended', note: 'Polite forms are there', answers: {} })
          .expect(422);
        const politeAuto = workspace.autoScore.criteria.find((c: AutoCriterion) => c.criterionId === 'polite_forms') as AutoCriterion;
        const amendment = same(politeAuto.answer, { kind: 'yes' }) ? {} : { overrideReasons: { polite_forms: 'Heard please and thank you' } };
        const resolved = (
          await sut.http
            .post(`/api/v1/evaluations/${id}/dispute/resolve`)
            .set('Authorization', disputeTeam.auth)
            .send({ outcome: 'amended', note: 'Polite forms are there at 0:09 and 0:15', answers: { polite_forms: { kind: 'yes' } }, ...amendment })
            .expect(200)
        ).body;

        expect(resolved).toMatchObject({ state: 'resolved', revision: 2, percent: 100 });
        expect(
          resolved.revisions.map((r: { revision: number; percent: number; authorId: string; reason: string | null }) => [
            r.revision,
            r.percent,
            r.authorId,
            r.reason,
          ]),
        ).toEqual([
          [1, 96.43, reviewer.id, null],
          [2, 100, disputeTeam.id, 'Polite forms are there at 0:09 and 0:15'],
        ]);
        expect(resolved.revisions[1].comments).toEqual(resolved.revisions[0].comments);
        expect(resolved.disputes[0]).toMatchObject({ status: 'amended', resolvedBy: disputeTeam.id, amendedRevision: 2 });
        await eventually(async () => published.filter((p) => p.evaluationId === id).length >= 2);
        expect(published.filter((p) => p.evaluationId === id)[1]).toMatchObject({ evaluationId: id, revision: 2, percent: 100 });

        // The agent accepts the outcome; the history says who did what, when and why.
        const acknowledged = (
          await sut.http.post(`/api/v1/evaluations/${id}/acknowledge`).set('Authorization', agent.auth).send({ comment: 'Thanks' }).expect(200)
        ).body;
        expect(acknowledged.state).toBe('acknowledged');
        expect(acknowledged.history.map((h: { type: string; actorId: string }) => [h.type, h.actorId])).toEqual([
          ['created', reviewer.id],
          ['submitted', reviewer.id],
          ['disputed', agent.id],
          ['amended', disputeTeam.id],
          ['acknowledged', agent.id],
        ]);
        await sut.http.post(`/api/v1/evaluations/${id}/acknowledge`).set('Authorization', agent.auth).send({}).expect(409);
        // Revisions are history: the database refuses to rewrite them.
        await expect(db.query('UPDATE evaluation_revisions SET percent = 0 WHERE evaluation_id = $1', [id])).rejects.toThrow(/append-only/);
        expect(leaked).toEqual([]);
      } finally {
        disconnect();
      }
    });
  });

  it('upholds a dispute without a new revision, and the agent then accepts it', async () => {
    const { id } = await submittedEvaluation();
    await sut.http
      .post(`/api/v1/evaluations/${id}/dispute`)
      .set('Authorization', agent.auth)
      .send({ criteria: ['empathy'], reason: 'I was kind' })
      .expect(201);
    const upheld = (
      await sut.http
        .post(`/api/v1/evaluations/${id}/dispute/resolve`)
        .set('Authorization', admin.auth)
        .send({ outcome: 'upheld', note: 'Score stands' })
        .expect(200)
    ).body;
    expect(upheld).toMatchObject({ state: 'resolved', revision: 1, percent: 96.43 });
    expect(upheld.disputes[0]).toMatchObject({ status: 'upheld', resolutionNote: 'Score stands', amendedRevision: null });
    await sut.http
      .post(`/api/v1/evaluations/${id}/dispute`)
      .set('Authorization', agent.auth)
      .send({ criteria: ['empathy'], reason: 'Again' })
      .expect(409);
    await sut.http.post(`/api/v1/evaluations/${id}/acknowledge`).set('Authorization', agent.auth).send({}).expect(200);
  });

  it('closes the dispute window after the configured time, and routes disputes to the dispute team when set', async () => {
    const before = (await sut.http.get('/api/v1/review-settings').set('Authorization', admin.auth).expect(200)).body;
    await sut.http.put('/api/v1/review-settings').set('Authorization', admin.auth).send({ disputeWindowHours: -1 }).expect(422);
    await sut.http.put('/api/v1/review-settings').set('Authorization', reviewer.auth).send({ disputeWindowHours: 1 }).expect(403);
    try {
      await sut.http.put('/api/v1/review-settings').set('Authorization', admin.auth).send({ disputeWindowHours: 0 }).expect(200);
      const { id: closed } = await submittedEvaluation();
      const refused = await sut.http
        .post(`/api/v1/evaluations/${closed}/dispute`)
        .set('Authorization', agent.auth)
        .send({ criteria: ['empathy'], reason: 'Too late?' })
        .expect(409);
      expect(refused.body.message).toMatch(/dispute window closed at \d{4}-/);
      const mine = (await sut.http.get('/api/v1/me/evaluations').set('Authorization', agent.auth).expect(200)).body;
      expect(mine.items.find((e: { id: string }) => e.id === closed).canDispute).toBe(false);

      await sut.http
        .put('/api/v1/review-settings')
        .set('Authorization', admin.auth)
        .send({ disputeWindowHours: 24, disputeRouting: 'dispute_team' })
        .expect(200);
      const { id: open } = await submittedEvaluation();
      const disputed = (
        await sut.http
          .post(`/api/v1/evaluations/${open}/dispute`)
          .set('Authorization', agent.auth)
          .send({ criteria: ['clarity'], reason: 'Clear enough' })
          .expect(201)
      ).body;
      const [assignee] = await db.query('SELECT role FROM users WHERE id = $1', [disputed.disputes[0].assigneeId]);
      expect(assignee.role).toBe('dispute_team');
      const audit = await db.query(`SELECT details FROM audit_events WHERE action = 'review_settings.updated' ORDER BY id DESC LIMIT 1`);
      expect(audit[0].details).toMatchObject({ disputeRouting: 'dispute_team', disputeWindowHours: 24 });
    } finally {
      await sut.http
        .put('/api/v1/review-settings')
        .set('Authorization', admin.auth)
        .send({ disputeWindowHours: before.disputeWindowHours, disputeRouting: before.disputeRouting })
        .expect(200);
    }
  });

  it("evaluates a call that has no auto-score yet: every criterion is the reviewer's, on a frozen scorecard version", async () => {
    // Transcription is off in this app: the upload stays queued and is never auto-scored.
    const upload = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({ externalId: `call-${Date.now()}-unscored`, agentId: agent.id, startedAt: new Date().toISOString(), direction: 'inbound' })
      .attach('file', silence(30))
      .expect(202);
    const workspace = await open(upload.body.id);
    expect(workspace.autoScore).toBeNull();
    const [version] = await db.query('SELECT first_used_at FROM scorecard_versions WHERE id = $1', [workspace.scorecardVersionId]);
    expect(version.first_used_at).not.toBeNull();

    const incomplete = await sut.http
      .post(`/api/v1/evaluations/${workspace.id}/submit`)
      .set('Authorization', reviewer.auth)
      .send({ answers: MANUAL_FULL_MARKS })
      .expect(422);
    expect(Object.keys(incomplete.body.errors)).toContain('answers.greeting_company');
    const autoIds: string[] = workspace.scorecard.sections.flatMap((s: { criteria: { id: string; mode: string }[] }) =>
      s.criteria.filter((c) => c.mode === 'auto').map((c) => c.id),
    );
    const answers = { ...MANUAL_FULL_MARKS, ...Object.fromEntries(autoIds.map((id) => [id, { kind: 'yes' }])) };
    const submitted = (await sut.http.post(`/api/v1/evaluations/${workspace.id}/submit`).set('Authorization', reviewer.auth).send({ answers }).expect(200))
      .body;
    expect(submitted).toMatchObject({ percent: 100, revision: 1 });
    expect(submitted.current.overrides).toEqual([]);
    expect(await db.query('SELECT 1 FROM auto_agreements WHERE evaluation_id = $1', [workspace.id])).toHaveLength(0);
  });

  it("keeps evaluations to reviewers: no self-review, no taking another reviewer's call, staff-only lists", async () => {
    const recordingId = await aScoredCall(sut, admin, agent);
    const workspace = await open(recordingId);
    const taken = await sut.http.post('/api/v1/evaluations').set('Authorization', secondReviewer.auth).send({ recordingId }).expect(409);
    expect(taken.body.message).toContain(workspace.pickedBecause.assignmentId);
    await sut.http
      .post('/api/v1/evaluations')
      .set('Authorization', secondReviewer.auth)
      .send({ assignmentId: workspace.pickedBecause.assignmentId })
      .expect(403);
    await sut.http.post('/api/v1/evaluations').set('Authorization', reviewer.auth).send({}).expect(422);
    await sut.http.post('/api/v1/evaluations').set('Authorization', agent.auth).send({ recordingId }).expect(403);
    await sut.http.post(`/api/v1/evaluations/${workspace.id}/submit`).set('Authorization', secondReviewer.auth).send({}).expect(403);
    // Submitting the saved (empty) draft names what is missing.
    const incomplete = await sut.http.post(`/api/v1/evaluations/${workspace.id}/submit`).set('Authorization', reviewer.auth).send({}).expect(422);
    expect(Object.keys(incomplete.body.errors)).toEqual(expect.arrayContaining(['answers.empathy', 'answers.resolution']));

    const list = (await sut.http.get(`/api/v1/evaluations?agentId=${agent.id}`).set('Authorization', trainer.auth).expect(200)).body;
    expect(list.items.map((e: { id: string }) => e.id)).toContain(workspace.id);
    await sut.http.get('/api/v1/evaluations').set('Authorization', agent.auth).expect(403);
    await sut.http.get('/api/v1/evaluations?state=bogus').set('Authorization', trainer.auth).expect(422);
  });
});
