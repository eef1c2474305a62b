import type { RecordedEvent } from '#ltc/event-store';
import type { HistoryContribution } from '#ltc/platform';

const DEAL_STREAM_PREFIX = 'opportunity-';

/** How deals read in their histories: a deal's own stream (`opportunity-<dealId>`) is the deal's from its first event. */
export const opportunityHistory: HistoryContribution = {
  streamKinds: { opportunity: 'opportunity', pipeline: 'pipeline' },
  dealLinks: (event: RecordedEvent) =>
    event.revision === 0n && event.stream.startsWith(DEAL_STREAM_PREFIX)
      ? [{ stream: event.stream, dealId: event.stream.slice(DEAL_STREAM_PREFIX.length) }]
      : [],
};
