import type { Role } from '#ltc/platform';

/** Who works a deal: its triangle and sales managers (admins pass every check; auditors only read). */
export const DEAL_TEAM: readonly Role[] = ['ar', 'sr', 'fr', 'sales_manager'];

/** Approving a discount and reopening a closed deal are a sales manager's (the decider checks again). */
export const MANAGERS: readonly Role[] = ['sales_manager'];
