/**
 * A token that is missing, malformed, signed with another key or meant for another server.
 * Mapped to 401 with its `code`: `INVALID_TOKEN`, or `TOKEN_EXPIRED` (see {@link TokenExpiredError}).
 */
export class InvalidTokenError extends Error {
  readonly code: string = 'INVALID_TOKEN';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** A token that was valid once: the client should get a fresh one rather than look for a bug. Mapped to 401. */
export class TokenExpiredError extends InvalidTokenError {
  override readonly code = 'TOKEN_EXPIRED';
  constructor() {
    super('Token has expired; get a new one');
    this.name = 'TokenExpiredError';
  }
}

/**
 * The identity provider's discovery document or key set could not be fetched: not the
 * client's fault, and not a verdict on the token. Mapped to 503 so clients retry.
 */
export class IdentityProviderUnavailableError extends Error {
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';
  constructor(detail: string) {
    super(`The identity provider's signing keys cannot be fetched right now (${detail}); try again shortly`);
    this.name = 'IdentityProviderUnavailableError';
  }
}
