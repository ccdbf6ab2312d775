import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiKeyEntity, UserEntity } from '@callgrade/database';
import { IsNull, Repository } from 'typeorm';
import { apiKeySecretMatches, parseApiKey } from './api-key-secret';
import { ApiKeyPrincipal, UserPrincipal } from './principal';

interface AccessTokenClaims {
  sub: string;
  role: string;
}

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
    // Looked up on every request so a deactivated user or a changed role takes effect at once.
    const user = await this.users.findOne({ where: { id: claims.sub, active: true } });
    return user ? { kind: 'user', id: user.id, email: user.email, role: user.role, teamId: user.teamId } : null;
  }

  async apiKeyPrincipal(token: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const key = await this.apiKeys.findOne({
      where: { prefix: parsed.prefix, revokedAt: IsNull() },
      select: { id: true, name: true, secretHash: true, lastUsedAt: true },
    });
    if (!key || !apiKeySecretMatches(parsed.secret, key.secretHash)) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.apiKeys.update(key.id, { lastUsedAt: new Date() });
    }
    return { kind: 'api_key', id: key.id, name: key.name };
  }
}
