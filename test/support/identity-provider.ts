import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** A signing key of the test identity provider, published or not. */
export interface ProviderKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function providerKey(kid: string, alg: 'RS256' | 'ES256'): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * An OpenID Connect provider on a local port: its discovery document and a JWKS whose keys
 * a test can replace (a rotation), counting how often the key set was fetched.
 */
export interface TestIdentityProvider {
  readonly issuer: string;
  publish(keys: readonly ProviderKey[]): void;
  readonly jwksFetches: number;
  close(): Promise<void>;
}

export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  let published: JWK[] = [];
  let fetches = 0;
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const send = (body: unknown): void => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      send({ issuer, jwks_uri: `${issuer}/protocol/certs` });
    } else if (request.url === '/protocol/certs') {
      fetches += 1;
      send({ keys: published });
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    publish: (keys) => (published = keys.map((key) => key.publicJwk)),
    get jwksFetches() {
      return fetches;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export interface ProviderTokenOptions {
  readonly claims?: JWTPayload;
  /** Seconds from now; `null` = no `exp`. Default 300. */
  readonly expiresIn?: number | null;
  readonly issuer?: string;
  readonly audience?: string;
  readonly kid?: string;
}

/** An access token as the provider would issue it, with whatever a test changes. */
export function providerToken(key: ProviderKey, issuer: string, options: ProviderTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    tenant: 'acme',
    realm_access: { roles: ['sales_manager', 'offline_access'] },
    ...options.claims,
  })
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setSubject('kc-user-1')
    .setIssuer(options.issuer ?? issuer)
    .setAudience(options.audience ?? 'ltc-api')
    .setIssuedAt(typeof options.claims?.iat === 'number' ? options.claims.iat : now);
  const expiresIn = options.expiresIn === undefined ? 300 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  return jwt.sign(key.privateKey);
}
