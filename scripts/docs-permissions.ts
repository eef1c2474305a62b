// Renders docs/permissions.md from the permission matrix: `npm run docs:permissions`.
// test/permissions-doc.spec.ts fails while the checked-in file differs from a fresh rendering.
import { writeFileSync } from 'node:fs';
import { LTC_CONTEXTS, permissionMatrixOf } from '#ltc/engine';
import { permissionsMarkdown } from '#ltc/platform';

const target = new URL('../../docs/permissions.md', import.meta.url);
writeFileSync(target, permissionsMarkdown(permissionMatrixOf(LTC_CONTEXTS)));
console.warn(`wrote ${target.pathname}`);
