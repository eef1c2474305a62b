import { AUDIT_HELP } from './audit/audit.command.js';
import { DEMO_HELP } from './demo/demo.command.js';
import { EXPORT_HELP } from './export/export.command.js';
import { LEADS_IMPORT_HELP } from './leads-import/leads-import.command.js';
import { PROJECTIONS_HELP } from './projections/projections.command.js';
import { SIMULATE_HELP } from './simulate/simulate.command.js';
import { TOKEN_HELP } from './token.command.js';

/** Every command's usage; loads every command's module, so only `ltc help` and mistakes pay for it. */
export const HELP = `ltc — LTC Engine command line

Usage:
${TOKEN_HELP}
${LEADS_IMPORT_HELP}
${PROJECTIONS_HELP}
${AUDIT_HELP}
${EXPORT_HELP}
${SIMULATE_HELP}
${DEMO_HELP}
  ltc help
`;
