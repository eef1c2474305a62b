import { jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../config/app-config.js';
import { claimAt, namesIn } from './claim-path.js';
import { OidcSigningKeys } from './oidc-keys.js';
import { isRole, type Caller, type Role } from './roles.js';
import { CLOCK_TOLERANCE_SECONDS, checkIssuedAt, tokenErrorFrom } from './token-claims.js';
import { InvalidTokenError } from './token-errors.js';

/**
 * The algorithms an identity provider may sign with. Asymmetric only: an HS256 token is
 * never checked against a provider's public key (the classic RS/HS confusion), and `none`
 * is never accepted.
 */
export const OIDC_ALGORITHMS: readonly string[] = ['RS256', 'ES256'];

/** A verifier of tokens not minted by this engine, which the token service hands them to. */
export interface ExternalTokenVerifier {
  /** The `alg` header values this verifier takes; any other is refused before a key is looked up. */
  readonly algorithms: readonly string[];
  verify(token: string): Promise<Caller>;
}

/**
 * Access tokens of an OpenID Connect provider (Keycloak, Auth0, Entra ID…): signature by a
 * key of its JWKS, issuer and audience as configured, `exp` required. The user, roles and
 * tenant are read from the claims the configuration names; roles this engine does not know
 * are ignored (a provider carries many), so a token with none of ours gets 403 on role routes.
 */
export class OidcTokenVerifier implements ExternalTokenVerifier {
  readonly algorithms = OIDC_ALGORITHMS;
  private readonly keys: OidcSigningKeys;

  constructor(private readonly config: OidcConfig) {
    this.keys = new OidcSigningKeys(config);
  }

  async verify(token: string): Promise<Caller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw tokenErrorFrom(error);
    }
    checkIssuedAt(payload);
    return this.callerOf(payload);
  }

  private callerOf(payload: JWTPayload): Caller {
    const { userClaim, rolesClaim, tenantClaim, defaultTenant } = this.config;
    const userId = claimAt(payload, userClaim);
    if (typeof userId !== 'string' || userId === '') {
      throw new InvalidTokenError(`Token has no "${userClaim}" claim to identify the user`);
    }
    const roles = [...new Set(namesIn(claimAt(payload, rolesClaim)).filter(isRole))] as Role[];
    const claimedTenant = claimAt(payload, tenantClaim);
    const tenantId = typeof claimedTenant === 'string' && claimedTenant !== '' ? claimedTenant : defaultTenant;
    if (tenantId === undefined) {
      throw new InvalidTokenError(`Token has no "${tenantClaim}" claim and no LTC_OIDC_DEFAULT_TENANT is set`);
    }
    return { userId, roles, tenantId };
  }
}
