import { InvalidInputError, moneyFromMajor, type Money } from '#ltc/kernel';
import { LEGACY_DEAL_SIZE_CURRENCY } from './domain/lead-event.js';

// One money and date shape for every context's request bodies (libs/platform).
import { MoneyDto } from '#ltc/platform';

export { MoneyDto };

/** The two ways a body may give a deal size: exact (`dealSize`) or, as before, a number in major units. */
export interface DealSizeInput {
  readonly dealSize?: MoneyDto | null;
  readonly estimatedDealSize?: number | null;
  /** The currency of `estimatedDealSize`; EUR when absent. */
  readonly currency?: string;
}

/**
 * The deal size a body asks for: undefined when it names none, null when it clears it. A
 * number in major units keeps working for older clients; it must fit the currency's minor digits.
 */
export function dealSizeFrom(body: DealSizeInput): Money | null | undefined {
  if (body.dealSize !== undefined && body.estimatedDealSize !== undefined) {
    throw new InvalidInputError('dealSize', 'exclusive', 'Give either dealSize or estimatedDealSize, not both');
  }
  if (body.dealSize !== undefined)
    return body.dealSize && { amountMinor: body.dealSize.amountMinor, currency: body.dealSize.currency };
  if (body.estimatedDealSize === undefined) return undefined;
  if (body.estimatedDealSize === null) return null;
  const currency = body.currency ?? LEGACY_DEAL_SIZE_CURRENCY;
  const money = moneyFromMajor(body.estimatedDealSize, currency);
  if (!money) {
    throw new InvalidInputError(
      'estimatedDealSize',
      'minorUnits',
      `estimatedDealSize has more decimals than ${currency} has minor units; send dealSize in minor units`,
    );
  }
  return money;
}
