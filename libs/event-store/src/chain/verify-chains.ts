import { storedLayer, type EventStore } from '../event-store.port.js';
import type { RecordedEvent } from '../recorded-event.js';
import { readLog } from '../read-log.js';
import { chainLink, contentDigest } from './event-chain.js';

/** A stream's chain head at one moment, kept outside the store to catch a rewritten tail. */
export interface ChainAnchor {
  readonly stream: string;
  readonly revision: bigint;
  readonly chainHash: string;
}

/**
 * Why a link is broken:
 * - `content_changed`: the event's stored content or place is not what was hashed when it was
 *   appended (or the event before it was changed and its hash recomputed);
 * - `unchained`: the event carries no chain hash;
 * - `revision_gap`: the stream skips or repeats a revision (an event was removed or moved);
 * - `anchor_mismatch`: the event at an anchored revision is not the one anchored (the tail was
 *   rewritten with consistent hashes);
 * - `anchor_missing`: the stream no longer reaches an anchored revision (its tail was removed).
 */
export type ChainBreakReason = 'content_changed' | 'unchained' | 'revision_gap' | 'anchor_mismatch' | 'anchor_missing';

export interface ChainBreak {
  readonly stream: string;
  readonly revision: bigint;
  /** Undefined for `anchor_missing`: there is no event to point at. */
  readonly position: bigint | undefined;
  readonly eventId: string | undefined;
  readonly reason: ChainBreakReason;
}

export interface ChainProgress {
  readonly eventsChecked: number;
  readonly position: bigint;
  readonly headPosition: bigint;
}

export interface ChainReport {
  readonly headPosition: bigint;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly anchorsChecked: number;
  /** The first broken link of each stream that has one, in log order. */
  readonly breaks: readonly ChainBreak[];
}

export interface VerifyOptions {
  /** Only this tenant's events (an admin's check through the API); default: every event. */
  readonly tenantId?: string;
  /** Chain heads exported earlier (`chainAnchors`); each must still be in its stream. */
  readonly anchors?: readonly ChainAnchor[];
  readonly onProgress?: (progress: ChainProgress) => void;
  /** Events per read of the log; default 1,000. */
  readonly pageSize?: number;
}

interface StreamState {
  revision: bigint;
  hash: string | undefined;
  broken: boolean;
}

/**
 * Checks every chain link in the log, up to the head read at the start: one pass in log
 * order, keeping each stream's last hash. A stream's check goes on after its first break
 * (from the hash the broken event carries), so one changed event is reported once, there.
 */
export async function verifyEventChains(layered: EventStore, options: VerifyOptions = {}): Promise<ChainReport> {
  // The chain covers the bytes as stored (personal fields sealed), not events as readers see them.
  const store = storedLayer(layered);
  const headPosition = await store.readHeadPosition();
  const anchors = new Map((options.anchors ?? []).map((anchor) => [anchor.stream, anchor]));
  const streams = new Map<string, StreamState>();
  const breaks: ChainBreak[] = [];
  const report = (state: StreamState, found: ChainBreak): void => {
    if (state.broken) return;
    state.broken = true;
    breaks.push(found);
  };
  let eventsChecked = 0;
  await forEachEvent(
    store,
    headPosition,
    options.pageSize ?? 1_000,
    (event) => {
      if (options.tenantId !== undefined && event.metadata.tenantId !== options.tenantId) return;
      eventsChecked += 1;
      let state = streams.get(event.stream);
      if (!state) streams.set(event.stream, (state = { revision: -1n, hash: undefined, broken: false }));
      const found = (reason: ChainBreakReason): ChainBreak => ({
        stream: event.stream,
        revision: event.revision,
        position: event.position,
        eventId: event.id,
        reason,
      });
      if (event.revision !== state.revision + 1n) report(state, found('revision_gap'));
      if (event.chainHash === undefined) report(state, found('unchained'));
      else if (event.chainHash !== expectedLink(state.hash, event)) report(state, found('content_changed'));
      const anchor = anchors.get(event.stream);
      if (anchor?.revision === event.revision && anchor.chainHash !== event.chainHash) {
        report(state, found('anchor_mismatch'));
      }
      state.revision = event.revision;
      state.hash = event.chainHash;
    },
    (position) => options.onProgress?.({ eventsChecked, position, headPosition }),
  );
  for (const anchor of anchors.values()) {
    const state = streams.get(anchor.stream) ?? { revision: -1n, hash: undefined, broken: false };
    if (state.revision < anchor.revision) {
      report(state, {
        stream: anchor.stream,
        revision: anchor.revision,
        position: undefined,
        eventId: undefined,
        reason: 'anchor_missing',
      });
    }
  }
  return { headPosition, eventsChecked, streamsChecked: streams.size, anchorsChecked: anchors.size, breaks };
}

/** Every stream's chain head now: print it, keep it elsewhere, pass it to a later check. */
export async function chainAnchors(
  layered: EventStore,
  options: { readonly tenantId?: string; readonly pageSize?: number } = {},
): Promise<{ readonly headPosition: bigint; readonly anchors: ChainAnchor[] }> {
  const store = storedLayer(layered);
  const headPosition = await store.readHeadPosition();
  const heads = new Map<string, ChainAnchor>();
  await forEachEvent(store, headPosition, options.pageSize ?? 1_000, (event) => {
    if (options.tenantId !== undefined && event.metadata.tenantId !== options.tenantId) return;
    if (event.chainHash !== undefined) {
      heads.set(event.stream, { stream: event.stream, revision: event.revision, chainHash: event.chainHash });
    }
  });
  return { headPosition, anchors: [...heads.values()] };
}

function expectedLink(previous: string | undefined, event: RecordedEvent): string {
  const digest = contentDigest({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
  return chainLink(previous, event.stream, event.revision, digest);
}

async function forEachEvent(
  store: EventStore,
  headPosition: bigint,
  pageSize: number,
  visit: (event: RecordedEvent) => void,
  afterPage?: (position: bigint) => void,
): Promise<void> {
  for await (const event of readLog(store, { upTo: headPosition, pageSize, ...(afterPage ? { afterPage } : {}) })) {
    visit(event);
  }
}
