/** Deal histories and audit trails over every context's events. */
export { auditContext } from './audit.context.js';
export { genericSummary, formatMoney } from './summary/event-summary.js';
export {
  anchorsFromFile,
  chainAnchorFile,
  chainReportView,
  type ChainAnchorFile,
  type ChainReportView,
} from './chain/chain-report.view.js';
export { SUBJECT_CONTACTS_VERSION } from './data-subjects/subject-contacts.projection.js';
