import { ApiKeysService, TeamsService, UsersService } from '@callgrade/accounts';
import { UserEntity, UserRole } from '@callgrade/database';
import { randomUUID } from 'node:crypto';
import { bearerFor, TestApp } from './test-app';

export interface TestUser extends UserEntity {
  auth: string;
  password: string;
}

const unique = () => randomUUID().slice(0, 8);

/** A fresh user of a role, with a ready `Authorization` header value. */
export async function aUser(app: TestApp, role: UserRole, overrides: { teamId?: string; externalId?: string; displayName?: string } = {}): Promise<TestUser> {
  const password = `pw-${unique()}-secret`;
  const user = await app.get(UsersService).create({
    email: `${role}-${unique()}@callgrade.test`,
    displayName: overrides.displayName ?? `${role} ${unique()}`,
    password,
    role,
    externalId: overrides.externalId ?? (role === UserRole.Agent ? `ext-${unique()}` : null),
    teamId: overrides.teamId ?? null,
  });
  return Object.assign(user, { auth: await bearerFor(app, user), password });
}

export const anAgent = (app: TestApp, overrides: { teamId?: string; externalId?: string; displayName?: string } = {}) => aUser(app, UserRole.Agent, overrides);

export async function aTeam(app: TestApp, supervisorIds: string[] = []) {
  return app.get(TeamsService).create({ name: `Team ${unique()}`, supervisorIds });
}

export async function anApiKey(app: TestApp, admin: TestUser): Promise<{ id: string; key: string }> {
  const { apiKey, key } = await app.get(ApiKeysService).issue(`phone system ${unique()}`, admin.id);
  return { id: apiKey.id, key };
}

export const uniqueCallId = () => `call-${randomUUID()}`;
