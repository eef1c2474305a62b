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

export interface MintOptions {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly tenant: string;
  /** e.g. '12h', '30d'; omitted = no expiry (operators' service tokens). */
  readonly expiresIn?: string;
}

/**
 * HS256 bearer tokens with claims `sub`, `roles` (array) and `tenant`. Operators can
 * mint their own with any JWT library and the same secret, or with `ltc token`.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async mint(options: MintOptions): Promise<string> {
    const jwt = new SignJWT({ roles: [...options.roles], tenant: options.tenant })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(options.sub)
      .setIssuedAt();
    if (options.expiresIn) jwt.setExpirationTime(options.expiresIn);
    return jwt.sign(this.key);
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
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
      throw new InvalidTokenError('Token is not valid for this server');
    }
  }
}
