import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { RouteKey } from './permission-matrix.js';

const keys = new WeakMap<object, RouteKey>();

/**
 * A route's key from its Nest metadata (controller path + handler path + method), spelled as the
 * OpenAPI document spells it (`POST /leads/{id}/claim`). The guard and the start-up coverage
 * check both use this one function, so what is checked at start is what is enforced per request.
 */
export function routeKeyOf(controller: Type, handler: object): RouteKey | undefined {
  const known = keys.get(handler);
  if (known !== undefined) return known;
  const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
  const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
  if (path === undefined || typeof method !== 'number') return undefined;
  const key = `${RequestMethod[method]} ${routePath(Reflect.getMetadata(PATH_METADATA, controller), path)}` as RouteKey;
  keys.set(handler, key);
  return key;
}

function routePath(base: unknown, path: unknown): string {
  const joined = `/${[base, path]
    .flat()
    .filter((part) => typeof part === 'string')
    .join('/')}`;
  const normalised = joined.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return normalised.replace(/:(\w+)/g, '{$1}');
}
