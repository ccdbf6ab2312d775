import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ALLOWED_ROLES, API_KEY_ALLOWED, PUBLIC_ROUTE } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { API_PREFIX } from '@callgrade/http';
import { TestApp } from './test-app';

export interface RouteAccess {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  handler: string;
  isPublic: boolean;
  roles: UserRole[];
  apiKey: boolean;
}

const METHODS: Partial<Record<RequestMethod, RouteAccess['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every HTTP route the app serves, read from the controllers' own metadata, with who may call it. */
export function routeTable(app: TestApp): RouteAccess[] {
  const routes: RouteAccess[] = [];
  const seen = new Set<unknown>();
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!method) throw new Error(`${controller.name}.${name}: unsupported HTTP method in the route table`);
        const path = `/${API_PREFIX}/${[base, String(sub)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        routes.push({
          method,
          path,
          handler: `${controller.name}.${name}`,
          isPublic: Reflect.getMetadata(PUBLIC_ROUTE, handler) === true,
          roles: Reflect.getMetadata(ALLOWED_ROLES, handler) ?? [],
          apiKey: Reflect.getMetadata(API_KEY_ALLOWED, handler) === true,
        });
      }
    }
  }
  return routes;
}

/** A path with every `:param` filled with a well-formed id that exists nowhere. */
export const concretePath = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
