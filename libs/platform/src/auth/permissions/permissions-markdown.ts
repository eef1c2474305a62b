import { ROLES } from '../roles.js';
import { PUBLIC_ROUTE, recordRuleFor, type PermissionMatrix, type RecordRule } from './permission-matrix.js';

/**
 * docs/permissions.md, rendered from the matrix: one table per part (route × role, each cell
 * naming the records the role sees there), then what each label means. Deterministic, so a test
 * can compare the checked-in file with a fresh rendering.
 */
export function permissionsMarkdown(matrix: PermissionMatrix): string {
  const lines = [
    '# Who may do what',
    '',
    '<!-- Generated from the permission matrix (libs/*/src/**/*.permissions.ts); run `npm run docs:permissions`. -->',
    '',
    'Every route of the engine, the roles that may call it and the records each role sees there.',
    'A blank cell is **403**. A record the caller may not see answers **404**, exactly like an unknown',
    'id, and lists leave it out in the query itself. `admin` may call every route and sees its whole',
    'tenant; every role is confined to its own tenant (another tenant’s id is a 404).',
    '',
  ];
  const rules = new Map<string, RecordRule>();
  for (const part of matrix.parts) {
    lines.push(`## ${part.owner}`, '', `| Route | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`);
    for (const [key, permission] of Object.entries(part.table)) {
      const cells = ROLES.map((role) => {
        if (permission === PUBLIC_ROUTE) return 'public';
        const rule = recordRuleFor(permission, role);
        if (rule === undefined) return '';
        rules.set(rule.label, rule);
        return rule.label;
      });
      lines.push(`| \`${key}\` | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('## What the cells mean', '', '| Cell | Reach | Records |', '|---|---|---|');
  for (const rule of [...rules.values()].sort((a, b) => a.label.localeCompare(b.label))) {
    lines.push(`| ${rule.label} | ${rule.scope} | ${rule.description} |`);
  }
  lines.push(
    '',
    'Reach: `tenant` — every record of the tenant; `team` — the records of the teams the caller',
    'manages or belongs to (a manager with no team heads the whole tenant); `related` — only records',
    'the caller is part of.',
    '',
  );
  return lines.join('\n');
}
