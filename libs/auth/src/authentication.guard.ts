import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@callgrade/http';
import { AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators';
import { CredentialsService } from './credentials.service';

/** Every route needs a valid bearer token or API key unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = req.header('x-api-key');
    const authorization = req.header('authorization');
    if (apiKey) {
      req.principal = (await this.credentials.apiKeyPrincipal(apiKey)) ?? undefined;
      if (!req.principal) throw new DomainError(ErrorCode.Unauthenticated, 'The API key is not valid or has been revoked');
    } else if (authorization?.startsWith('Bearer ')) {
      req.principal = (await this.credentials.userFromAccessToken(authorization.slice(7))) ?? undefined;
      if (!req.principal) throw new DomainError(ErrorCode.Unauthenticated, 'The access token is not valid or has expired; log in again');
    } else {
      throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required: send "Authorization: Bearer <token>" or "X-API-Key: <key>"');
    }
    return true;
  }
}
