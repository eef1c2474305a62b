/**
 * Lead import, a part of the leads context in a library of its own: CSV and NDJSON files
 * read into rows (`domain/`, pure) and captured one by one through the lead lifecycle's
 * capture (`#ltc/leads`). The leads context's descriptor registers its module
 * (libs/leads/src/leads.context.ts).
 */
export { LeadImportModule } from './lead-import.module.js';
export { LeadImport, IMPORT_MAX_ROWS, type ImportOptions, type ImportReport } from './lead-import.service.js';
export { IMPORT_COLUMNS, type ImportFormat } from './domain/import-rows.js';
export { leadImportPermissions } from './lead-import.permissions.js';
