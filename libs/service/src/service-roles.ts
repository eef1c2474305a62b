import type { Role } from '#ltc/platform';

/** Who works tickets (admins pass every check; auditors, sales roles only read). */
export const SERVICE_TEAM: readonly Role[] = ['service_agent', 'service_manager'];

/** Policies, calendars, groups and entitlements are set by service managers (and admins). */
export const SERVICE_MANAGERS: readonly Role[] = ['service_manager'];

/** Who may read tickets at all (each sees only the tickets `canSeeTicket` allows). */
export const TICKET_READERS: readonly Role[] = [
  'service_agent',
  'service_manager',
  'sales_manager',
  'auditor',
  'ar',
  'sr',
  'fr',
];
