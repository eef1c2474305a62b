import { hasExpired, identityOf, normaliseToken, tokenFromFragment } from './session';

const base64Url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (claims: object) => `${base64Url({ alg: 'HS256' })}.${base64Url(claims)}.c2lnbmF0dXJl`;

describe('Signing in to the web app', () => {
  it('takes the token of a sign-in link from the fragment only', () => {
    const jwt = token({ sub: 'admin' });
    expect(tokenFromFragment(`#token=${jwt}`)).toBe(jwt);
    expect(tokenFromFragment('#/leads?token=abc')).toBeUndefined();
    expect(tokenFromFragment('#token=')).toBeUndefined();
    expect(tokenFromFragment('')).toBeUndefined();
  });

  it('accepts a pasted token with a copied Bearer prefix and blanks, and refuses what is no JWT', () => {
    const jwt = token({ sub: 'rep-ada' });
    expect(normaliseToken(`  Bearer ${jwt}\n`)).toBe(jwt);
    expect(normaliseToken('hello world')).toBeUndefined();
    expect(normaliseToken('')).toBeUndefined();
  });

  it('shows who a token names and when it expires, without trusting it', () => {
    const identity = identityOf(token({ sub: 'rep-ada', roles: ['sr', 42], tenant: 'acme', exp: 1000 }));
    expect(identity).toEqual({ userId: 'rep-ada', roles: ['sr'], tenant: 'acme', expiresAt: 1000 });
    expect(hasExpired(identity!, 999_000)).toBe(false);
    expect(hasExpired(identity!, 1_000_000)).toBe(true);
    expect(identityOf('not.a-token.at-all')).toBeUndefined();
  });
});
