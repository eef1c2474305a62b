import { DomainError } from '#ltc/kernel';
import type { PipelineStage, StageGate } from './pipeline.types.js';
import type { Opportunity } from './opportunity.state.js';
import { quoteOf } from './opportunity.state.js';

/** The stable code a refused move answers with, one per gate, so clients can say what is missing. */
export const GATE_CODES: Readonly<Record<StageGate, string>> = {
  triangle_has_sr: 'GATE_SR_REQUIRED',
  quote_sent: 'GATE_QUOTE_NOT_SENT',
  winning_quote_sent: 'GATE_WINNING_QUOTE_NOT_SENT',
};

/** Whether the deal meets `gate`; `winningQuote` is the version a win names (none for a stage move). */
function meets(deal: Opportunity, gate: StageGate, winningQuote: number | null): boolean {
  switch (gate) {
    case 'triangle_has_sr':
      return deal.triangle.sr !== null;
    case 'quote_sent':
      return deal.quotes.some((quote) => quote.status === 'sent');
    case 'winning_quote_sent':
      // Sent implies approved wherever approval was needed: an unapproved quote cannot be sent.
      return winningQuote !== null && quoteOf(deal, winningQuote)?.status === 'sent';
  }
}

/** Refuses entering `stage` with a 409 naming the first gate the deal does not meet. */
export function checkGates(deal: Opportunity, stage: PipelineStage, winningQuote: number | null = null): void {
  const unmet = stage.gates.find((gate) => !meets(deal, gate, winningQuote));
  if (unmet === undefined) return;
  throw new DomainError(
    GATE_CODES[unmet],
    `Opportunity ${deal.opportunityId} cannot enter ${stage.id}: gate ${unmet} is not met`,
    {
      stageId: stage.id,
      gate: unmet,
    },
  );
}
