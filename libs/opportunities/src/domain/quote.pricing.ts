import { InvalidInputError, isCurrencyCode, type Money } from '#ltc/kernel';

/** One line of a quote as the seller enters it. */
export interface QuoteLineInput {
  readonly sku: string;
  readonly description: string;
  /** Whole units. */
  readonly quantity: number;
  readonly unitPrice: Money;
  /** Discount on this line in basis points (0–10 000; 1 250 = 12.5 %). */
  readonly discountBp: number;
}

/** A priced line: its subtotal (quantity × unit price), its discount and its total, in minor units. */
export interface QuoteLine extends QuoteLineInput {
  readonly subtotalMinor: number;
  readonly discountMinor: number;
  readonly totalMinor: number;
}

/** A priced quote: every amount in `currency`, the totals the sums of the lines. */
export interface QuotePricing {
  readonly currency: string;
  readonly lines: readonly QuoteLine[];
  readonly subtotalMinor: number;
  readonly discountMinor: number;
  readonly totalMinor: number;
}

const BP_PER_WHOLE = 10_000n;

/**
 * `amountMinor × bp / 10 000`, rounded half away from zero to a whole minor unit, in BigInt
 * so the product never loses digits (a large line times a discount passes 2^53). Amounts are
 * never negative here, so half away from zero is half up: 0.5 cent rounds to 1 cent.
 */
export function basisPointsOf(amountMinor: number, bp: number): number {
  const product = BigInt(amountMinor) * BigInt(bp);
  return Number((product * 2n + BP_PER_WHOLE) / (BP_PER_WHOLE * 2n));
}

/** Prices the lines of a quote, refusing bad lines and mixed currencies with the field that is wrong. */
export function priceQuote(lines: readonly QuoteLineInput[]): QuotePricing {
  const first = lines[0];
  if (first === undefined) throw new InvalidInputError('lines', 'notEmpty', 'a quote needs at least one line');
  const currency = first.unitPrice.currency;
  const priced = lines.map((line, index) => priceLine(line, `lines[${index}]`, currency));
  const sum = (pick: (line: QuoteLine) => number): number => {
    const total = priced.reduce((acc, line) => acc + BigInt(pick(line)), 0n);
    return safe(total, 'lines', 'the quote total is too large');
  };
  return {
    currency,
    lines: priced,
    subtotalMinor: sum((line) => line.subtotalMinor),
    discountMinor: sum((line) => line.discountMinor),
    totalMinor: sum((line) => line.totalMinor),
  };
}

/**
 * Whether a quote's total discount is above `thresholdBp` of its subtotal, compared exactly
 * in integers (discount × 10 000 > threshold × subtotal): exactly the threshold passes.
 */
export function discountAboveThreshold(pricing: QuotePricing, thresholdBp: number): boolean {
  return BigInt(pricing.discountMinor) * BP_PER_WHOLE > BigInt(thresholdBp) * BigInt(pricing.subtotalMinor);
}

function priceLine(line: QuoteLineInput, field: string, currency: string): QuoteLine {
  if (line.sku.trim() === '') throw new InvalidInputError(`${field}.sku`, 'notEmpty', 'sku must not be empty');
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new InvalidInputError(`${field}.quantity`, 'positiveWhole', 'quantity must be a whole number of at least 1');
  }
  const { amountMinor } = line.unitPrice;
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new InvalidInputError(
      `${field}.unitPrice.amountMinor`,
      'minorUnits',
      'amountMinor must be a whole, non-negative number of minor units',
    );
  }
  if (!isCurrencyCode(line.unitPrice.currency)) {
    throw new InvalidInputError(`${field}.unitPrice.currency`, 'currency', 'currency must be an ISO 4217 code');
  }
  if (line.unitPrice.currency !== currency) {
    throw new InvalidInputError(
      `${field}.unitPrice.currency`,
      'oneCurrency',
      `every line of a quote is in one currency (${currency}); amounts are never converted`,
    );
  }
  if (!Number.isSafeInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10_000) {
    throw new InvalidInputError(`${field}.discountBp`, 'basisPoints', 'discountBp must be a whole number 0–10000');
  }
  const subtotalMinor = safe(BigInt(line.quantity) * BigInt(amountMinor), field, 'the line total is too large');
  const discountMinor = basisPointsOf(subtotalMinor, line.discountBp);
  return {
    sku: line.sku.trim(),
    description: line.description.trim(),
    quantity: line.quantity,
    unitPrice: { amountMinor, currency },
    discountBp: line.discountBp,
    subtotalMinor,
    discountMinor,
    totalMinor: subtotalMinor - discountMinor,
  };
}

function safe(value: bigint, field: string, message: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidInputError(field, 'amountTooLarge', message);
  return Number(value);
}
