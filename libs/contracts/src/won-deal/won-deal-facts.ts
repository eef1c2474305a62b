import type { Money } from '#ltc/kernel';
import type {
  OpportunityOpened,
  OpportunityReopened,
  OpportunityWon,
  TriangleFormed,
  TriangleMemberChanged,
} from '#ltc/opportunities/events';
import type { RecordedEvent } from '#ltc/event-store';

/** What a contract takes over from its won deal. */
export interface WonDealFacts {
  readonly dealId: string;
  readonly name: string;
  readonly account: string | null;
  readonly pipelineId: string;
  readonly leadId: string | null;
  readonly source: string | null;
  readonly quoteVersion: number;
  readonly quoteTotal: Money;
  readonly triangle: {
    readonly ar: string;
    readonly sr: string | null;
    readonly fr: string | null;
    readonly sponsor: string | null;
  };
  readonly wonAt: string;
  readonly openedAt: string;
}

type DealEvent = OpportunityOpened | OpportunityWon | OpportunityReopened | TriangleFormed | TriangleMemberChanged;
const FOLDED: ReadonlySet<string> = new Set([
  'OpportunityOpened',
  'OpportunityWon',
  'OpportunityReopened',
  'TriangleFormed',
  'TriangleMemberChanged',
]);

/**
 * The facts of a won deal, folded from its stream's events as the opportunities context publishes
 * them (types only: this context never imports that one). Null while the deal is not won: never
 * opened, still open, lost, or reopened after its win. Pass the events up to the moment that
 * matters (a process manager: up to the win it handles), so a replay reads the same facts.
 */
export function wonDealFacts(events: readonly RecordedEvent[]): WonDealFacts | null {
  const { opened, won, triangle } = foldDeal(events);
  if (opened === null || won === null || triangle === null) return null;
  return {
    dealId: opened.opportunityId,
    name: opened.name,
    account: opened.account,
    pipelineId: opened.pipelineId,
    leadId: opened.lead?.leadId ?? null,
    source: opened.lead?.source ?? null,
    quoteVersion: won.quoteVersion,
    quoteTotal: won.amount,
    triangle,
    wonAt: won.at,
    openedAt: opened.at,
  };
}

/** The deal's triangle as its events leave it, won or not (null before it is opened): who may ask about it. */
export const dealTriangle = (events: readonly RecordedEvent[]): WonDealFacts['triangle'] | null =>
  foldDeal(events).triangle;

/**
 * The team the deal was opened in (docs/adr/0024), whose sales manager sees its contract; null
 * for none (or before it is opened). Fixed at the opening: no later event moves it.
 */
export const dealTeam = (events: readonly RecordedEvent[]): string | null => foldDeal(events).opened?.team ?? null;

interface FoldedDeal {
  readonly opened: OpportunityOpened['data'] | null;
  readonly won: OpportunityWon['data'] | null;
  readonly triangle: WonDealFacts['triangle'] | null;
}

function foldDeal(events: readonly RecordedEvent[]): FoldedDeal {
  let opened: OpportunityOpened['data'] | null = null;
  let won: OpportunityWon['data'] | null = null;
  let triangle: WonDealFacts['triangle'] | null = null as WonDealFacts['triangle'] | null;
  for (const recorded of events) {
    if (!FOLDED.has(recorded.type)) continue;
    const event = { type: recorded.type, data: recorded.data } as DealEvent;
    switch (event.type) {
      case 'OpportunityOpened':
        opened = event.data;
        triangle = { ar: event.data.owner, sr: null, fr: null, sponsor: null };
        break;
      case 'TriangleFormed':
        triangle = { ar: event.data.ar, sr: event.data.sr, fr: event.data.fr, sponsor: event.data.sponsor };
        break;
      case 'TriangleMemberChanged':
        if (triangle !== null) triangle = withSeat(triangle, event.data.seat, event.data.personId);
        break;
      case 'OpportunityWon':
        won = event.data;
        break;
      case 'OpportunityReopened':
        won = null;
        break;
    }
  }
  return { opened, won, triangle };
}

function withSeat(
  triangle: WonDealFacts['triangle'],
  seat: TriangleMemberChanged['data']['seat'],
  personId: string | null,
): WonDealFacts['triangle'] {
  // The AR seat is never empty (the deal's owner); the event never clears it.
  if (seat === 'ar') return personId === null ? triangle : { ...triangle, ar: personId };
  return { ...triangle, [seat]: personId };
}
