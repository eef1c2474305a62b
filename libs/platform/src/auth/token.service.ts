import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { isRole, type Caller, type Role } from './roles.js';

/** A token that is missing, malformed, expired or signed with another secret. Mapped to 401. */
export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** An expiry that is neither a duration jose understands nor `never`. */
export class InvalidExpiryError extends Error {
  constructor(readonly expiresIn: string) {
    super(`Expiry "${expiresIn}" is not a duration (e.g. 12h, 30d, 90m) or "never"`);
    this.name = 'InvalidExpiryError';
  }
}

/** Lifetime of a minted token when none is asked for: a working day, so a leaked token dies soon. */
export const DEFAULT_TOKEN_LIFETIME = '12h';
/** Lifetime of the admin token printed on the first start: long enough to set up the organisation. */
export const FIRST_START_ADMIN_TOKEN_LIFETIME = '30d';
/** The `expiresIn` that mints a token without `exp` (accepted only where the server allows them). */
export const NO_EXPIRY = 'never';

export interface MintOptions {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly tenant: string;
  /** e.g. '12h', '30d'; `never` = no `exp` claim. Default {@link DEFAULT_TOKEN_LIFETIME}. */
  readonly expiresIn?: string;
}

export interface TokenPolicy {
  /**
   * Accept tokens without an `exp` claim (LTC_TOKEN_EXPIRY=optional), e.g. long-lived
   * service tokens minted elsewhere. Off by default: a token that never expires can only be
   * revoked by rotating the secret.
   */
  readonly allowTokensWithoutExpiry?: boolean;
}

/**
 * HS256 bearer tokens with claims `sub`, `roles` (array), `tenant` and `exp`. Operators can
 * mint their own with any JWT library and the same secret, or with `ltc token`.
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly requireExpiry: boolean;

  constructor(secret: string, policy: TokenPolicy = {}) {
    this.key = new TextEncoder().encode(secret);
    this.requireExpiry = policy.allowTokensWithoutExpiry !== true;
  }

  async mint(options: MintOptions): Promise<string> {
    const jwt = new SignJWT({ roles: [...options.roles], tenant: options.tenant })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(options.sub)
      .setIssuedAt();
    const expiresIn = options.expiresIn ?? DEFAULT_TOKEN_LIFETIME;
    if (expiresIn !== NO_EXPIRY) {
      try {
        jwt.setExpirationTime(expiresIn);
      } catch {
        throw new InvalidExpiryError(expiresIn);
      }
    }
    return jwt.sign(this.key);
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        ...(this.requireExpiry ? { requiredClaims: ['exp'] } : {}),
      });
      const roles = payload['roles'];
      const tenant = payload['tenant'];
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('Token has no subject');
      if (!Array.isArray(roles) || !roles.every(isRole)) {
        throw new InvalidTokenError('Token claim "roles" must be an array of known roles');
      }
      if (typeof tenant !== 'string' || tenant === '') throw new InvalidTokenError('Token has no "tenant" claim');
      return { userId: payload.sub, roles, tenantId: tenant };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('Token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp') {
        throw new InvalidTokenError('Token has no expiry ("exp" claim); mint one with an expiry');
      }
      throw new InvalidTokenError('Token is not valid for this server');
    }
  }
}
