import type { Role } from '#ltc/platform';

/** Who works a contract: its triangle and sales managers (admins pass every check; auditors only read). */
export const CONTRACT_TEAM: readonly Role[] = ['ar', 'sr', 'fr', 'sales_manager'];

/** Approving or rejecting an amendment is a sales manager's (the decider checks again). */
export const MANAGERS: readonly Role[] = ['sales_manager'];
