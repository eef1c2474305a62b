import { grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** Marketing reads the funnel but not what the won deals were worth (wonValue is empty for it). */
const FUNNEL_WITHOUT_MONEY: RecordRule = {
  scope: 'tenant',
  label: 'all, no money',
  description: 'The whole tenant’s funnel, with wonValue left empty.',
};

const READERS = { ...grant(['sales_manager', 'auditor']), marketing: FUNNEL_WITHOUT_MONEY };

/** Lead analytics: managers, auditors and marketing (whose answers carry no deal money). */
export const leadAnalyticsPermissions: PermissionTable = {
  'GET /analytics/leads/conversion': READERS,
  'GET /analytics/leads/conversion-by-source': READERS,
  'GET /analytics/leads/distribution': READERS,
  'GET /analytics/leads/speed-to-lead': READERS,
};
