import { AuditLog } from '@callgrade/audit';
import { UserRole } from '@callgrade/database';
import { ScorecardsService, ScoringSettingsService } from '@callgrade/scorecards';
import { defaultScorecard, Scorecard } from '@callgrade/scoring';
import { randomUUID } from 'node:crypto';
import { aUser, TestUser } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

/** A valid definition as a client sends it (the server sets id and version). */
function aDefinition(change: (card: Scorecard) => void = () => undefined): Record<string, unknown> {
  const card = defaultScorecard();
  change(card);
  const { id: _id, version: _version, ...definition } = card;
  return definition;
}

describe('Scorecards and scoring settings', () => {
  let sut: TestApp;
  let supervisor: TestUser;

  const createScorecard = async (overrides: Record<string, unknown> = {}) =>
    (
      await sut.http
        .post('/api/v1/scorecards')
        .set('Authorization', supervisor.auth)
        .send({ name: `Card ${randomUUID().slice(0, 8)}`, definition: aDefinition(), ...overrides })
        .expect(201)
    ).body;

  beforeAll(async () => {
    sut = await startTestApp();
    supervisor = await aUser(sut, UserRole.QaSupervisor);
  });
  afterAll(() => sut.close());

  describe('on start', () => {
    it('has seeded a default scorecard and settings with English and Chinese greetings', async () => {
      const list = await sut.http.get('/api/v1/scorecards').set('Authorization', supervisor.auth).expect(200);
      expect(list.body.filter((s: { isDefault: boolean }) => s.isDefault)).toHaveLength(1);
      expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Default', latestVersion: expect.any(Number) })]));
      const current = await sut.get(ScorecardsService).currentForScoring();
      expect(current.definition.sections.length).toBeGreaterThan(0);

      const settings = await sut.http.get('/api/v1/settings/scoring').set('Authorization', supervisor.auth).expect(200);
      expect(settings.body.version).toBeGreaterThanOrEqual(1);
      const greetings: string[] = settings.body.settings.greetingTemplates;
      expect(greetings.some((t) => /\p{Script=Han}/u.test(t) && t.includes('{company}'))).toBe(true);
      expect(greetings.some((t) => /^[a-z {}]+$/i.test(t) && t.includes('{company}'))).toBe(true);
    });
  });

  describe('scorecards', () => {
    it('creates a scorecard as version 1, stamped with its own id', async () => {
      const created = await createScorecard({ description: 'For billing calls' });
      expect(created).toMatchObject({ description: 'For billing calls', isDefault: false, archivedAt: null, latestVersion: 1 });
      expect(created.versions).toHaveLength(1);
      expect(created.versions[0]).toMatchObject({
        version: 1,
        frozen: false,
        createdBy: supervisor.id,
        definition: { id: created.id, version: 1, title: 'Inbound service call' },
      });
      await sut.http.post('/api/v1/scorecards').set('Authorization', supervisor.auth).send({ name: created.name, definition: aDefinition() }).expect(409);
    });

    it.each([
      ['a zero weight', aDefinition((c) => (c.sections[1].criteria[0].weight = 0)), 'definition.sections[1].criteria[0].weight'],
      ['a duplicate criterion id', aDefinition((c) => (c.sections[0].criteria[1].id = c.sections[0].criteria[0].id)), 'definition.sections[0].criteria[1].id'],
      ['no sections', aDefinition((c) => (c.sections = [])), 'definition.sections'],
      ['a null criterion', aDefinition((c) => (c.sections[2].criteria[1] = null as never)), 'definition.sections[2].criteria[1]'],
    ])('refuses a definition with %s (422 naming the path)', async (_, definition, path) => {
      const res = await sut.http
        .post('/api/v1/scorecards')
        .set('Authorization', supervisor.auth)
        .send({ name: `Bad ${randomUUID()}`, definition })
        .expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'validation_failed' });
      expect(Object.keys(res.body.errors)).toEqual([path]);
    });

    it('edits an unused version in place', async () => {
      const created = await createScorecard();
      const definition = aDefinition((c) => (c.sections[0].weight = 40));
      const res = await sut.http
        .patch(`/api/v1/scorecards/${created.id}`)
        .set('Authorization', supervisor.auth)
        .send({ definition, description: 'Heavier opening' })
        .expect(200);
      expect(res.body).toMatchObject({ latestVersion: 1, description: 'Heavier opening' });
      expect(res.body.versions).toHaveLength(1);
      expect(res.body.versions[0].definition.sections[0].weight).toBe(40);
      expect(res.body.versions[0].id).toBe(created.versions[0].id);
    });

    it('adds version 2 once version 1 has been used, leaving version 1 as it was', async () => {
      const created = await createScorecard();
      const v1 = created.versions[0];
      expect(await sut.get(ScorecardsService).markUsed(v1.id)).toBe(true);
      expect(await sut.get(ScorecardsService).markUsed(v1.id)).toBe(false);

      const definition = aDefinition((c) => (c.sections[0].weight = 40));
      const res = await sut.http.patch(`/api/v1/scorecards/${created.id}`).set('Authorization', supervisor.auth).send({ definition }).expect(200);
      expect(res.body.latestVersion).toBe(2);
      expect(res.body.versions.map((v: { version: number; frozen: boolean }) => [v.version, v.frozen])).toEqual([
        [2, false],
        [1, true],
      ]);
      expect(res.body.versions[0].definition).toMatchObject({
        id: created.id,
        version: 2,
        sections: expect.arrayContaining([expect.objectContaining({ id: 'opening', weight: 40 })]),
      });

      const first = await sut.http.get(`/api/v1/scorecards/${created.id}/versions/1`).set('Authorization', supervisor.auth).expect(200);
      expect(first.body.definition).toEqual(v1.definition);
      await sut.http.get(`/api/v1/scorecards/${created.id}/versions/3`).set('Authorization', supervisor.auth).expect(404);
      await sut.http.get(`/api/v1/scorecards/${created.id}/versions/first`).set('Authorization', supervisor.auth).expect(422);
    });

    it('switches the default, keeping exactly one, and refuses to archive the default', async () => {
      const original = await sut.get(ScorecardsService).currentForScoring();
      const created = await createScorecard();
      try {
        const res = await sut.http.post(`/api/v1/scorecards/${created.id}/default`).set('Authorization', supervisor.auth).expect(200);
        expect(res.body.isDefault).toBe(true);
        const list = await sut.http.get('/api/v1/scorecards').set('Authorization', supervisor.auth).expect(200);
        expect(list.body.filter((s: { isDefault: boolean }) => s.isDefault).map((s: { id: string }) => s.id)).toEqual([created.id]);

        const refused = await sut.http.delete(`/api/v1/scorecards/${created.id}`).set('Authorization', supervisor.auth).expect(409);
        expect(refused.body.code).toBe('conflict');
      } finally {
        await sut.get(ScorecardsService).setDefault(original.scorecardId, null);
      }
      const archived = await sut.http.delete(`/api/v1/scorecards/${created.id}`).set('Authorization', supervisor.auth).expect(200);
      expect(archived.body.archivedAt).not.toBeNull();
      const trail = await sut.get(AuditLog).forResource('scorecard', created.id);
      expect(trail.map((e) => [e.action, e.actorId])).toEqual([
        ['scorecard.created', supervisor.id],
        ['scorecard.made_default', supervisor.id],
        ['scorecard.archived', supervisor.id],
      ]);
      await sut.http.post(`/api/v1/scorecards/${created.id}/default`).set('Authorization', supervisor.auth).expect(409);
      await sut.http.patch(`/api/v1/scorecards/${created.id}`).set('Authorization', supervisor.auth).send({ description: 'x' }).expect(409);
    });
  });

  describe('scoring settings', () => {
    it('stores a change as a new version and leaves the old one as it was', async () => {
      const before = await sut.http.get('/api/v1/settings/scoring').set('Authorization', supervisor.auth).expect(200);
      const changed = {
        ...before.body.settings,
        maxSilenceMs: before.body.settings.maxSilenceMs + 5_000,
        companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind'] }],
      };
      try {
        const res = await sut.http.put('/api/v1/settings/scoring').set('Authorization', supervisor.auth).send({ settings: changed }).expect(200);
        expect(res.body).toMatchObject({ version: before.body.version + 1, createdBy: supervisor.id, settings: changed });
        const [audited] = await sut.get(AuditLog).forResource('scoring_settings', res.body.versionId);
        expect(audited).toMatchObject({ action: 'scoring_settings.updated', actorId: supervisor.id, details: { version: res.body.version } });
        const current = await sut.get(ScoringSettingsService).current();
        expect(current).toMatchObject({ versionId: res.body.versionId, version: before.body.version + 1 });

        const history = await sut.http.get('/api/v1/settings/scoring/history').set('Authorization', supervisor.auth).expect(200);
        const versions = history.body.map((v: { version: number }) => v.version);
        expect(versions).toEqual([...versions].sort((a, b) => b - a));
        expect(history.body.find((v: { versionId: string }) => v.versionId === before.body.versionId).settings).toEqual(before.body.settings);
      } finally {
        await sut.get(ScoringSettingsService).update(before.body.settings, null); // as it was, for other suites
      }
    });

    it('refuses invalid settings with 422 naming each field', async () => {
      const { body: current } = await sut.http.get('/api/v1/settings/scoring').set('Authorization', supervisor.auth).expect(200);
      const settings = { ...current.settings, matchThreshold: 1.5, greetingTemplates: ['hello {customer}'], companyNames: [{ name: '' }] };
      const res = await sut.http.put('/api/v1/settings/scoring').set('Authorization', supervisor.auth).send({ settings }).expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual([
        'settings.companyNames[0].name',
        'settings.companyNames[0].spokenVariants',
        'settings.greetingTemplates[0]',
        'settings.matchThreshold',
      ]);
      await sut.http.put('/api/v1/settings/scoring').set('Authorization', supervisor.auth).send({ settings: 'none' }).expect(422);
      expect((await sut.get(ScoringSettingsService).current()).version).toBe(current.version);
    });
  });

  describe('access', () => {
    it('refuses agents (403)', async () => {
      const agent = await aUser(sut, UserRole.Agent);
      await sut.http.get('/api/v1/scorecards').set('Authorization', agent.auth).expect(403);
      await sut.http.get('/api/v1/settings/scoring').set('Authorization', agent.auth).expect(403);
    });

    it('lets a trainer read but not write', async () => {
      const trainer = await aUser(sut, UserRole.Trainer);
      const { scorecardId } = await sut.get(ScorecardsService).currentForScoring();
      await sut.http.get(`/api/v1/scorecards/${scorecardId}`).set('Authorization', trainer.auth).expect(200);
      await sut.http.get(`/api/v1/scorecards/${scorecardId}/versions/1`).set('Authorization', trainer.auth).expect(200);
      await sut.http.get('/api/v1/settings/scoring/history').set('Authorization', trainer.auth).expect(200);
      await sut.http.post('/api/v1/scorecards').set('Authorization', trainer.auth).send({ name: 'Nope', definition: aDefinition() }).expect(403);
      await sut.http.patch(`/api/v1/scorecards/${scorecardId}`).set('Authorization', trainer.auth).send({ description: 'x' }).expect(403);
      await sut.http.put('/api/v1/settings/scoring').set('Authorization', trainer.auth).send({ settings: {} }).expect(403);
    });
  });
});
