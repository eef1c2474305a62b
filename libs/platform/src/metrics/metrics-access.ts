import { timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from '../auth/token-errors.js';

/** The route is off: no LTC_METRICS_TOKEN is configured. */
export class MetricsOffError extends Error {
  constructor() {
    super('Metrics are off: set LTC_METRICS_TOKEN to scrape them');
    this.name = 'MetricsOffError';
  }
}

/**
 * Lets a scrape through when it sends `Authorization: Bearer <LTC_METRICS_TOKEN>`: a secret of the
 * scraper's own, so it holds no user's rights and a user's token reads no operational counts.
 * Throws {@link MetricsOffError} without a configured token, InvalidTokenError (401) for a wrong one.
 */
export function admitScrape(configured: string | undefined, authorization: string | undefined): void {
  if (configured === undefined) throw new MetricsOffError();
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined || !sameSecret(sent, configured)) {
    throw new InvalidTokenError('Send "Authorization: Bearer <LTC_METRICS_TOKEN>"');
  }
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
