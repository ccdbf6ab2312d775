import { ALL_USER_ROLES, UserRole } from '@callgrade/database';
import { aUser, anApiKey, TestUser } from './support/builders';
import { concretePath, routeTable } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';

describe('Access control on every route', () => {
  let sut: TestApp;
  const users = {} as Record<UserRole, TestUser>;
  let apiKey: string;

  beforeAll(async () => {
    sut = await startTestApp();
    for (const role of ALL_USER_ROLES) users[role] = await aUser(sut, role);
    apiKey = (await anApiKey(sut, users[UserRole.Admin])).key;
  });
  afterAll(() => sut.close());

  it('finds the routes it checks, including uploads, users and health', () => {
    const paths = routeTable(sut).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(['POST /api/v1/recordings', 'GET /api/v1/users', 'GET /api/v1/health', 'POST /api/v1/auth/login']));
  });

  it('declares who may call each route, next to the route', () => {
    const undeclared = routeTable(sut).filter((r) => !r.isPublic && r.roles.length === 0 && !r.apiKey);
    expect(undeclared.map((r) => r.handler)).toEqual([]);
  });

  it('keeps only health and login public', () => {
    expect(
      routeTable(sut)
        .filter((r) => r.isPublic)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/api/v1/auth/login', '/api/v1/health']);
  });

  it('answers 401 without credentials or with a bad token, on every non-public route', async () => {
    for (const route of routeTable(sut).filter((r) => !r.isPublic)) {
      const path = concretePath(route.path);
      const none = await sut.http[route.method](path);
      expect({ route: route.handler, status: none.status }).toEqual({ route: route.handler, status: 401 });
      expect(none.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
      const forged = await sut.http[route.method](path).set('Authorization', 'Bearer not.a.token');
      expect({ route: route.handler, status: forged.status }).toEqual({ route: route.handler, status: 401 });
      const badKey = await sut.http[route.method](path).set('X-API-Key', 'cgk_0000000000000000_' + 'a'.repeat(43));
      expect({ route: route.handler, status: badKey.status }).toEqual({ route: route.handler, status: 401 });
    }
  });

  it('answers 403 to every role and API key the route does not allow', async () => {
    let checked = 0;
    for (const route of routeTable(sut).filter((r) => !r.isPublic)) {
      const path = concretePath(route.path);
      for (const role of ALL_USER_ROLES.filter((r) => !route.roles.includes(r))) {
        const res = await sut.http[route.method](path).set('Authorization', users[role].auth);
        expect({ route: route.handler, role, status: res.status }).toEqual({ route: route.handler, role, status: 403 });
        expect(res.body.code).toBe('forbidden');
        checked++;
      }
      if (!route.apiKey) {
        const res = await sut.http[route.method](path).set('X-API-Key', apiKey);
        expect({ route: route.handler, role: 'api key', status: res.status }).toEqual({ route: route.handler, role: 'api key', status: 403 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets an allowed role past the guards on every route', async () => {
    for (const route of routeTable(sut).filter((r) => !r.isPublic && r.roles.length > 0)) {
      const res = await sut.http[route.method](concretePath(route.path)).set('Authorization', users[route.roles[0]].auth);
      expect([401, 403]).not.toContain(res.status);
    }
  });
});
