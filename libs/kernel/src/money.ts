/**
 * An amount of money: integer minor units (cents for EUR, yen for JPY) and an ISO 4217
 * currency code. Never a float, so sums and comparisons are exact.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** Codes the runtime knows (ISO 4217, e.g. EUR, USD, SEK, JPY); looked up once. */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Every ISO 4217 code accepted in an amount, sorted (for validation messages and API docs). */
export const CURRENCY_CODES: readonly string[] = [...KNOWN_CURRENCIES].sort();

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && KNOWN_CURRENCIES.has(value);
}

const digitsByCurrency = new Map<string, number>();

/**
 * How many minor units make a major one, as digits: 2 for EUR, 0 for JPY, 3 for BHD. Remembered
 * per currency: building an `Intl.NumberFormat` costs more than everything else a capture does
 * with its amount (a profile of a 10,000-row import put ~3 s of CPU here).
 */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Why a value is not a valid amount, or undefined when it is one. */
export function moneyProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be an object { amountMinor, currency }';
  const { amountMinor, currency } = value as Record<string, unknown>;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor)) {
    return 'amountMinor must be a whole number of minor units (cents)';
  }
  if (amountMinor < 0) return 'amountMinor must not be negative';
  if (!isCurrencyCode(currency)) return 'currency must be an ISO 4217 code such as EUR';
  return undefined;
}

/**
 * An amount given in major units (e.g. 2500.5 EUR), as older clients and files send it.
 * Undefined when it has more decimals than the currency has minor digits.
 */
export function moneyFromMajor(amount: number, currency: string): Money | undefined {
  const factor = 10 ** minorDigits(currency);
  const amountMinor = Math.round(amount * factor);
  if (!Number.isSafeInteger(amountMinor) || Math.abs(amountMinor - amount * factor) > 1e-6) return undefined;
  return { amountMinor, currency };
}

/**
 * The amount in major units, for comparing with thresholds configured in major units
 * (distribution bands, scoring rules). Not for storing or summing money.
 */
export function majorUnits(money: Money): number {
  return money.amountMinor / 10 ** minorDigits(money.currency);
}
