import { readFileSync } from 'node:fs';
import { LTC_CONTEXTS, permissionMatrixOf } from '#ltc/engine';
import { permissionsMarkdown } from '#ltc/platform';

describe('docs/permissions.md', () => {
  it('is the current rendering of the permission matrix', () => {
    const checkedIn = readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8');
    const current = permissionsMarkdown(permissionMatrixOf(LTC_CONTEXTS));
    if (checkedIn !== current) {
      throw new Error('docs/permissions.md is not the current permission matrix: run `npm run docs:permissions`');
    }
  });
});
