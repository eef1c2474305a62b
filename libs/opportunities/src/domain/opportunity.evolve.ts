import type { OpportunityEvent } from './opportunity.events.js';
import type { Handoff, Opportunity, OpportunityState, Quote } from './opportunity.state.js';

/** Folds one event into the deal. Never throws: history is what happened. */
export function evolveOpportunity(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  if (event.type === 'OpportunityOpened') {
    const d = event.data;
    return {
      status: 'open',
      opportunityId: d.opportunityId,
      lead: d.lead,
      name: d.name,
      amount: d.amount,
      closeDate: d.closeDate,
      probabilityBp: d.probabilityBp,
      forecastCategory: d.forecastCategory,
      pipelineId: d.pipelineId,
      stageId: d.stageId,
      // Deals opened before the team travelled with the opening have none.
      team: d.team ?? null,
      stageBeforeClose: null,
      triangleFormed: false,
      triangle: { ar: d.owner, sr: null, fr: null, sponsor: null },
      leader: d.owner,
      handoffs: [],
      quotes: [],
      bid: null,
      wonQuoteVersion: null,
    };
  }
  return state.status === 'none' ? state : evolveExisting(state, event);
}

function evolveExisting(
  deal: Opportunity,
  event: Exclude<OpportunityEvent, { type: 'OpportunityOpened' }>,
): Opportunity {
  switch (event.type) {
    case 'OpportunityRenamed':
      return { ...deal, name: event.data.name };
    case 'OpportunityAmountChanged':
      return { ...deal, amount: event.data.amount };
    case 'OpportunityCloseDateChanged':
      return { ...deal, closeDate: event.data.closeDate };
    case 'OpportunityProbabilityChanged':
      return { ...deal, probabilityBp: event.data.probabilityBp };
    case 'OpportunityStageChanged': {
      const { stageId, probabilityBp, forecastCategory } = event.data;
      return { ...deal, stageId, probabilityBp, forecastCategory };
    }
    case 'OpportunityWon':
      return {
        ...deal,
        status: 'won',
        stageId: event.data.stageId,
        stageBeforeClose: event.data.previousStageId,
        probabilityBp: 10_000,
        forecastCategory: 'closed',
        amount: event.data.amount,
        wonQuoteVersion: event.data.quoteVersion,
      };
    case 'OpportunityLost':
      return {
        ...deal,
        status: 'lost',
        stageId: event.data.stageId,
        stageBeforeClose: event.data.previousStageId,
        probabilityBp: 0,
        forecastCategory: 'omitted',
      };
    case 'OpportunityReopened': {
      const { stageId, probabilityBp, forecastCategory } = event.data;
      return {
        ...deal,
        status: 'open',
        stageId,
        probabilityBp,
        forecastCategory,
        stageBeforeClose: null,
        wonQuoteVersion: null,
      };
    }
    case 'TriangleFormed': {
      const { ar, sr, fr, sponsor } = event.data;
      return { ...deal, triangleFormed: true, triangle: { ar, sr, fr, sponsor } };
    }
    case 'TriangleMemberChanged': {
      const { seat, personId } = event.data;
      // The AR seat is never emptied (the command requires an AR), so a null here is only ever another seat's.
      if (seat === 'ar') return personId === null ? deal : { ...deal, triangle: { ...deal.triangle, ar: personId } };
      return { ...deal, triangle: { ...deal.triangle, [seat]: personId } };
    }
    case 'HandoffRequested': {
      const { handoffId, from, to, phase, dueAt, escalateAt, at } = event.data;
      const handoff: Handoff = {
        handoffId,
        from,
        to,
        phase,
        status: 'pending',
        requestedAt: at,
        dueAt,
        escalateAt,
        overdue: false,
        escalated: false,
      };
      return { ...deal, handoffs: [...deal.handoffs, handoff] };
    }
    case 'HandoffAccepted':
      return { ...withHandoff(deal, event.data.handoffId, { status: 'accepted' }), leader: event.data.to };
    case 'HandoffDeclined':
      return withHandoff(deal, event.data.handoffId, { status: 'declined' });
    case 'HandoffOverdue':
      return withHandoff(deal, event.data.handoffId, { overdue: true });
    case 'HandoffEscalated':
      return withHandoff(deal, event.data.handoffId, { overdue: true, escalated: true });
    case 'QuoteVersionCreated': {
      const { version, currency, lines, subtotalMinor, discountMinor, totalMinor, validUntil, needsApproval } =
        event.data;
      const quote: Quote = {
        content: { version, currency, lines, subtotalMinor, discountMinor, totalMinor, validUntil, needsApproval },
        status: 'draft',
        approvalRequestedBy: null,
      };
      return { ...deal, quotes: [...deal.quotes, quote] };
    }
    case 'QuoteApprovalRequested':
      return withQuote(deal, event.data.version, {
        status: 'approval_requested',
        approvalRequestedBy: event.data.actor,
      });
    case 'QuoteApproved':
      return withQuote(deal, event.data.version, { status: 'approved' });
    case 'QuoteRejected':
      return withQuote(deal, event.data.version, { status: 'rejected' });
    case 'QuoteSent':
      return withQuote(deal, event.data.version, { status: 'sent' });
    case 'BidSubmitted':
      return { ...deal, bid: { quoteVersion: event.data.quoteVersion, answer: null } };
    case 'CustomerAnswerRecorded':
      return deal.bid === null ? deal : { ...deal, bid: { ...deal.bid, answer: event.data.answer } };
    default: {
      const unknown: never = event;
      void unknown;
      return deal;
    }
  }
}

function withHandoff(deal: Opportunity, handoffId: string, change: Partial<Handoff>): Opportunity {
  return { ...deal, handoffs: deal.handoffs.map((h) => (h.handoffId === handoffId ? { ...h, ...change } : h)) };
}

/** Changes a version's status only: its content (lines, totals) is never touched after creation. */
function withQuote(deal: Opportunity, version: number, change: Partial<Omit<Quote, 'content'>>): Opportunity {
  return { ...deal, quotes: deal.quotes.map((q) => (q.content.version === version ? { ...q, ...change } : q)) };
}
