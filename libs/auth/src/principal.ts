import { UserRole } from '@callgrade/database';

export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  role: UserRole;
  teamId: string | null;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  name: string;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

export const isAgent = (p: Principal): p is UserPrincipal => p.kind === 'user' && p.role === UserRole.Agent;
