import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  providerKey,
  providerToken,
  startIdentityProvider,
  type ProviderKey,
  type TestIdentityProvider,
} from './support/identity-provider.js';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Tokens of an OpenID Connect provider', () => {
  let provider: TestIdentityProvider;
  let app: TestApp;
  let first: ProviderKey;
  let ecKey: ProviderKey;

  beforeAll(async () => {
    provider = await startIdentityProvider();
    first = await providerKey('key-1', 'RS256');
    ecKey = await providerKey('key-ec', 'ES256');
    provider.publish([first, ecKey]);
    app = await startTestApp({
      env: {
        LTC_OIDC_ISSUER: provider.issuer,
        LTC_OIDC_AUDIENCE: 'ltc-api',
        LTC_OIDC_ROLES_CLAIM: 'realm_access.roles',
        // Every unknown `kid` refetches the set, so the rotation below needs no waiting.
        LTC_OIDC_JWKS_COOLDOWN: '0',
      },
    });
  });
  afterAll(async () => {
    await app.destroy();
    await provider.close();
  });

  const leadsWith = (token: string) => app.request('GET', '/leads', { token });
  const token = (key: ProviderKey, options = {}) => providerToken(key, provider.issuer, options);

  it('accepts an RS256 and an ES256 token, roles read from the nested claim and unknown ones ignored', async () => {
    expect((await leadsWith(await token(first))).status).toBe(200);
    expect((await leadsWith(await token(ecKey))).status).toBe(200);
  });

  it('still accepts the engine’s own HS256 tokens beside them', async () => {
    expect((await leadsWith(await app.token(['admin']))).status).toBe(200);
  });

  it('records the provider’s subject as the actor of a command', async () => {
    const created = await app.request('POST', '/leads', {
      token: await token(first),
      body: { name: 'Cold-chain sensors', company: 'Frost AB', phone: '+46 8 555 7001', source: 'tradeshow' },
    });
    expect(created.status).toBe(201);
  });

  it('answers 403, not 500, to a token that carries none of the engine’s roles', async () => {
    const roleless = await token(first, {
      claims: { realm_access: { roles: ['offline_access', 'uma_authorization'] } },
    });
    const response = await app.request('POST', '/leads', { token: roleless, body: { name: 'x' } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('picks up a rotated key and refuses the removed one once the key set is fetched again', async () => {
    const second = await providerKey('key-2', 'RS256');
    const oldToken = await token(first);
    provider.publish([second, ecKey]);
    const fetchesBefore = provider.jwksFetches;
    expect((await leadsWith(await token(second))).status).toBe(200);
    expect(provider.jwksFetches).toBeGreaterThan(fetchesBefore);
    const refused = await leadsWith(oldToken);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'INVALID_TOKEN', message: expect.stringMatching(/unknown 'kid'/) });
    provider.publish([first, ecKey]);
  });

  describe('answers every bad token with 401 and a code saying why', () => {
    const cases: { name: string; token: () => Promise<string | undefined>; code: string; message: RegExp }[] = [
      { name: 'no token', token: async () => undefined, code: 'INVALID_TOKEN', message: /Authorization: Bearer/ },
      { name: 'not a JWT', token: async () => 'not-a-token', code: 'INVALID_TOKEN', message: /well-formed/ },
      {
        name: 'expired (beyond the skew)',
        token: () => token(first, { expiresIn: -120 }),
        code: 'TOKEN_EXPIRED',
        message: /expired/,
      },
      {
        name: 'without exp',
        token: () => token(first, { expiresIn: null }),
        code: 'INVALID_TOKEN',
        message: /"exp"/,
      },
      {
        name: 'nbf in the future beyond the skew',
        token: () => token(first, { claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }),
        code: 'INVALID_TOKEN',
        message: /not valid yet/,
      },
      {
        name: 'iat in the future beyond the skew',
        token: () => token(first, { claims: { iat: Math.floor(Date.now() / 1000) + 600 } }),
        code: 'INVALID_TOKEN',
        message: /issued in the future/,
      },
      {
        name: 'another issuer',
        token: () => token(first, { issuer: 'https://evil.example' }),
        code: 'INVALID_TOKEN',
        message: /issuer/,
      },
      {
        name: 'another audience',
        token: () => token(first, { audience: 'another-app' }),
        code: 'INVALID_TOKEN',
        message: /audience/,
      },
      {
        name: 'signed by an unpublished key under a published kid',
        token: async () => token(await providerKey('key-1', 'RS256')),
        code: 'INVALID_TOKEN',
        message: /signature/,
      },
      {
        name: 'alg none',
        token: async () =>
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', tenant: 'acme', roles: ['admin'], exp: 9e9 })}.`,
        code: 'INVALID_TOKEN',
        message: /algorithm "none"/,
      },
      {
        name: 'HS256 signed with the provider’s public key (alg confusion)',
        token: async () => {
          const pem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey);
          return new SignJWT({ roles: ['admin'], tenant: 'acme' })
            .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
            .setSubject('x')
            .setIssuer(provider.issuer)
            .setAudience('ltc-api')
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode(pem));
        },
        code: 'INVALID_TOKEN',
        message: /signature/,
      },
      {
        name: 'an algorithm not pinned (PS256)',
        token: async () => {
          const { privateKey } = await generateKeyPair('PS256');
          return new SignJWT({ tenant: 'acme' })
            .setProtectedHeader({ alg: 'PS256', kid: 'key-1' })
            .setSubject('x')
            .setExpirationTime('5m')
            .sign(privateKey);
        },
        code: 'INVALID_TOKEN',
        message: /algorithm "PS256" is not accepted/,
      },
      {
        name: 'no tenant claim and no default tenant',
        token: () => token(first, { claims: { tenant: undefined } }),
        code: 'INVALID_TOKEN',
        message: /"tenant" claim/,
      },
    ];

    it.each(cases)('$name → 401 $code', async ({ token: make, code, message }) => {
      const bearer = await make();
      const response = await app.request('GET', '/leads', bearer === undefined ? {} : { token: bearer });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  });

  it('accepts nbf and exp within the 30 s clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await leadsWith(await token(first, { claims: { nbf: now + 10 } }))).status).toBe(200);
    expect((await leadsWith(await token(first, { expiresIn: -10 }))).status).toBe(200);
  });
});

describe("With the engine's own tokens turned off (LTC_BUILTIN_TOKENS=off)", () => {
  let provider: TestIdentityProvider;
  let app: TestApp;
  let key: ProviderKey;

  beforeAll(async () => {
    provider = await startIdentityProvider();
    key = await providerKey('key-only', 'RS256');
    provider.publish([key]);
    app = await startTestApp({
      env: {
        LTC_OIDC_ISSUER: provider.issuer,
        LTC_OIDC_AUDIENCE: 'ltc-api',
        LTC_OIDC_ROLES_CLAIM: 'realm_access.roles',
        LTC_BUILTIN_TOKENS: 'off',
      },
    });
  });
  afterAll(async () => {
    await app.destroy();
    await provider.close();
  });

  it("accepts the provider's tokens and refuses one signed with the engine's secret, saying why", async () => {
    const fromProvider = await app.request('GET', '/leads', { token: await providerToken(key, provider.issuer) });
    expect(fromProvider.status).toBe(200);
    const own = await app.request('GET', '/leads', { token: await app.token(['admin']) });
    expect([own.status, own.body.code]).toEqual([401, 'INVALID_TOKEN']);
    expect(own.body.message).toMatch(/only RS256/);
  });
});
