import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UserRole } from '@callgrade/database';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from './principal';

export const PUBLIC_ROUTE = 'callgrade:public';
export const ALLOWED_ROLES = 'callgrade:roles';
export const API_KEY_ALLOWED = 'callgrade:api-key';

/** No authentication: health and login only. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The user roles that may call this route. Every non-public route must say. */
export const Roles = (...roles: UserRole[]) => applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiBearerAuth());

/** Machine clients with an API key may call this route too. */
export const AllowApiKey = () => applyDecorators(SetMetadata(API_KEY_ALLOWED, true), ApiSecurity('api-key'));

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
