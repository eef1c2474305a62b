import { parseArgs } from 'node:util';
import {
  DEFAULT_TOKEN_LIFETIME,
  InvalidExpiryError,
  NO_EXPIRY,
  ROLES,
  TokenService,
  isRole,
  loadConfig,
  resolveJwtSecret,
  type Role,
} from '#ltc/platform';

export const TOKEN_HELP = `  ltc token --sub USER [--roles admin,ar] [--tenant default] [--expires ${DEFAULT_TOKEN_LIFETIME}]
      Mint a bearer token signed with the server's secret (LTC_JWT_SECRET or
      <LTC_DATA_DIR>/jwt-secret). Roles: ${ROLES.join(', ')}.
      --expires: a duration (90m, 12h, 30d; default ${DEFAULT_TOKEN_LIFETIME}) or "${NO_EXPIRY}" (accepted
      only by a server started with LTC_TOKEN_EXPIRY=optional).`;

/** `ltc token`: a bearer token signed with the server's own secret. */
export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      roles: { type: 'string', default: 'admin' },
      tenant: { type: 'string' },
      expires: { type: 'string', default: DEFAULT_TOKEN_LIFETIME },
    },
  });
  const config = loadConfig();
  if (!values.sub) {
    console.error('--sub is required: the user id the token speaks for');
    return 2;
  }
  const roles = values.roles.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) {
    console.error(`Unknown role(s): ${unknown.join(', ')}. Known: ${ROLES.join(', ')}`);
    return 2;
  }
  const { secret } = resolveJwtSecret(config.jwtSecret, config.dataDir);
  if (values.expires === NO_EXPIRY && !config.allowTokensWithoutExpiry) {
    console.error('Note: servers accept a token without expiry only with LTC_TOKEN_EXPIRY=optional');
  }
  try {
    const token = await new TokenService(secret).mint({
      sub: values.sub,
      roles: roles as Role[],
      tenant: values.tenant ?? config.defaultTenant,
      expiresIn: values.expires,
    });
    console.log(token);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidExpiryError)) throw error;
    console.error(`--expires: ${error.message}`);
    return 2;
  }
}
