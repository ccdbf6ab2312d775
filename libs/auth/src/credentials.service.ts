import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiKeyEntity, UserEntity } from '@callgrade/database';
import { isUUID } from 'class-validator';
import { Repository } from 'typeorm';
import { apiKeySecretMatches, parseApiKey } from './api-key-secret';
import { ApiKeyPrincipal, UserPrincipal } from './principal';

interface AccessTokenClaims {
  sub: string;
  role: string;
}

type UserRow = { id: string; email: string; role: UserPrincipal['role']; team_id: string | null };
type ApiKeyRow = { id: string; name: string; secret_hash: string; last_used_at: Date | null };

const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns a bearer token or an API key into a principal, or null when it is not valid. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
  ) {}

  issueAccessToken(user: Pick<UserEntity, 'id' | 'role'>): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    return this.jwt.signAsync(claims);
  }

  async userFromAccessToken(token: string): Promise<UserPrincipal | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
    // A token signed with our secret but not by us (a leaked secret, a test) may name anything.
    if (typeof claims.sub !== 'string' || !isUUID(claims.sub)) return null;
    // Looked up on every request so a deactivated user or a changed role takes effect at once.
    // Plain SQL: this runs on every authenticated request.
    const [user] = await this.users.query<UserRow[]>(`SELECT id, email, role, team_id FROM users WHERE id = $1 AND active`, [claims.sub]);
    return user ? { kind: 'user', id: user.id, email: user.email, role: user.role, teamId: user.team_id } : null;
  }

  async apiKeyPrincipal(token: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const [key] = await this.apiKeys.query<ApiKeyRow[]>(`SELECT id, name, secret_hash, last_used_at FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL`, [
      parsed.prefix,
    ]);
    if (!key || !apiKeySecretMatches(parsed.secret, key.secret_hash)) return null;
    if (!key.last_used_at || Date.now() - new Date(key.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
      await this.apiKeys.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [key.id]);
    }
    return { kind: 'api_key', id: key.id, name: key.name };
  }
}
