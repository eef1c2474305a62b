import { SignJWT, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { ExternalTokenVerifier } from './oidc-token.verifier.js';
import { isRole, type Caller, type Role } from './roles.js';
import { CLOCK_TOLERANCE_SECONDS, checkIssuedAt, tokenErrorFrom } from './token-claims.js';
import { InvalidTokenError } from './token-errors.js';

export { InvalidTokenError, TokenExpiredError, IdentityProviderUnavailableError } from './token-errors.js';

/** The one algorithm of the engine's own tokens. */
const BUILT_IN_ALGORITHM = 'HS256';

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
  /** Tokens of an identity provider (LTC_OIDC_ISSUER), accepted beside the engine's own. */
  readonly identityProvider?: ExternalTokenVerifier;
  /** False (LTC_BUILTIN_TOKENS=off): the engine's own HS256 tokens are refused; only the provider's count. */
  readonly builtInTokens?: boolean;
}

/**
 * HS256 bearer tokens with claims `sub`, `roles` (array), `tenant` and `exp`. Operators can
 * mint their own with any JWT library and the same secret, or with `ltc token`.
 * `verify` is the one entry point the auth guard calls: it also hands RS256/ES256 tokens to
 * the identity provider's verifier when one is configured. Each verifier pins its own
 * algorithms, so the choice by the token's `alg` header never lets a token pick its check.
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly requireExpiry: boolean;
  private readonly identityProvider: ExternalTokenVerifier | undefined;
  private readonly builtInTokens: boolean;

  constructor(secret: string, policy: TokenPolicy = {}) {
    this.key = new TextEncoder().encode(secret);
    this.requireExpiry = policy.allowTokensWithoutExpiry !== true;
    this.identityProvider = policy.identityProvider;
    this.builtInTokens = policy.builtInTokens !== false;
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
    const algorithm = algorithmOf(token);
    if (algorithm === BUILT_IN_ALGORITHM && this.builtInTokens) return this.verifyOwn(token);
    if (algorithm !== undefined && this.identityProvider?.algorithms.includes(algorithm)) {
      return this.identityProvider.verify(token);
    }
    const accepted = [
      ...(this.builtInTokens ? [BUILT_IN_ALGORITHM] : []),
      ...(this.identityProvider?.algorithms ?? []),
    ].join(', ');
    throw new InvalidTokenError(`Token algorithm "${algorithm ?? 'none'}" is not accepted here (only ${accepted})`);
  }

  private async verifyOwn(token: string): Promise<Caller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [BUILT_IN_ALGORITHM],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(this.requireExpiry ? { requiredClaims: ['exp'] } : {}),
      }));
    } catch (error) {
      throw tokenErrorFrom(error);
    }
    checkIssuedAt(payload);
    const roles = payload['roles'];
    const tenant = payload['tenant'];
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('Token has no subject');
    if (!Array.isArray(roles) || !roles.every(isRole)) {
      throw new InvalidTokenError('Token claim "roles" must be an array of known roles');
    }
    if (typeof tenant !== 'string' || tenant === '') throw new InvalidTokenError('Token has no "tenant" claim');
    return { userId: payload.sub, roles, tenantId: tenant };
  }
}

/** The `alg` of a token's protected header; a token whose header cannot be read is refused here. */
function algorithmOf(token: string): string | undefined {
  try {
    const { alg } = decodeProtectedHeader(token);
    return alg === 'none' ? undefined : alg;
  } catch {
    throw new InvalidTokenError('Token is not a well-formed signed JWT');
  }
}
