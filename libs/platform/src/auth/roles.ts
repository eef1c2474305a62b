/**
 * The roles a token can carry. AR/SR/FR are the iron-triangle roles of a deal team; `marketing`
 * captures and imports leads and reads lead analytics, and sees no deal money.
 */
export const ROLES = [
  'admin',
  'sales_manager',
  'ar',
  'sr',
  'fr',
  'service_agent',
  'service_manager',
  'auditor',
  'marketing',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The authenticated caller, taken from the verified token; never from a request body. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly tenantId: string;
}

/**
 * Whether a caller may see deal money (deal sizes, amounts won): every role but marketing. A caller
 * who is marketing and also holds another role sees what that role sees.
 */
export function seesDealMoney(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'marketing');
}
