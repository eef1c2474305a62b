import type { OpportunityEvent, OpportunityOpened } from '../domain/opportunity.events.js';
import type { OpportunityListRow } from './opportunity-list.table.js';

type Changes = Partial<Omit<OpportunityListRow, 'tenant_id' | 'opportunity_id'>>;

/** What a search for `q` matches: the name and the account, lower-cased once when written. */
export const searchTextOf = (name: string, account: string | null): string =>
  [name, account].filter(Boolean).join(' ').toLowerCase();

/** The row a deal starts with; every value comes from the event, so a rebuild writes the same row. */
export function openedRow(tenantId: string, revision: bigint, event: OpportunityOpened): OpportunityListRow {
  const d = event.data;
  return {
    tenant_id: tenantId,
    opportunity_id: d.opportunityId,
    name: d.name,
    account: d.account,
    origin: d.origin,
    lead_id: d.lead?.leadId ?? null,
    source: d.lead?.source ?? null,
    // Deals opened before team and region travelled with the opening have neither.
    team: d.team ?? null,
    region: d.region ?? null,
    pipeline_id: d.pipelineId,
    pipeline_version: d.pipelineVersion,
    stage_id: d.stageId,
    status: 'open',
    probability_bp: d.probabilityBp,
    forecast_category: d.forecastCategory,
    amount_minor: d.amount?.amountMinor ?? null,
    currency: d.amount?.currency ?? null,
    close_date: d.closeDate,
    owner_id: d.owner,
    ar_id: d.owner,
    sr_id: null,
    fr_id: null,
    sponsor_id: null,
    leader_id: d.owner,
    pending_handoff_to: null,
    loss_reason: null,
    won_quote_version: null,
    opened_at: d.at,
    updated_at: d.at,
    closed_at: null,
    revision: revision.toString(),
    search_text: searchTextOf(d.name, d.account),
  };
}

/** How one later event changes the deal's row (the same facts the decider's evolve keeps). */
export function listChangesFor(event: Exclude<OpportunityEvent, OpportunityOpened>, row: OpportunityListRow): Changes {
  switch (event.type) {
    case 'OpportunityRenamed':
      return { name: event.data.name, search_text: searchTextOf(event.data.name, row.account) };
    case 'OpportunityAmountChanged':
      return { amount_minor: event.data.amount?.amountMinor ?? null, currency: event.data.amount?.currency ?? null };
    case 'OpportunityCloseDateChanged':
      return { close_date: event.data.closeDate };
    case 'OpportunityProbabilityChanged':
      return { probability_bp: event.data.probabilityBp };
    case 'OpportunityStageChanged':
      return {
        stage_id: event.data.stageId,
        pipeline_version: event.data.pipelineVersion,
        probability_bp: event.data.probabilityBp,
        forecast_category: event.data.forecastCategory,
      };
    case 'OpportunityWon':
      return {
        status: 'won',
        stage_id: event.data.stageId,
        pipeline_version: event.data.pipelineVersion,
        probability_bp: 10_000,
        forecast_category: 'closed',
        amount_minor: event.data.amount.amountMinor,
        currency: event.data.amount.currency,
        won_quote_version: event.data.quoteVersion,
        closed_at: event.data.at,
      };
    case 'OpportunityLost':
      return {
        status: 'lost',
        stage_id: event.data.stageId,
        pipeline_version: event.data.pipelineVersion,
        probability_bp: 0,
        forecast_category: 'omitted',
        loss_reason: event.data.reasonCode,
        closed_at: event.data.at,
      };
    case 'OpportunityReopened':
      return {
        status: 'open',
        stage_id: event.data.stageId,
        probability_bp: event.data.probabilityBp,
        forecast_category: event.data.forecastCategory,
        loss_reason: null,
        won_quote_version: null,
        closed_at: null,
      };
    case 'TriangleFormed': {
      const { ar, sr, fr, sponsor } = event.data;
      return { ar_id: ar, owner_id: ar, sr_id: sr, fr_id: fr, sponsor_id: sponsor };
    }
    case 'TriangleMemberChanged':
      return seatChange(event.data.seat, event.data.personId);
    case 'HandoffRequested':
      return { pending_handoff_to: event.data.to };
    case 'HandoffAccepted':
      return { leader_id: event.data.to, pending_handoff_to: null };
    case 'HandoffDeclined':
      return { pending_handoff_to: null };
    case 'HandoffOverdue':
    case 'HandoffEscalated':
    case 'QuoteVersionCreated':
    case 'QuoteApprovalRequested':
    case 'QuoteApproved':
    case 'QuoteRejected':
    case 'QuoteSent':
    case 'BidSubmitted':
    case 'CustomerAnswerRecorded':
      // The detail reads these from the deal's stream; the list row keeps no quote or bid facts.
      return {};
  }
}

function seatChange(seat: 'ar' | 'sr' | 'fr' | 'sponsor', personId: string | null): Changes {
  switch (seat) {
    // A changed AR is a change of the deal's owner; the AR seat is never emptied.
    case 'ar':
      return personId === null ? {} : { ar_id: personId, owner_id: personId };
    case 'sr':
      return { sr_id: personId };
    case 'fr':
      return { fr_id: personId };
    case 'sponsor':
      return { sponsor_id: personId };
  }
}
