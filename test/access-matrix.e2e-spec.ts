import { JwtService } from '@nestjs/jwt';
import { UserRole } from '@callgrade/database';
import { silence } from './support/audio-fixtures';
import { aTeam, aUser, anApiKey, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { routeTable } from './support/route-table';
import { conversation, GOOD_CALL } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_ENV } from './test-environment';

/*
 * The route × principal matrix, written by hand from the README's API table (the "who" column), not
 * read from the decorators it checks. A principal is "allowed" when the answer is anything but 401/403
 * (and not a 5xx): a 404, 409 or 422 means the request got past the access checks.
 */

const { Admin, QaSupervisor, Agent, DisputeTeam, Trainer, Auditor } = UserRole;
const KEY = 'api key';
type Principal = UserRole | typeof KEY | 'no token' | 'expired token' | 'forged token';
const PRINCIPALS: Principal[] = [Admin, QaSupervisor, Agent, DisputeTeam, Trainer, Auditor, KEY, 'no token', 'expired token', 'forged token'];
const UNAUTHENTICATED: Principal[] = ['no token', 'expired token', 'forged token'];

const PUBLIC = 'public' as const;
const ANY_USER: Principal[] = [Admin, QaSupervisor, Agent, DisputeTeam, Trainer, Auditor];
/** "all roles (scoped)", "all": everyone but the auditor, who reads only the audit log. */
const CALL_READERS: Principal[] = [Admin, QaSupervisor, Agent, DisputeTeam, Trainer];
/** "QA roles". */
const QA: Principal[] = [Admin, QaSupervisor];
/** "staff". */
const STAFF: Principal[] = [Admin, QaSupervisor, DisputeTeam, Trainer];
const AUDIT: Principal[] = [Admin, Auditor];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Row = [method: Method, path: string, allowed: Principal[] | typeof PUBLIC];

/**
 * `:recording` is a real scored call of the agent principal, uploaded by the API key principal;
 * `:evaluation` its published evaluation, `:complaint` a complaint about it; `:team`, `:user`,
 * `:scorecard` are real. `:missing` is a well-formed id that exists nowhere: on routes that delete or
 * would change shared data, and on "the reviewer"/"the agent" routes, whose owner checks are below.
 */
const MATRIX: Row[] = [
  ['post', '/auth/login', PUBLIC],
  ['get', '/health', PUBLIC],
  ['get', '/me', ANY_USER],

  ['post', '/users', [Admin]],
  ['get', '/users', STAFF],
  ['get', '/users/:user', STAFF],
  ['patch', '/users/:missing', [Admin]],
  ['post', '/teams', [Admin]],
  ['get', '/teams', STAFF],
  ['get', '/teams/:team', STAFF],
  ['patch', '/teams/:missing', [Admin]],
  ['post', '/api-keys', [Admin]],
  ['get', '/api-keys', [Admin]],
  ['delete', '/api-keys/:missing', [Admin]],

  ['post', '/recordings', [Admin, QaSupervisor, KEY]],
  ['get', '/recordings', [...CALL_READERS, KEY]],
  ['get', '/recordings/:recording', [...CALL_READERS, KEY]],
  ['get', '/recordings/:recording/audio', [...CALL_READERS, KEY]],
  ['get', '/recordings/:recording/transcript', [...CALL_READERS, KEY]],
  ['get', '/recordings/:recording/auto-score', [...CALL_READERS, KEY]],
  ['post', '/recordings/:recording/retry', [Admin]],
  ['post', '/recordings/rescore', [Admin]],

  ['post', '/scorecards', QA],
  ['get', '/scorecards', [...QA, Trainer, DisputeTeam]],
  ['get', '/scorecards/:scorecard', [...QA, Trainer, DisputeTeam]],
  ['get', '/scorecards/:scorecard/versions/1', [...QA, Trainer, DisputeTeam]],
  ['patch', '/scorecards/:missing', QA],
  ['post', '/scorecards/:missing/default', QA],
  ['delete', '/scorecards/:missing', QA],
  ['get', '/settings/scoring', [...QA, Trainer, DisputeTeam]],
  ['get', '/settings/scoring/history', [...QA, Trainer, DisputeTeam]],
  ['put', '/settings/scoring', QA],

  ['post', '/evaluations', QA],
  ['put', '/evaluations/:missing/draft', QA],
  ['post', '/evaluations/:missing/submit', QA],
  // The agent reads their own list at /me/evaluations, and one of their published evaluations here.
  ['get', '/evaluations', [...QA, Trainer, DisputeTeam]],
  ['get', '/evaluations/:evaluation', [...QA, Trainer, DisputeTeam, Agent]],
  ['get', '/me/evaluations', [Agent]],
  ['post', '/evaluations/:missing/acknowledge', [Agent]],
  ['post', '/evaluations/:missing/dispute', [Agent]],
  ['get', '/disputes', [DisputeTeam, QaSupervisor, Admin]],
  ['post', '/evaluations/:missing/dispute/resolve', [DisputeTeam, QaSupervisor, Admin]],
  ['get', '/review-settings', [...QA, DisputeTeam]],
  ['put', '/review-settings', [Admin]],
  ['get', '/reports/auto-agreement', [QaSupervisor, Trainer, Admin]],
  ['get', '/reports/auto-agreement/chart', [QaSupervisor, Trainer, Admin]],

  ['post', '/sampling-plans', QA],
  ['get', '/sampling-plans', [...QA, Trainer]],
  ['get', '/sampling-plans/:missing', [...QA, Trainer]],
  ['patch', '/sampling-plans/:missing', QA],
  ['delete', '/sampling-plans/:missing', QA],
  ['post', '/sampling-plans/:missing/runs', QA],
  ['get', '/sampling-plans/:missing/runs', QA],
  ['get', '/sampling-runs/:missing', QA],
  ['get', '/review-assignments', QA],
  ['get', '/review-assignments/mine', [...QA, DisputeTeam]],
  ['get', '/review-assignments/:missing', [...QA, DisputeTeam]],
  ['post', '/review-assignments/:missing/reassign', QA],
  ['post', '/review-assignments/:missing/cancel', QA],
  ['post', '/agent-leaves', QA],
  ['get', '/agent-leaves', QA],
  ['delete', '/agent-leaves/:missing', QA],
  ['get', '/reports/agent-score-confidence', [QaSupervisor, Trainer, Admin]],
  ['get', '/reports/agent-score-confidence/chart', [QaSupervisor, Trainer, Admin]],

  ['post', '/calibration-sessions', QA],
  // Trainers see closed sessions only (object-level, below the role check).
  ['get', '/calibration-sessions', [...QA, Trainer]],
  ['get', '/calibration-sessions/:missing', [...QA, Trainer]],
  ['put', '/calibration-sessions/:missing/recordings/:recording/answers', QA],
  ['put', '/calibration-sessions/:missing/recordings/:recording/reference', QA],
  ['post', '/calibration-sessions/:missing/close', QA],
  ['get', '/calibration-sessions/:missing/results', [...QA, Trainer]],
  ['get', '/calibration-sessions/:missing/results/chart', [...QA, Trainer]],

  ['post', '/complaints', [Admin, QaSupervisor, DisputeTeam, KEY]],
  ['get', '/complaints', [...STAFF, Agent]],
  ['get', '/complaints/:complaint', [...STAFF, Agent]],
  ['post', '/complaints/:complaint/transitions', [Admin, QaSupervisor, DisputeTeam]],
  ['patch', '/complaints/:complaint', [Admin, QaSupervisor, DisputeTeam]],
  ['post', '/complaints/:complaint/agent-account', [Agent]],
  ['get', '/complaint-categories', CALL_READERS],
  ['post', '/complaint-categories', [Admin]],
  ['patch', '/complaint-categories/:missing', [Admin]],
  ['get', '/complaint-settings', STAFF],
  ['put', '/complaint-settings', [Admin]],
  ['get', '/dispute-inbox', [DisputeTeam, QaSupervisor, Admin]],
  ['post', '/dispute-inbox/claim', [DisputeTeam, QaSupervisor, Admin]],
  ['post', '/dispute-inbox/assign', [DisputeTeam, QaSupervisor, Admin]],
  ['get', '/reports/complaints', [QaSupervisor, DisputeTeam, Trainer, Admin]],
  ['get', '/reports/complaints/chart', [QaSupervisor, DisputeTeam, Trainer, Admin]],

  ['get', '/settings/retention', AUDIT],
  ['get', '/settings/retention/history', AUDIT],
  ['put', '/settings/retention', [Admin]],
  ['put', '/recordings/:recording/legal-hold', [Admin]],
  ['delete', '/recordings/:recording/legal-hold', [Admin]],
  ['post', '/privacy/erasures', [Admin]],
  ['get', '/privacy/erasures/:missing', AUDIT],
  ['get', '/privacy/purge-log', AUDIT],
  ['get', '/audit-events', AUDIT],
  ['get', '/audit-events/export', AUDIT],
];

const MISSING = '00000000-0000-4000-8000-000000000000';

type Answer = { kind: 'yes' | 'no' | 'na' } | { kind: 'scale'; value: number };
const MANUAL_FULL_MARKS: Record<string, Answer> = {
  empathy: { kind: 'scale', value: 5 },
  clarity: { kind: 'scale', value: 5 },
  understood_need: { kind: 'yes' },
  correct_information: { kind: 'scale', value: 5 },
  resolution: { kind: 'scale', value: 5 },
};
/** Everything one call exposes, by the recording id. */
const CALL_PATHS = ['', '/audio', '/transcript', '/auto-score'];

describe('Access matrix: every route × every principal, from the README', () => {
  let sut: TestApp;
  const users = {} as Record<UserRole, TestUser>;
  let otherAgent: TestUser;
  let ownKey: string;
  let otherKey: string;
  let expiredToken: string;
  let forgedToken: string;
  const ids: Record<string, string> = { missing: MISSING };
  const tally = { checked: 0, allowed: 0, refused: 0 };

  const requestAs = (method: Method, path: string, principal: Principal) => {
    const req = sut.http[method](`/api/v1${path}`);
    switch (principal) {
      case 'no token':
        return req;
      case 'expired token':
        return req.set('Authorization', expiredToken);
      case 'forged token':
        return req.set('Authorization', forgedToken);
      case KEY:
        return req.set('X-API-Key', ownKey);
      default:
        return req.set('Authorization', users[principal].auth);
    }
  };

  const aScoredCallByKey = async () => {
    const upload = await sut.http
      .post('/api/v1/recordings')
      .set('X-API-Key', ownKey)
      .field({
        externalId: uniqueCallId(),
        agentId: users[Agent].id,
        startedAt: new Date().toISOString(),
        direction: 'inbound',
        transcript: JSON.stringify(conversation(GOOD_CALL)),
      })
      .attach('file', silence(30));
    expect({ status: upload.status, body: upload.body as unknown }).toMatchObject({ status: 202 });
    const id = upload.body.id as string;
    await eventually(async () => {
      const r = await sut.http.get(`/api/v1/recordings/${id}`).set('Authorization', users[Admin].auth);
      if (r.body.status === 'failed') throw new Error(`recording failed: ${r.body.failureReason}`);
      return r.body.status === 'scored';
    });
    return id;
  };

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    users[Admin] = await aUser(sut, Admin);
    const team = await aTeam(sut);
    users[Agent] = await aUser(sut, Agent, { teamId: team.id });
    otherAgent = await aUser(sut, Agent, { teamId: team.id });
    for (const role of [QaSupervisor, DisputeTeam, Trainer, Auditor]) users[role] = await aUser(sut, role);
    ownKey = (await anApiKey(sut, users[Admin])).key;
    otherKey = (await anApiKey(sut, users[Admin])).key;

    // Both tokens name the admin: only the signature or the expiry is wrong.
    const claims = { sub: users[Admin].id, role: Admin };
    expiredToken = `Bearer ${await new JwtService({ secret: TEST_ENV.JWT_SECRET }).signAsync({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })}`;
    forgedToken = `Bearer ${await new JwtService({ secret: 'another-secret-another-secret-0123456789' }).signAsync(claims, { expiresIn: '1h' })}`;

    // Calls of the agent principal, uploaded by the API key principal, with a supplied transcript so they are scored.
    ids.recording = await aScoredCallByKey();
    ids.draftRecording = await aScoredCallByKey();
    const workspace = (
      await sut.http.post('/api/v1/evaluations').set('Authorization', users[QaSupervisor].auth).send({ recordingId: ids.recording }).expect(201)
    ).body;
    ids.evaluation = workspace.id as string;
    // Published (the reviewer agrees with every automatic result), so its agent may read it.
    const answers: Record<string, Answer> = { ...MANUAL_FULL_MARKS };
    for (const c of workspace.autoScore.criteria as { criterionId: string; answer?: Answer }[]) answers[c.criterionId] = c.answer ?? { kind: 'yes' };
    const submitted = await sut.http.post(`/api/v1/evaluations/${ids.evaluation}/submit`).set('Authorization', users[QaSupervisor].auth).send({ answers });
    expect({ status: submitted.status, body: submitted.body as unknown }).toMatchObject({ status: 200 });
    ids.draft = (
      await sut.http.post('/api/v1/evaluations').set('Authorization', users[QaSupervisor].auth).send({ recordingId: ids.draftRecording }).expect(201)
    ).body.id as string;
    const complaint = await sut.http.post('/api/v1/complaints').set('X-API-Key', ownKey).send({
      channel: 'phone',
      customerReference: 'CUST-4711',
      categoryKey: 'rudeness',
      severity: 'high',
      description: 'The agent hung up on me.',
      recordingId: ids.recording,
    });
    expect({ status: complaint.status, body: complaint.body as unknown }).toMatchObject({ status: 201 });
    ids.complaint = complaint.body.id as string;
    ids.team = team.id;
    ids.user = otherAgent.id;
    const scorecards = await sut.http.get('/api/v1/scorecards').set('Authorization', users[Admin].auth).expect(200);
    ids.scorecard = ((scorecards.body.items ?? scorecards.body) as { id: string }[])[0].id;
  });

  afterAll(async () => {
    console.log(
      `access matrix: ${tally.checked} route × principal checks (${MATRIX.length} routes and the queue dashboard × ${PRINCIPALS.length} principals), ${tally.allowed} allowed, ${tally.refused} refused`,
    );
    await sut.close();
  });

  it('covers every route the platform serves', () => {
    const served = routeTable(sut).map((r) => `${r.method} ${r.path.replace(/:[A-Za-z]+/g, ':id')}`);
    const inMatrix = MATRIX.map(([method, path]) => `${method} /api/v1${path.replace(/:[A-Za-z]+|\/1$/g, (m) => (m === '/1' ? '/:id' : ':id'))}`);
    expect(served.filter((r) => !inMatrix.includes(r)).sort()).toEqual([]);
    expect(inMatrix.filter((r) => !served.includes(r)).sort()).toEqual([]);
  });

  describe('object by object', () => {
    const status = async (path: string, as: { auth?: string; key?: string }) => {
      const req = sut.http.get(`/api/v1${path}`);
      return (await (as.key ? req.set('X-API-Key', as.key) : req.set('Authorization', as.auth!))).status;
    };

    it('shows an agent their own call and published evaluation, and another agent none of it (404)', async () => {
      const paths = [...CALL_PATHS.map((p) => `/recordings/${ids.recording}${p}`), `/evaluations/${ids.evaluation}`];
      const owner: Record<string, number> = {};
      const other: Record<string, number> = {};
      for (const path of paths) {
        owner[path] = await status(path, users[Agent]);
        other[path] = await status(path, otherAgent);
      }
      expect(owner).toEqual(Object.fromEntries(paths.map((p) => [p, 200])));
      expect(other).toEqual(Object.fromEntries(paths.map((p) => [p, 404])));
      const lists = async (who: TestUser) => ({
        recordings: ((await sut.http.get('/api/v1/recordings').set('Authorization', who.auth).expect(200)).body.items as { id: string }[]).map((r) => r.id),
        evaluations: ((await sut.http.get('/api/v1/me/evaluations').set('Authorization', who.auth).expect(200)).body.items as { id: string }[]).map(
          (e) => e.id,
        ),
      });
      const own = await lists(users[Agent]);
      expect({ ...own, recordings: own.recordings.sort() }).toEqual({ recordings: [ids.recording, ids.draftRecording].sort(), evaluations: [ids.evaluation] });
      expect(await lists(otherAgent)).toEqual({ recordings: [], evaluations: [] });
    });

    it('shows an API key only the calls it uploaded: another key gets 404 and an empty list', async () => {
      const own: Record<string, number> = {};
      const other: Record<string, number> = {};
      for (const p of CALL_PATHS) {
        own[p] = await status(`/recordings/${ids.recording}${p}`, { key: ownKey });
        other[p] = await status(`/recordings/${ids.recording}${p}`, { key: otherKey });
      }
      expect(own).toEqual(Object.fromEntries(CALL_PATHS.map((p) => [p, 200])));
      expect(other).toEqual(Object.fromEntries(CALL_PATHS.map((p) => [p, 404])));
      const listed = await sut.http.get('/api/v1/recordings').set('X-API-Key', otherKey).expect(200);
      expect(listed.body.items).toEqual([]);
    });

    it("lets only the evaluation's reviewer change its draft (403 to another QA supervisor)", async () => {
      const otherReviewer = await aUser(sut, QaSupervisor);
      const draft = await sut.http.put(`/api/v1/evaluations/${ids.draft}/draft`).set('Authorization', otherReviewer.auth).send({ answers: {} });
      const submit = await sut.http.post(`/api/v1/evaluations/${ids.draft}/submit`).set('Authorization', otherReviewer.auth).send({ answers: {} });
      expect([draft.status, draft.body.code, submit.status, submit.body.code]).toEqual([403, 'forbidden', 403, 'forbidden']);
      await sut.http.put(`/api/v1/evaluations/${ids.draft}/draft`).set('Authorization', users[QaSupervisor].auth).send({ answers: {} }).expect(200);
    });

    it("lets only the evaluation's agent acknowledge or dispute it, and only the complaint's agent give an account (404 to another agent)", async () => {
      const asOther = [
        await sut.http.post(`/api/v1/evaluations/${ids.evaluation}/acknowledge`).set('Authorization', otherAgent.auth).send({}),
        await sut.http
          .post(`/api/v1/evaluations/${ids.evaluation}/dispute`)
          .set('Authorization', otherAgent.auth)
          .send({ criteria: ['empathy'], reason: 'I was polite throughout the call.' }),
        await sut.http.get(`/api/v1/complaints/${ids.complaint}`).set('Authorization', otherAgent.auth),
        await sut.http
          .post(`/api/v1/complaints/${ids.complaint}/agent-account`)
          .set('Authorization', otherAgent.auth)
          .send({ account: 'I was polite throughout the call.' }),
      ];
      expect(asOther.map((r) => r.status)).toEqual([404, 404, 404, 404]);
      const evaluation = await sut.http.get(`/api/v1/evaluations/${ids.evaluation}`).set('Authorization', users[Agent].auth).expect(200);
      expect(evaluation.body.state).toBe('submitted');
      const byOwner = await sut.http.post(`/api/v1/evaluations/${ids.evaluation}/acknowledge`).set('Authorization', users[Agent].auth).send({});
      expect(byOwner.status).toBeLessThan(300);
    });

    it('opens the queue dashboard to an admin only (an API key is not a credential it takes: 401)', async () => {
      const seen: Record<string, number> = {};
      for (const principal of PRINCIPALS) {
        const res = await requestAs('get', '/admin/queues', principal);
        seen[principal] = res.status;
        tally.checked++;
        if (principal === Admin) tally.allowed++;
        else tally.refused++;
      }
      expect(seen).toEqual({
        ...Object.fromEntries(PRINCIPALS.map((p) => [p, UNAUTHENTICATED.includes(p) || p === KEY ? 401 : 403])),
        [Admin]: 200,
      });
    });

    it('gives an auditor nothing about calls, evaluations or complaints (403), and the audit log', async () => {
      const paths = [
        ...CALL_PATHS.map((p) => `/recordings/${ids.recording}${p}`),
        '/recordings',
        `/evaluations/${ids.evaluation}`,
        '/evaluations',
        '/complaints',
        '/disputes',
        '/dispute-inbox',
      ];
      const seen: Record<string, number> = {};
      for (const path of paths) seen[path] = await status(path, users[Auditor]);
      expect(seen).toEqual(Object.fromEntries(paths.map((p) => [p, 403])));
      expect(await status('/audit-events', users[Auditor])).toBe(200);
    });
  });

  it.each(MATRIX.map((row) => [`${row[0].toUpperCase()} ${row[1]}`, row] as const))('%s', async (_name, [method, template, allowed]) => {
    const path = template.replace(/:([A-Za-z]+)/g, (_m, name: string) => ids[name] ?? MISSING);
    const wrong: string[] = [];
    for (const principal of PRINCIPALS) {
      const res = await requestAs(method, path, principal);
      const isAllowed = allowed === PUBLIC || allowed.includes(principal);
      const refusal = UNAUTHENTICATED.includes(principal) ? 401 : 403;
      const code = refusal === 401 ? 'unauthenticated' : 'forbidden';
      if (isAllowed && ([401, 403].includes(res.status) || res.status >= 500)) wrong.push(`${principal}: expected to pass the access check, got ${res.status}`);
      if (!isAllowed && (res.status !== refusal || res.body.code !== code))
        wrong.push(`${principal}: expected ${refusal} ${code}, got ${res.status} ${res.body.code}`);
      tally.checked++;
      if (isAllowed) tally.allowed++;
      else tally.refused++;
    }
    expect(wrong).toEqual([]);
  });
});
