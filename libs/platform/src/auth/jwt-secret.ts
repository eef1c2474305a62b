import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedSecret {
  readonly secret: string;
  /** True when this start created the secret: the first start of a fresh data folder. */
  readonly created: boolean;
}

/**
 * The configured secret, or one kept in the data folder (created with mode 0600 on the
 * first start) so a zero-configuration server is never open to anyone.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): ResolvedSecret {
  if (configured) return { secret: configured, created: false };
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, created: true };
}
