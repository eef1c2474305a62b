import type { RecordedEvent } from '#ltc/event-store';

/**
 * A one-line summary of any event for people reading a history: its type in words and the
 * facts that tell one such event from another (a stage, an amount, a reason, who it went to),
 * e.g. `Payment received · amount EUR 12,000.00 · reference BANK-0091`. Contexts give their
 * own lines for the events where a sentence says more (`HistoryContribution.summarize`).
 */
export function genericSummary(event: RecordedEvent): string {
  const facts = keyFacts(event.data).map(([name, value]) => `${words(name)} ${value}`);
  return [sentenceCase(words(event.type)), ...facts].join(' · ');
}

/** The fields a summary shows first, when an event has them; then other short scalar fields. */
const PREFERRED = [
  'stage',
  'stageId',
  'toStageId',
  'status',
  'outcome',
  'decision',
  'amount',
  'total',
  'unitPrice',
  'priority',
  'reason',
  'method',
  'source',
  'tier',
  'score',
  'repId',
  'assignee',
  'ownerId',
  'to',
  'channel',
  'number',
  'reference',
  'resolution',
  'dueAt',
] as const;
const MAX_FACTS = 3;
const MAX_VALUE_CHARS = 60;
/** Ids, times and actors are shown beside the summary already (stream, time, actor). */
const NOT_FACTS = /(^|[a-z])(Id|Ids|At|By)$|^(at|by|tenantId|version)$/;

function keyFacts(data: unknown): [string, string][] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const names = [
    ...PREFERRED.filter((name) => name in record),
    ...Object.keys(record).filter((name) => !(PREFERRED as readonly string[]).includes(name) && !NOT_FACTS.test(name)),
  ];
  const facts: [string, string][] = [];
  for (const name of names) {
    const shown = factValue(record[name]);
    if (shown !== undefined) facts.push([name, shown]);
    if (facts.length === MAX_FACTS) break;
  }
  return facts;
}

function factValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length === 0 ? undefined : clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isMoney(value)) return formatMoney(value.amountMinor, value.currency);
  return undefined;
}

interface Money {
  readonly amountMinor: number | string;
  readonly currency: string;
}

function isMoney(value: unknown): value is Money {
  if (value === null || typeof value !== 'object') return false;
  const { amountMinor, currency } = value as Partial<Money>;
  const whole =
    (typeof amountMinor === 'number' && Number.isSafeInteger(amountMinor)) ||
    (typeof amountMinor === 'string' && /^-?\d{1,30}$/.test(amountMinor));
  return whole && typeof currency === 'string';
}

/** `EUR 12,000.00`, `JPY 5,000`: minor units turned into the currency's own decimals, exactly (no float). */
export function formatMoney(amountMinor: number | string, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // not an ISO 4217 code Intl knows: two decimals, as most currencies have
  }
  const minor = BigInt(amountMinor);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = BigInt(text.slice(0, text.length - digits)).toLocaleString('en-US');
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${currency} ${negative ? '-' : ''}${whole}${fraction}`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS - 1)}…` : line;
}

/** `OpportunityStageChanged` → `opportunity stage changed`; `repId` → `rep`. */
function words(name: string): string {
  return name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
