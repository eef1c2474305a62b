import type { ChainAnchor, ChainBreak, ChainBreakReason, ChainReport } from '#ltc/event-store';

/** What each kind of break means, for people reading a report. */
export const CHAIN_BREAK_MEANING: Readonly<Record<ChainBreakReason, string>> = {
  content_changed:
    'the stored event is not the one appended: its data, metadata, type, id or place changed (or the event before it changed and its hash was recomputed)',
  unchained: 'the event carries no chain hash',
  revision_gap: 'the stream skips or repeats a revision here: an event before it was removed or moved',
  anchor_mismatch:
    'the event at this anchored revision is not the one anchored: the stream was rewritten from here back',
  anchor_missing: 'the stream no longer reaches this anchored revision: events were removed from its end',
};

export interface ChainBreakView {
  readonly stream: string;
  readonly revision: string;
  readonly position: string | null;
  readonly eventId: string | null;
  readonly reason: ChainBreakReason;
  readonly meaning: string;
}

export interface ChainReportView {
  readonly ok: boolean;
  readonly headPosition: string;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly anchorsChecked: number;
  readonly breaks: readonly ChainBreakView[];
}

/** The report with positions as decimal strings (they can exceed 2^53), as the API and `ltc audit verify --json` give it. */
export function chainReportView(report: ChainReport): ChainReportView {
  return {
    ok: report.breaks.length === 0,
    headPosition: report.headPosition.toString(),
    eventsChecked: report.eventsChecked,
    streamsChecked: report.streamsChecked,
    anchorsChecked: report.anchorsChecked,
    breaks: report.breaks.map(breakView),
  };
}

function breakView(found: ChainBreak): ChainBreakView {
  return {
    stream: found.stream,
    revision: found.revision.toString(),
    position: found.position?.toString() ?? null,
    eventId: found.eventId ?? null,
    reason: found.reason,
    meaning: CHAIN_BREAK_MEANING[found.reason],
  };
}

/** The file `ltc audit anchor` writes: every stream's chain head, to keep outside the database. */
export interface ChainAnchorFile {
  readonly kind: 'ltc-chain-anchors';
  readonly version: 1;
  readonly createdAt: string;
  readonly headPosition: string;
  readonly tenantId: string | null;
  readonly anchors: readonly { readonly stream: string; readonly revision: string; readonly chainHash: string }[];
}

export function chainAnchorFile(
  anchors: readonly ChainAnchor[],
  headPosition: bigint,
  tenantId: string | undefined,
  now: Date,
): ChainAnchorFile {
  return {
    kind: 'ltc-chain-anchors',
    version: 1,
    createdAt: now.toISOString(),
    headPosition: headPosition.toString(),
    tenantId: tenantId ?? null,
    anchors: anchors.map((anchor) => ({ ...anchor, revision: anchor.revision.toString() })),
  };
}

/** Reads an anchor file back; a clear message for anything that is not one. */
export function anchorsFromFile(text: string): ChainAnchor[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError('the anchor file is not JSON');
  }
  const file = parsed as Partial<ChainAnchorFile> | null;
  if (file?.kind !== 'ltc-chain-anchors' || file.version !== 1 || !Array.isArray(file.anchors)) {
    throw new TypeError('the anchor file is not one `ltc audit anchor` wrote (kind ltc-chain-anchors, version 1)');
  }
  return file.anchors.map((anchor, index) => {
    const { stream, revision, chainHash } = (anchor ?? {}) as Partial<ChainAnchorFile['anchors'][number]>;
    if (
      typeof stream !== 'string' ||
      typeof revision !== 'string' ||
      !/^\d+$/.test(revision) ||
      typeof chainHash !== 'string'
    ) {
      throw new TypeError(`anchor ${index + 1} needs a stream, a revision (digits) and a chainHash`);
    }
    return { stream, revision: BigInt(revision), chainHash };
  });
}
