import { hashPassword } from '@callgrade/auth';
import { DataSource } from 'typeorm';
import { UserRole } from '@callgrade/database';
import { aUser, anAgent, TestUser } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

describe('Accounts: login, users, teams and API keys', () => {
  let sut: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    sut = await startTestApp();
    admin = await aUser(sut, UserRole.Admin);
  });
  afterAll(() => sut.close());

  describe('login', () => {
    it('returns an access token and the user for the right password', async () => {
      const res = await sut.http.post('/api/v1/auth/login').send({ email: admin.email.toUpperCase(), password: admin.password }).expect(200);
      expect(res.body.user).toMatchObject({ id: admin.id, role: 'admin', email: admin.email });
      expect(res.body.user.passwordHash).toBeUndefined();
      const me = await sut.http.get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.id).toBe(admin.id);
    });

    it('refuses a wrong password and an unknown email alike, with 401', async () => {
      const wrong = await sut.http.post('/api/v1/auth/login').send({ email: admin.email, password: 'nope-nope' }).expect(401);
      const unknown = await sut.http.post('/api/v1/auth/login').send({ email: 'nobody@callgrade.test', password: 'nope-nope' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('invalid_credentials');
    });

    it('names the bad field when the body is malformed', async () => {
      const res = await sut.http.post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'password']);
    });

    it('creates the configured first admin on start', async () => {
      await sut.http.post('/api/v1/auth/login').send({ email: 'admin@callgrade.test', password: 'admin-password' }).expect(200);
    });
  });

  describe('users', () => {
    it('lets an admin create an agent in a team, who can then log in', async () => {
      const team = await sut.http
        .post('/api/v1/teams')
        .set('Authorization', admin.auth)
        .send({ name: `Billing ${Date.now()}` })
        .expect(201);
      const created = await sut.http
        .post('/api/v1/users')
        .set('Authorization', admin.auth)
        .send({
          email: `Agent.${Date.now()}@Callgrade.test`,
          displayName: 'Priya Shah',
          password: 'correct-horse',
          role: 'agent',
          externalId: `ext-${Date.now()}`,
          teamId: team.body.id,
        })
        .expect(201);
      expect(created.body).toMatchObject({ role: 'agent', teamId: team.body.id, active: true });
      expect(created.body.email).toBe(created.body.email.toLowerCase());
      await sut.http.post('/api/v1/auth/login').send({ email: created.body.email, password: 'correct-horse' }).expect(200);
      const listed = await sut.http.get(`/api/v1/users?teamId=${team.body.id}`).set('Authorization', admin.auth).expect(200);
      expect(listed.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    });

    it('refuses a duplicate email (409) and a bad role (422)', async () => {
      const body = { email: admin.email, displayName: 'Again', password: 'correct-horse', role: 'agent' };
      expect((await sut.http.post('/api/v1/users').set('Authorization', admin.auth).send(body).expect(409)).body.errors).toEqual({ email: 'already in use' });
      const bad = await sut.http
        .post('/api/v1/users')
        .set('Authorization', admin.auth)
        .send({ ...body, email: 'x@callgrade.test', role: 'boss' })
        .expect(422);
      expect(bad.body.errors.role).toMatch(/one of/);
    });

    it('deactivating a user ends their access at once', async () => {
      const agent = await anAgent(sut);
      await sut.http.get('/api/v1/me').set('Authorization', agent.auth).expect(200);
      await sut.http.patch(`/api/v1/users/${agent.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
      await sut.http.get('/api/v1/me').set('Authorization', agent.auth).expect(401);
      await sut.http.post('/api/v1/auth/login').send({ email: agent.email, password: agent.password }).expect(401);
    });

    it('answers 404 for an unknown user and 422 for a malformed id', async () => {
      await sut.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').set('Authorization', admin.auth).expect(404);
      const res = await sut.http.get('/api/v1/users/42').set('Authorization', admin.auth).expect(422);
      expect(res.body.errors).toEqual({ id: 'must be a UUID' });
    });
  });

  describe('teams', () => {
    it('keeps supervisors on a team and refuses non-supervisors', async () => {
      const supervisor = await aUser(sut, UserRole.QaSupervisor);
      const agent = await anAgent(sut);
      const team = await sut.http
        .post('/api/v1/teams')
        .set('Authorization', admin.auth)
        .send({ name: `Sales ${Date.now()}`, supervisorIds: [supervisor.id] })
        .expect(201);
      expect(team.body.supervisors.map((s: { id: string }) => s.id)).toEqual([supervisor.id]);
      const bad = await sut.http
        .patch(`/api/v1/teams/${team.body.id}`)
        .set('Authorization', admin.auth)
        .send({ supervisorIds: [agent.id] })
        .expect(422);
      expect(bad.body.errors.supervisorIds).toContain(agent.id);
      const seen = await sut.http.get(`/api/v1/teams/${team.body.id}`).set('Authorization', supervisor.auth).expect(200);
      expect(seen.body.supervisors).toHaveLength(1);
    });
  });

  describe('API keys', () => {
    it('shows the secret once, stores only its hash, and stops working when revoked', async () => {
      const issued = await sut.http.post('/api/v1/api-keys').set('Authorization', admin.auth).send({ name: 'Asterisk' }).expect(201);
      expect(issued.body.key).toMatch(/^cgk_[0-9a-f]{16}_/);
      const listed = await sut.http.get('/api/v1/api-keys').set('Authorization', admin.auth).expect(200);
      const row = listed.body.find((k: { id: string }) => k.id === issued.body.id);
      expect(row.key).toBeUndefined();
      expect(JSON.stringify(listed.body)).not.toContain(issued.body.key.slice('cgk_'.length + 16 + 1));
      await sut.http.get('/api/v1/recordings').set('X-API-Key', issued.body.key).expect(200);
      await sut.http.delete(`/api/v1/api-keys/${issued.body.id}`).set('Authorization', admin.auth).expect(200);
      await sut.http.get('/api/v1/recordings').set('X-API-Key', issued.body.key).expect(401);
    });
  });
});

describe('Password hashing cost', () => {
  it('rehashes a password stored at a lower cost at the next login, transparently', async () => {
    const strong = await startTestApp({ PASSWORD_HASH_PARALLELISM: '5' });
    try {
      const user = await aUser(strong, UserRole.Trainer);
      const weak = await hashPassword(user.password, { N: 16384, r: 8, p: 1 });
      const db = strong.get(DataSource);
      await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, weak]);
      await strong.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
      const [{ password_hash: rehashed }] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(rehashed).toMatch(/^scrypt\$16384\$8\$5\$/);
      await strong.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
    } finally {
      await strong.close();
    }
  });
});
