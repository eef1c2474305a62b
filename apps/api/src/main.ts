import 'reflect-metadata';
import { LTC_CONTEXTS, createApp } from '#ltc/engine';
import { eventStoreKind } from '#ltc/event-store';
import {
  FIRST_START_ADMIN_TOKEN_LIFETIME,
  TokenService,
  createLogger,
  loadConfigOrExit,
  resolveJwtSecret,
} from '#ltc/platform';
import { demoRequested, seedDemoOnFirstStart } from './demo-on-first-start.js';

/**
 * `npm start`: the API, and (unless LTC_ROLE=api) projections, process managers and timers.
 * `npm start -- --demo` first seeds a demo history into an empty store.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  // Resolve (and on a fresh data folder create) the signing secret before anything else.
  const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
  if (demoRequested(process.argv.slice(2), process.env)) await seedDemoOnFirstStart(config, logger, process.env);
  const app = await createApp({ contexts: LTC_CONTEXTS, config: { ...config, jwtSecret: secret.secret }, logger });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  logger.info(
    { url, docs: `${url}/docs`, role: config.role, store: eventStoreKind(config.eventStoreUrl) },
    'LTC Engine is listening',
  );
  // With the engine's own tokens turned off, a printed one would open nothing.
  if (secret.created && config.builtInTokens) {
    const token = await new TokenService(secret.secret).mint({
      sub: 'admin',
      roles: ['admin'],
      tenant: config.defaultTenant,
      expiresIn: FIRST_START_ADMIN_TOKEN_LIFETIME,
    });
    // Printed once, on the first start of a fresh data folder; `npm run ltc -- token` mints more.
    console.warn(
      `\nFirst start: created a signing secret in ${config.dataDir}/jwt-secret.\n` +
        `Admin token (tenant "${config.defaultTenant}", expires in ${FIRST_START_ADMIN_TOKEN_LIFETIME}):\n\n  ${token}\n\n` +
        // The token rides in the fragment, which the browser never sends: no server or proxy log sees it.
        `Sign in to the web app: ${url}/#token=${token}\n\n` +
        `Try: curl -H "Authorization: Bearer <token>" ${url}/leads\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
