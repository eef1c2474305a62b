/**
 * A command the current state forbids. `code` is stable and documented: clients
 * branch on it, so never change an existing one. Mapped to HTTP 409.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An id that names nothing. Mapped to HTTP 404 with code `<ENTITY>_NOT_FOUND`. */
export class NotFoundError extends Error {
  readonly code: string;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
    this.code = `${entity.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_NOT_FOUND`;
  }
}

/** Input that breaks a rule only the domain can check. Mapped to HTTP 400 naming the field. */
export class InvalidInputError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
