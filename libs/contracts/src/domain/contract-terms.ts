import { InvalidInputError } from '#ltc/kernel';
import {
  DEFAULT_REMINDER_DAYS,
  MILESTONES,
  NET_DAYS,
  type Milestone,
  type PaymentTerms,
  type PaymentTermsInput,
} from './contract-vocabulary.js';

const WHOLE_BP = 10_000;
const MAX_DUE_DAYS = 365;
const MAX_REMINDERS = 5;

/**
 * Checks the terms a signer gives and records them in one shape: milestone shares in basis
 * points that sum to exactly 10 000, each milestone once, with the days an invoice has to be
 * paid; or net 30/60/90, which is everything on acceptance.
 */
export function paymentTermsOf(input: PaymentTermsInput): PaymentTerms {
  return { ...dueTermsOf(input), reminderDays: reminderDaysFrom(input.reminderDays) };
}

/**
 * Up to five reminders, each a whole number of days 1–365 after the due date, strictly
 * increasing: each names one durable timer and one reminder, so a repeat would be lost.
 */
function reminderDaysFrom(days: readonly number[] | undefined): readonly number[] {
  if (days === undefined) return DEFAULT_REMINDER_DAYS;
  const field = 'paymentTerms.reminderDays';
  if (days.length > MAX_REMINDERS) {
    throw new InvalidInputError(field, 'maxSize', `reminderDays are at most ${MAX_REMINDERS} day counts`);
  }
  let previous = 0;
  days.forEach((day, index) => {
    if (!Number.isSafeInteger(day) || day < 1 || day > MAX_DUE_DAYS) {
      throw new InvalidInputError(field, 'days', `reminderDays[${index}] must be a whole number 1–${MAX_DUE_DAYS}`);
    }
    if (day <= previous) {
      throw new InvalidInputError(field, 'increasing', 'reminderDays must be strictly increasing');
    }
    previous = day;
  });
  return [...days];
}

function dueTermsOf(input: PaymentTermsInput): Omit<PaymentTerms, 'reminderDays'> {
  if (input.kind === 'net') {
    if (!(NET_DAYS as readonly number[]).includes(input.days)) {
      throw new InvalidInputError('paymentTerms.days', 'netDays', 'net payment terms are 30, 60 or 90 days');
    }
    return { kind: 'net', milestones: [{ milestone: 'on_acceptance', shareBp: WHOLE_BP }], dueDays: input.days };
  }
  if (!Number.isSafeInteger(input.dueDays) || input.dueDays < 0 || input.dueDays > MAX_DUE_DAYS) {
    throw new InvalidInputError('paymentTerms.dueDays', 'days', `dueDays must be a whole number 0–${MAX_DUE_DAYS}`);
  }
  if (input.milestones.length === 0) {
    throw new InvalidInputError('paymentTerms.milestones', 'notEmpty', 'payment terms need at least one milestone');
  }
  const seen = new Set<Milestone>();
  input.milestones.forEach(({ milestone, shareBp }, index) => {
    const field = `paymentTerms.milestones[${index}]`;
    if (!(MILESTONES as readonly string[]).includes(milestone)) {
      throw new InvalidInputError(
        `${field}.milestone`,
        'milestone',
        `milestone must be one of ${MILESTONES.join(', ')}`,
      );
    }
    if (seen.has(milestone)) throw new InvalidInputError(`${field}.milestone`, 'unique', `${milestone} is named twice`);
    seen.add(milestone);
    if (!Number.isSafeInteger(shareBp) || shareBp < 1 || shareBp > WHOLE_BP) {
      throw new InvalidInputError(`${field}.shareBp`, 'basisPoints', 'shareBp must be a whole number 1–10000');
    }
  });
  const total = input.milestones.reduce((sum, m) => sum + m.shareBp, 0);
  if (total !== WHOLE_BP) {
    throw new InvalidInputError(
      'paymentTerms.milestones',
      'sharesSumToWhole',
      `the milestone shares sum to ${total} bp, not 10000 (100 %)`,
    );
  }
  return {
    kind: 'milestones',
    milestones: input.milestones.map(({ milestone, shareBp }) => ({ milestone, shareBp })),
    dueDays: input.dueDays,
  };
}
