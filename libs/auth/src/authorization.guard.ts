import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { ALLOWED_ROLES, API_KEY_ALLOWED, AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators';

/** Checks the role declared next to each route. A route that declares none is closed to everyone. */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly logger = new Logger(AuthorizationGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    const apiKeyAllowed = this.reflector.getAllAndOverride<boolean>(API_KEY_ALLOWED, targets) ?? false;
    if (!roles && !apiKeyAllowed) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no roles; refusing access`);
    }
    const allowed = principal.kind === 'api_key' ? apiKeyAllowed : (roles ?? []).includes(principal.role);
    if (!allowed) {
      const who = principal.kind === 'api_key' ? 'an API key' : `role ${principal.role}`;
      throw new DomainError(ErrorCode.Forbidden, `This action is not allowed for ${who}`);
    }
    return true;
  }
}
