import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../config/app-config.js';
import { IdentityProviderUnavailableError } from './token-errors.js';

/** How long one fetch of the discovery document or the key set may take. */
const FETCH_TIMEOUT_MS = 5000;

/**
 * The identity provider's signing keys, fetched from its JWKS and cached by jose: a token
 * with an unknown `kid` makes it fetch the set again (at most once per cooldown), so a
 * rotated key is picked up without a restart and a removed one stops verifying once the
 * set is fetched again. The JWKS address comes from `LTC_OIDC_JWKS_URL` or the issuer's
 * `/.well-known/openid-configuration`, read on the first token rather than at start, so
 * the engine starts while the provider is down.
 */
export class OidcSigningKeys {
  private keySet: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly config: OidcConfig) {}

  /** The key getter to hand to jwtVerify; failures to reach the provider become 503, not 401. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const remote = await this.remoteKeySet();
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new IdentityProviderUnavailableError(`JWKS: ${(error as Error).message}`);
    }
  };

  private remoteKeySet(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.jwksUrl().then(
      (url) =>
        createRemoteJWKSet(url, {
          cooldownDuration: this.config.jwksCooldownSeconds * 1000,
          timeoutDuration: FETCH_TIMEOUT_MS,
        }),
      (error: unknown) => {
        // Not cached: the next token asks the provider again.
        this.keySet = undefined;
        throw error;
      },
    );
    return this.keySet;
  }

  private async jwksUrl(): Promise<URL> {
    if (this.config.jwksUrl) return new URL(this.config.jwksUrl);
    const address = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      const response = await fetch(address, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      throw new IdentityProviderUnavailableError(`${address}: ${(error as Error).message}`);
    }
    const { issuer, jwks_uri: jwksUri } = (document ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (issuer !== this.config.issuer || typeof jwksUri !== 'string') {
      throw new IdentityProviderUnavailableError(
        `${address} does not describe issuer ${this.config.issuer} with a jwks_uri; set LTC_OIDC_JWKS_URL`,
      );
    }
    return new URL(jwksUri);
  }
}
