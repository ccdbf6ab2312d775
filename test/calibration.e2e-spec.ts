import { AuditLog } from '@callgrade/audit';
import { CalibrationSessionEntity, CallDirection, ChannelLayout, RecordingEntity, RecordingStatus, UserRole } from '@callgrade/database';
import { ScorecardsService } from '@callgrade/scorecards';
import { defaultScorecard, Scorecard } from '@callgrade/scoring';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

type AnswerSheet = Record<string, { kind: string; value?: number }>;

/**
 * Answers used below, on the default scorecard (all weights and sections from default-scorecard.ts):
 * every criterion "yes" or 5/5, except
 *   call 1: reference empathy 4 · A empathy 4 · B empathy 3, closing_thanks no · C empathy 4, greeting_agent_name N/A
 *   call 2: reference resolution 3 · A resolution 3, clarity 4 · B resolution 4 · C does not answer
 * Totals (section weight × section share, the weights add up to 100):
 *   empathy 4 → communication (1+1+1+2·0.8+2)/7 = 6.6/7, worth 25·6.6/7 = 23.5714; so reference 1 = A 1 = 75 + 23.5714 = 98.5714 (= 690/7)
 *   B 1: communication 25·6.2/7 = 22.1429, closing 10·1/2 = 5 → 15 + 22.1429 + 30 + 20 + 5 = 92.1429 (= 645/7)
 *   C 1: opening without greeting_agent_name is still 2/2 → 98.5714, the same total as the reference
 *   reference 2: resolution (1 + 2 + 2·0.6)/5 = 84 % → 30·0.84 = 25.2 → 95.2
 *   A 2: 15 + 23.5714 + 25.2 + 20 + 10 = 93.7714 · B 2: resolution (1+2+1.6)/5 = 92 % → 27.6 → 97.6
 */
const REF_1 = 690 / 7;
const B_1 = 645 / 7;
const REF_2 = 95.2;
const A_2 = 15 + 165 / 7 + 25.2 + 20 + 10;
const B_2 = 97.6;

describe('Calibration sessions: blind scoring by several reviewers, then how far they agree', () => {
  let sut: TestApp;
  let lead: TestUser;
  let reviewerA: TestUser;
  let reviewerB: TestUser;
  let reviewerC: TestUser;
  let outsider: TestUser;
  let admin: TestUser;
  let trainer: TestUser;
  let agent: TestUser;
  let call1: string;
  let call2: string;
  let sessionId: string;
  let scorecard: Scorecard;

  const aScoredCall = async (): Promise<string> => {
    const { identifiers } = await sut
      .get(DataSource)
      .getRepository(RecordingEntity)
      .insert({
        externalId: uniqueCallId(),
        agentId: agent.id,
        startedAt: new Date('2026-11-02T09:00:00Z'),
        direction: CallDirection.Inbound,
        channelLayout: ChannelLayout.AgentLeft,
        sha256: randomBytes(32).toString('hex'),
        storageKey: `calibration/${randomBytes(8).toString('hex')}.wav`,
        sizeBytes: 96_000,
        container: 'wav',
        codec: 'pcm_s16le',
        durationMs: 183_000,
        channels: 2,
        sampleRate: 8000,
        status: RecordingStatus.Scored,
      });
    return identifiers[0].id as string;
  };

  /** Every criterion "yes" or full marks, then the given changes. */
  const sheet = (changes: AnswerSheet = {}): AnswerSheet => ({
    ...Object.fromEntries(
      scorecard.sections
        .flatMap((s) => s.criteria)
        .map((c) => [c.id, c.answerType.kind === 'scale' ? { kind: 'scale', value: c.answerType.max } : { kind: 'yes' }]),
    ),
    ...changes,
  });
  const scale = (value: number) => ({ kind: 'scale', value });

  const session = (user: TestUser, id = sessionId) => sut.http.get(`/api/v1/calibration-sessions/${id}`).set('Authorization', user.auth);
  const answer = (user: TestUser, call: string, answers: unknown, id = sessionId) =>
    sut.http.put(`/api/v1/calibration-sessions/${id}/recordings/${call}/answers`).set('Authorization', user.auth).send({ answers });
  const reference = (user: TestUser, call: string, answers: unknown) =>
    sut.http.put(`/api/v1/calibration-sessions/${sessionId}/recordings/${call}/reference`).set('Authorization', user.auth).send({ answers });
  const create = (user: TestUser, body: object) => sut.http.post('/api/v1/calibration-sessions').set('Authorization', user.auth).send(body);
  const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

  beforeAll(async () => {
    sut = await startTestApp({ OUTBOX_RELAY_ENABLED: 'false' });
    lead = await aUser(sut, UserRole.QaSupervisor, { displayName: 'Lead Lee' });
    reviewerA = await aUser(sut, UserRole.QaSupervisor, { displayName: 'Reviewer A' });
    reviewerB = await aUser(sut, UserRole.QaSupervisor, { displayName: 'Reviewer B' });
    reviewerC = await aUser(sut, UserRole.Admin, { displayName: 'Reviewer C' });
    outsider = await aUser(sut, UserRole.QaSupervisor);
    admin = await aUser(sut, UserRole.Admin);
    trainer = await aUser(sut, UserRole.Trainer);
    agent = await anAgent(sut);
    call1 = await aScoredCall();
    call2 = await aScoredCall();
  });
  afterAll(() => sut.close());

  it('rejects a session with a past deadline, an unknown recording and an agent as reviewer, naming each field', async () => {
    const res = await create(lead, {
      title: 'November calibration',
      recordingIds: [call1, '00000000-0000-4000-8000-000000000000'],
      reviewerIds: [reviewerA.id, agent.id],
      deadline: '2020-01-01T00:00:00Z',
    }).expect(422);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.errors).sort()).toEqual(['deadline', 'recordingIds[1]', 'reviewerIds[1]']);
    expect(res.body.errors.deadline).toMatch(/future/);
    expect(res.body.errors['recordingIds[1]']).toMatch(/no such recording/);
    expect(res.body.errors['reviewerIds[1]']).toMatch(/agent.*QA supervisors or admins/);

    const shape = await create(lead, { title: '', recordingIds: [], reviewerIds: [reviewerA.id, reviewerA.id], deadline: 'tomorrow' }).expect(422);
    expect(Object.keys(shape.body.errors).sort()).toEqual(['deadline', 'recordingIds', 'reviewerIds', 'title']);
  });

  it('opens a session led by the caller on the default scorecard, with links to each call’s audio and transcript, audit-logged', async () => {
    const res = await create(lead, {
      title: 'November calibration',
      recordingIds: [call1, call2],
      reviewerIds: [reviewerA.id, reviewerB.id, reviewerC.id],
      deadline: inAWeek(),
    }).expect(201);
    sessionId = res.body.id;
    scorecard = res.body.scorecard.definition;
    const current = await sut.get(ScorecardsService).currentForScoring();
    expect(res.body.scorecard.versionId).toBe(current.versionId);
    expect(scorecard.sections.flatMap((s) => s.criteria.map((c) => c.id))).toEqual(defaultScorecard().sections.flatMap((s) => s.criteria.map((c) => c.id)));
    expect(res.body).toMatchObject({
      status: 'open',
      leadId: lead.id,
      leadName: 'Lead Lee',
      isLead: true,
      isParticipant: false,
      responsesIn: 0,
      responsesExpected: 6,
      blind: true,
      responses: [],
      results: null,
      toScore: [],
    });
    expect(res.body.recordings).toEqual([
      expect.objectContaining({
        recordingId: call1,
        position: 0,
        durationMs: 183_000,
        audioUrl: `/api/v1/recordings/${call1}/audio`,
        transcriptUrl: `/api/v1/recordings/${call1}/transcript`,
      }),
      expect.objectContaining({ recordingId: call2, position: 1 }),
    ]);
    expect(res.body.participants.map((p: { displayName: string }) => p.displayName)).toEqual(['Reviewer A', 'Reviewer B', 'Reviewer C']);
    const audit = await sut.get(AuditLog).forResource('calibration_session', sessionId);
    expect(audit).toEqual([
      expect.objectContaining({ actorId: lead.id, action: 'calibration_session.created', details: expect.objectContaining({ recordings: 2, reviewers: 3 }) }),
    ]);
  });

  it('lists the session to the lead, its participants and admins, with the calls each still has to score, and to nobody else while open', async () => {
    const asA = await sut.http.get('/api/v1/calibration-sessions').set('Authorization', reviewerA.auth).expect(200);
    expect(asA.body.items).toEqual([
      expect.objectContaining({
        id: sessionId,
        status: 'open',
        isParticipant: true,
        isLead: false,
        toScore: [call1, call2],
        recordings: 2,
        participants: 3,
        responsesIn: 0,
      }),
    ]);
    const asLead = await sut.http.get('/api/v1/calibration-sessions').set('Authorization', lead.auth).expect(200);
    expect(asLead.body.items).toEqual([expect.objectContaining({ id: sessionId, isLead: true, isParticipant: false, toScore: [] })]);
    const asAdmin = await sut.http.get('/api/v1/calibration-sessions?status=open').set('Authorization', admin.auth).expect(200);
    expect(asAdmin.body.items.map((s: { id: string }) => s.id)).toContain(sessionId);
    for (const other of [outsider, trainer]) {
      const res = await sut.http.get('/api/v1/calibration-sessions').set('Authorization', other.auth).expect(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).not.toContain(sessionId);
    }
    await sut.http.get('/api/v1/calibration-sessions').set('Authorization', agent.auth).expect(403);
  });

  it('rejects incomplete or misfitting answers, naming each criterion', async () => {
    const { empathy: _, ...withoutEmpathy } = sheet();
    const res = await answer(reviewerA, call1, { ...withoutEmpathy, greeting_company: { kind: 'na' }, clarity: scale(9), closing_thanks: 'yes' }).expect(422);
    expect(res.body.errors).toEqual({
      'answers.empathy': 'needs an answer',
      'answers.greeting_company': 'N/A is not allowed for this criterion',
      'answers.clarity.value': 'must be an integer from 0 to 5',
      'answers.closing_thanks': expect.stringMatching(/must be an answer/),
    });
  });

  it('stores each reviewer’s answers with the total computed by the server, and lets them replace it', async () => {
    const a1 = await answer(reviewerA, call1, sheet({ empathy: scale(4) })).expect(200);
    expect(a1.body).toMatchObject({ recordingId: call1, reviewerId: reviewerA.id, isReference: false, percent: 98.57 });
    await answer(reviewerA, call2, sheet({ resolution: scale(3), clarity: scale(4) })).expect(200);
    await answer(reviewerB, call1, sheet({ empathy: scale(3), closing_thanks: { kind: 'no' } })).expect(200);
    await answer(reviewerB, call2, sheet({ resolution: scale(1) })).expect(200);
    const replaced = await answer(reviewerB, call2, sheet({ resolution: scale(4) })).expect(200);
    expect(replaced.body.percent).toBe(97.6);
    const c1 = await answer(reviewerC, call1, sheet({ empathy: scale(4), greeting_agent_name: { kind: 'na' } })).expect(200);
    expect(c1.body.percent).toBe(98.57);
  });

  it('keeps scoring blind: a reviewer sees only their own answers, the lead and admins only who has handed in', async () => {
    const asB = await session(reviewerB).expect(200);
    expect(asB.body.blind).toBe(true);
    expect(asB.body.responses.map((r: { reviewerId: string }) => r.reviewerId)).toEqual([reviewerB.id, reviewerB.id]);
    expect(asB.body.responses.find((r: { recordingId: string }) => r.recordingId === call1).answers.empathy).toEqual(scale(3));
    expect(asB.body.submissions).toHaveLength(5);
    expect(asB.body.submissions[0]).not.toHaveProperty('answers');
    expect(asB.body.toScore).toEqual([]);
    expect(JSON.stringify(asB.body)).not.toContain('"percent":93.77');

    for (const user of [lead, admin]) {
      const res = await session(user).expect(200);
      expect(res.body.responses).toEqual([]);
      expect(
        res.body.submissions
          .filter((s: { reviewerId: string }) => s.reviewerId === reviewerA.id)
          .map((s: { recordingId: string }) => s.recordingId)
          .sort(),
      ).toEqual([call1, call2].sort());
      expect(res.body.responsesIn).toBe(5);
    }
    const asC = await session(reviewerC).expect(200);
    expect(asC.body.toScore).toEqual([call2]);
  });

  it('answers 403 to non-participants who try to score, to reviewers who try to set the reference, and to outsiders and trainers who look', async () => {
    const denied = await answer(outsider, call1, sheet()).expect(403);
    expect(denied.body.code).toBe('forbidden');
    await answer(lead, call1, sheet()).expect(403); // the lead takes part only when listed as a reviewer
    await reference(reviewerA, call1, sheet()).expect(403);
    await session(outsider).expect(403);
    await session(trainer).expect(403);
    await sut.http.post(`/api/v1/calibration-sessions/${sessionId}/close`).set('Authorization', outsider.auth).expect(403);
    await session(agent).expect(403);
  });

  it('lets the lead give and replace a reference answer, hidden from the reviewers while open', async () => {
    await reference(lead, call1, sheet()).expect(200);
    const ref1 = await reference(lead, call1, sheet({ empathy: scale(4) })).expect(200);
    expect(ref1.body).toMatchObject({ isReference: true, reviewerId: lead.id, percent: 98.57 });
    const ref2 = await reference(lead, call2, sheet({ resolution: scale(3) })).expect(200);
    expect(ref2.body.percent).toBe(95.2);
    const asLead = await session(lead).expect(200);
    expect(asLead.body.responses.map((r: { isReference: boolean }) => r.isReference)).toEqual([true, true]);
    const asA = await session(reviewerA).expect(200);
    expect(asA.body.responses.every((r: { reviewerId: string }) => r.reviewerId === reviewerA.id)).toBe(true);
  });

  it('answers 409 for results while the session is open', async () => {
    const res = await sut.http.get(`/api/v1/calibration-sessions/${sessionId}/results`).set('Authorization', lead.auth).expect(409);
    expect(res.body.message).toMatch(/still open/);
  });

  it('refuses reviewers’ answers after the deadline with 409, but still takes the reference until close', async () => {
    await sut
      .get(DataSource)
      .getRepository(CalibrationSessionEntity)
      .update({ id: sessionId }, { deadline: new Date(Date.now() - 60_000) });
    const late = await answer(reviewerC, call2, sheet()).expect(409);
    expect(late.body.message).toMatch(/deadline .* has passed/);
    await reference(lead, call2, sheet({ resolution: scale(3) })).expect(200);
  });

  it('closes with the agreement per criterion, the spread of totals, each reviewer’s deviation from the reference and Krippendorff’s alpha', async () => {
    const closed = await sut.http.post(`/api/v1/calibration-sessions/${sessionId}/close`).set('Authorization', lead.auth).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: lead.id, blind: false });
    const res = await sut.http.get(`/api/v1/calibration-sessions/${sessionId}/results`).set('Authorization', lead.auth).expect(200);
    const report = res.body.report;
    expect(closed.body.results).toEqual(report);
    expect(report).toMatchObject({ reviewers: 3, recordings: 2 });

    // Agreement pools ordered reviewer pairs per call: 3 reviewers on call 1 (6 pairs), 2 on call 2 (2 pairs).
    const criterion = (id: string) => report.criteria.find((c: { criterionId: string }) => c.criterionId === id);
    expect(criterion('empathy')).toMatchObject({ agreement: 0.5, ratings: 5, referenceMatch: 0.8 }); // 4,3,4 → 2 of 6; 5,5 → 2 of 2
    expect(criterion('closing_thanks')).toMatchObject({ agreement: 0.5, referenceMatch: 0.8 });
    expect(criterion('greeting_agent_name')).toMatchObject({ agreement: 0.5, ratings: 5, referenceMatch: 0.8 }); // N/A counts as an answer
    expect(criterion('clarity')).toMatchObject({ agreement: 0.75, referenceMatch: 0.8 }); // 6 of 6, then 4 vs 5
    expect(criterion('resolution')).toMatchObject({ agreement: 0.75, referenceMatch: 0.8 });
    expect(criterion('polite_forms')).toMatchObject({ agreement: 1, ratings: 5, referenceMatch: 1 });
    expect(report.criteria).toHaveLength(16);

    const [totals1, totals2] = report.totals;
    expect(totals1.recordingId).toBe(call1);
    expect(totals1.reference).toBeCloseTo(REF_1, 6);
    expect(totals1.spread.n).toBe(3);
    expect(totals1.spread.min).toBeCloseTo(B_1, 6);
    expect(totals1.spread.max).toBeCloseTo(REF_1, 6);
    expect(totals1.spread.range).toBeCloseTo(45 / 7, 6); // 6.4286 points
    expect(totals1.spread.mean).toBeCloseTo(675 / 7, 6); // (690 + 645 + 690) / 21
    expect(totals1.spread.sd).toBeCloseTo(Math.sqrt(675) / 7, 6); // deviations 15/7, -30/7, 15/7 → variance (1350/49)/2 → 3.7115
    expect(totals2.recordingId).toBe(call2);
    expect(totals2.reference).toBeCloseTo(REF_2, 6);
    expect(totals2.byReviewer.map((t: { reviewerId: string }) => t.reviewerId).sort()).toEqual([reviewerA.id, reviewerB.id].sort()); // C is missing
    expect(totals2.spread.n).toBe(2);
    expect(totals2.spread.mean).toBeCloseTo((A_2 + B_2) / 2, 6); // 95.6857
    expect(totals2.spread.range).toBeCloseTo(B_2 - A_2, 6); // 3.8286
    expect(totals2.spread.sd).toBeCloseTo((B_2 - A_2) / Math.SQRT2, 6); // 2.7072

    const deviation = (id: string) => report.reviewerDeviations.find((d: { reviewerId: string }) => d.reviewerId === id);
    expect(deviation(reviewerA.id).meanAbsoluteDeviation).toBeCloseTo(5 / 7, 6); // (0 + |93.7714 - 95.2|) / 2 = 0.7143
    expect(deviation(reviewerA.id)).toMatchObject({ criteriaDiffering: 1, criteriaCompared: 32 });
    expect(deviation(reviewerB.id).meanAbsoluteDeviation).toBeCloseTo((REF_1 - B_1 + (B_2 - REF_2)) / 2, 6); // (6.4286 + 2.4) / 2 = 4.4143
    expect(deviation(reviewerB.id)).toMatchObject({ criteriaDiffering: 3, criteriaCompared: 32 });
    expect(deviation(reviewerC.id)).toMatchObject({ meanAbsoluteDeviation: 0, criteriaDiffering: 1, criteriaCompared: 16 });

    // Interval alpha over 32 units (call × criterion), value = share earned, N/A and unanswered missing:
    // 79 pairable values, Σv = 76.4, Σv² = 75.28 → D_e = 2(79·75.28 − 76.4²)/(79·78) = 220.32/6162;
    // D_o = (0.16/2 + 4/2 + 0.08 + 0.08)/79 = 2.24/79 (empathy 1, closing_thanks 1, clarity 2, resolution 2);
    // alpha = 1 − (2.24·78)/220.32 = 45.6/220.32 = 0.20697. Low despite few disagreements: almost every answer is full marks,
    // so there is little variation for agreement to explain (the known prevalence effect of chance-corrected coefficients).
    expect(report.reliability).toMatchObject({ method: 'krippendorff_alpha', metric: 'interval', pairableUnits: 32 });
    expect(report.reliability.alpha).toBeCloseTo(45.6 / 220.32, 10);

    const audit = await sut.get(AuditLog).forResource('calibration_session', sessionId);
    expect(audit.map((e) => e.action)).toEqual(['calibration_session.created', 'calibration_session.closed']);
  });

  it('after close shows everyone’s answers and the reference, and lets trainers read it', async () => {
    const asB = await session(reviewerB).expect(200);
    expect(asB.body.blind).toBe(false);
    expect(asB.body.responses).toHaveLength(7);
    const aOn2 = asB.body.responses.find((r: { reviewerId: string; recordingId: string }) => r.reviewerId === reviewerA.id && r.recordingId === call2);
    expect(aOn2).toMatchObject({ percent: 93.77, answers: expect.objectContaining({ clarity: scale(4), resolution: scale(3) }) });
    const asTrainer = await session(trainer).expect(200);
    expect(asTrainer.body.results.reliability.pairableUnits).toBe(32);
    const list = await sut.http.get('/api/v1/calibration-sessions?status=closed').set('Authorization', trainer.auth).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(sessionId);
    await sut.http.get(`/api/v1/calibration-sessions/${sessionId}/results`).set('Authorization', trainer.auth).expect(200);
  });

  it('answers 409 to answers, references and a second close once closed', async () => {
    const late = await answer(reviewerC, call2, sheet()).expect(409);
    expect(late.body.message).toMatch(/closed/);
    await reference(lead, call1, sheet()).expect(409);
    await sut.http.post(`/api/v1/calibration-sessions/${sessionId}/close`).set('Authorization', admin.auth).expect(409);
  });

  it('lets an admin close a session before its deadline, counting unanswered calls as missing', async () => {
    const created = await create(lead, { title: 'Quick check', recordingIds: [call1], reviewerIds: [reviewerA.id, lead.id], deadline: inAWeek() }).expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ isLead: true, isParticipant: true, toScore: [call1] });
    await answer(lead, call1, sheet(), id).expect(200);
    const closed = await sut.http.post(`/api/v1/calibration-sessions/${id}/close`).set('Authorization', admin.auth).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: admin.id });
    expect(closed.body.results).toMatchObject({ reviewers: 1, recordings: 1, reliability: { alpha: null, pairableUnits: 0 } });
    expect(closed.body.results.reviewerDeviations).toEqual([{ reviewerId: lead.id, meanAbsoluteDeviation: null, criteriaDiffering: 0, criteriaCompared: 0 }]);
  });
});
