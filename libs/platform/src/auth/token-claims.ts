import { errors as joseErrors, type JWTPayload } from 'jose';
import { IdentityProviderUnavailableError, InvalidTokenError, TokenExpiredError } from './token-errors.js';

/**
 * Clocks of the identity provider, the minting script and this server drift apart: `exp`,
 * `nbf` and `iat` are honoured with this much slack, small enough that an expired token
 * stays refused.
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * jose checks `iat` only when a maximum token age is set, which would also make it
 * required; a token claiming to be issued in the future (beyond the skew) is refused here.
 */
export function checkIssuedAt(payload: JWTPayload, now: Date = new Date()): void {
  if (payload.iat !== undefined && payload.iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
    throw new InvalidTokenError('Token is issued in the future ("iat"); check the clock of whoever minted it');
  }
}

/** The one sentence a client gets for each way jose refuses a token. */
export function tokenErrorFrom(error: unknown): Error {
  if (error instanceof InvalidTokenError || error instanceof IdentityProviderUnavailableError) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenExpiredError();
  if (error instanceof joseErrors.JWTClaimValidationFailed) return claimError(error);
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('Token signature does not verify; it was not signed by a key this server trusts');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new InvalidTokenError('Token is signed with an algorithm this server does not accept');
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError("Token is signed with a key the identity provider does not publish (unknown 'kid')");
  }
  // Anything else jose raises about the token itself: bad base64, a header or payload that is not JSON…
  if (error instanceof joseErrors.JOSEError || error instanceof SyntaxError || error instanceof TypeError) {
    return new InvalidTokenError('Token is not a well-formed signed JWT');
  }
  return new InvalidTokenError('Token is not valid for this server');
}

function claimError(error: InstanceType<typeof joseErrors.JWTClaimValidationFailed>): InvalidTokenError {
  switch (error.claim) {
    case 'exp':
      return new InvalidTokenError('Token has no expiry ("exp" claim); mint one with an expiry');
    case 'nbf':
      return new InvalidTokenError('Token is not valid yet ("nbf" is in the future)');
    case 'iss':
      return new InvalidTokenError('Token is issued by another issuer than this server trusts ("iss")');
    case 'aud':
      return new InvalidTokenError('Token is meant for another audience ("aud")');
    case 'iat':
      return new InvalidTokenError('Token has an unreadable issue time ("iat")');
    default:
      return new InvalidTokenError(`Token claim "${error.claim}" is not valid`);
  }
}
