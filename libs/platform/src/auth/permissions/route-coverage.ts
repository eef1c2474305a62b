import { Inject, Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { PermissionMatrix, RouteKey } from './permission-matrix.js';
import { PERMISSION_MATRIX } from './permission-matrix.token.js';
import { routeKeyOf } from './route-key.js';

/** Every route key of the controllers given, as the guard will see them. */
export function routeKeysOfControllers(controllers: readonly Type[], scanner = new MetadataScanner()): RouteKey[] {
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      const key = typeof handler === 'function' ? routeKeyOf(controller, handler) : undefined;
      return key === undefined ? [] : [key];
    });
  });
}

/** The routes with no entry in the matrix, and the entries naming no route. */
export function coverageGaps(
  routes: readonly RouteKey[],
  matrix: PermissionMatrix,
): { unlisted: RouteKey[]; stale: RouteKey[] } {
  const registered = new Set(routes);
  return {
    unlisted: routes.filter((key) => !matrix.routes.has(key)),
    stale: [...matrix.routes.keys()].filter((key) => !registered.has(key)),
  };
}

/**
 * Refuses to start when a route has no entry in the permission matrix (it would be refused to
 * everyone, silently) or an entry names no route (a renamed route whose rules went stale).
 */
@Injectable()
export class PermissionCoverageCheck implements OnModuleInit {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(PERMISSION_MATRIX) private readonly matrix: PermissionMatrix,
  ) {}

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .flatMap((wrapper) => (typeof wrapper.metatype === 'function' ? [wrapper.metatype as Type] : []));
    const { unlisted, stale } = coverageGaps(routeKeysOfControllers(controllers), this.matrix);
    const problems = [
      ...unlisted.map((key) => `${key} has no entry in the permission matrix`),
      ...stale.map((key) => `the permission matrix names ${key}, which no controller serves`),
    ];
    if (problems.length > 0) throw new Error(`Permission matrix out of step: ${problems.join('; ')}`);
  }
}
