import { SignJWT, decodeJwt } from 'jose';
import { InvalidTokenError, TokenService } from './token.service.js';

const SECRET = 'a-secret-for-token-service-specs-0123456789';
const claims = { sub: 'alice', roles: ['ar'] as const, tenant: 'acme' };

/** A token with the engine's claims but no `exp`, as another JWT library might mint it. */
async function tokenWithoutExpiry(): Promise<string> {
  return new SignJWT({ roles: ['ar'], tenant: 'acme' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('alice')
    .setIssuedAt()
    .sign(new TextEncoder().encode(SECRET));
}

function lifetimeSeconds(token: string): number | undefined {
  const { exp, iat } = decodeJwt(token);
  return exp === undefined || iat === undefined ? undefined : exp - iat;
}

describe('TokenService', () => {
  describe('minting', () => {
    it('gives a token without an explicit expiry a 12-hour lifetime', async () => {
      const token = await new TokenService(SECRET).mint(claims);
      expect(lifetimeSeconds(token)).toBe(12 * 3600);
    });

    it('uses the expiry it is given', async () => {
      const token = await new TokenService(SECRET).mint({ ...claims, expiresIn: '30d' });
      expect(lifetimeSeconds(token)).toBe(30 * 24 * 3600);
    });

    it('mints a token without `exp` only when asked for one that never expires', async () => {
      const token = await new TokenService(SECRET).mint({ ...claims, expiresIn: 'never' });
      expect(decodeJwt(token).exp).toBeUndefined();
    });

    it('refuses an expiry it cannot read, naming the accepted forms', async () => {
      await expect(new TokenService(SECRET).mint({ ...claims, expiresIn: 'soon' })).rejects.toThrow(
        /"soon".*e\.g\. 12h, 30d/,
      );
    });
  });

  describe('verifying', () => {
    it('accepts a token with an expiry in the future', async () => {
      const service = new TokenService(SECRET);
      await expect(service.verify(await service.mint(claims))).resolves.toEqual({
        userId: 'alice',
        roles: ['ar'],
        tenantId: 'acme',
      });
    });

    it('rejects a token without `exp` by default', async () => {
      const verifying = new TokenService(SECRET).verify(await tokenWithoutExpiry());
      await expect(verifying).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(new TokenService(SECRET).verify(await tokenWithoutExpiry())).rejects.toThrow(
        'Token has no expiry ("exp" claim)',
      );
    });

    it('accepts a token without `exp` when the server allows them', async () => {
      const service = new TokenService(SECRET, { allowTokensWithoutExpiry: true });
      await expect(service.verify(await tokenWithoutExpiry())).resolves.toEqual({
        userId: 'alice',
        roles: ['ar'],
        tenantId: 'acme',
      });
    });

    it('rejects an expired token', async () => {
      const expired = await new SignJWT({ roles: ['ar'], tenant: 'acme' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('alice')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(new TextEncoder().encode(SECRET));
      await expect(new TokenService(SECRET).verify(expired)).rejects.toThrow('Token has expired');
    });
  });
});
