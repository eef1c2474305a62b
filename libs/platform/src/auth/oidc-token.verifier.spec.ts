import { createServer } from 'node:net';
import type { OidcConfig } from '../config/app-config.js';
import { claimAt, namesIn } from './claim-path.js';
import { OidcTokenVerifier } from './oidc-token.verifier.js';
import { IdentityProviderUnavailableError } from './token-errors.js';

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const config = (issuer: string): OidcConfig => ({
  issuer,
  audience: 'ltc-api',
  jwksUrl: undefined,
  rolesClaim: 'roles',
  tenantClaim: 'tenant',
  defaultTenant: undefined,
  userClaim: 'sub',
  jwksCooldownSeconds: 30,
});

// A syntactically valid RS256 token; it never gets as far as its signature.
const RS256_TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl';

describe('OidcTokenVerifier', () => {
  it('answers "provider unavailable" (503), not "invalid token", when the provider cannot be reached', async () => {
    const verifier = new OidcTokenVerifier(config(`http://127.0.0.1:${await closedPort()}`));
    await expect(verifier.verify(RS256_TOKEN)).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
  });
});

describe('claims at a path', () => {
  const payload = {
    realm_access: { roles: ['admin', 'offline_access'] },
    'https://ltc.example/roles': ['auditor'],
    scope: 'ar sr',
  };

  it('reads nested claims, namespaced claim names with dots, and space-separated lists', () => {
    expect(namesIn(claimAt(payload, 'realm_access.roles'))).toEqual(['admin', 'offline_access']);
    expect(namesIn(claimAt(payload, 'https://ltc.example/roles'))).toEqual(['auditor']);
    expect(namesIn(claimAt(payload, 'scope'))).toEqual(['ar', 'sr']);
  });

  it('finds nothing where the path leads nowhere, without reading prototypes', () => {
    expect(claimAt(payload, 'realm_access.missing.roles')).toBeUndefined();
    expect(claimAt(payload, 'constructor.name')).toBeUndefined();
    expect(namesIn(42)).toEqual([]);
  });
});
