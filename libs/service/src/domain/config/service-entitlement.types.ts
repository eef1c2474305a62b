/** What a contract entitles its customer to, as a service manager records it. */
export interface ServiceEntitlementDefinition {
  /** The SLA policy its tickets are accepted under. */
  readonly policyId: string;
  /** The last day of warranty (`YYYY-MM-DD`); null: none recorded. */
  readonly warrantyEndsOn: string | null;
}

export interface ServiceEntitlementConfig extends ServiceEntitlementDefinition {
  readonly contractId: string;
  readonly version: number;
}
