import { SetMetadata } from '@nestjs/common';

export const AUDITED_READ = 'ltc:audited-read';

export interface AuditedReadSpec {
  readonly kind: string;
  /** The route parameter naming what is read (`dealId`, `stream`…); none = a read of many. */
  readonly target?: string;
  /** Query parameters whose values are personal (an email looked up): recorded as `[withheld]`, not as sent. */
  readonly withheld?: readonly string[];
}

/**
 * Records every successful call of the route as a read in the tenant's read log (who, what,
 * when), visible to auditors at GET /audit/reads. A call that fails (400, 404…) disclosed
 * nothing and is not recorded; a read that cannot be recorded is not answered. E.g.
 * `@AuditedRead('data_subject_export', { target: 'id' })`.
 */
export const AuditedRead = (kind: string, options: Omit<AuditedReadSpec, 'kind'> = {}): MethodDecorator =>
  SetMetadata(AUDITED_READ, { kind, ...options } satisfies AuditedReadSpec);
