import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * Tamper evidence (ADR 0021). Every event carries `chainHash`: a SHA-256 over its stream,
 * its revision, the previous event's `chainHash` and a digest of its own content (id, type,
 * data and metadata, in canonical JSON, RFC 8785). Changing, removing or reordering a stored
 * event breaks the link at exactly that event; the next one still links to the hash the
 * changed event carries, so the break is reported once, where it happened.
 *
 * The store computes the hash in the append, where it knows the revision and the previous
 * event; callers never set it.
 */

/** Bumped if the hashed layout ever changes; part of every link, so old links stay checkable. */
const LINK_PREFIX = 'ltc-event-chain-v1';

/** What an event's content digest covers: everything a reader gets back but its place in the log and its time. */
export interface ChainedContent {
  readonly id: string;
  readonly type: string;
  /** Hashed as its JSON form: the value appended and the value read back give one digest. */
  readonly data: unknown;
  /** Hashed as its JSON form, as `data`. */
  readonly metadata: unknown;
}

/**
 * The digest of one event's content, independent of its place in the stream, so a store can
 * compute it before it takes its write lock; the check recomputes it from a read.
 */
export function contentDigest(content: ChainedContent): string {
  return sha256(
    canonicalJson({ id: content.id, type: content.type, data: content.data ?? null, metadata: content.metadata }),
  );
}

/** The event's chain hash: its content digest bound to its stream, its revision and its predecessor. */
export function chainLink(
  previous: string | null | undefined,
  stream: string,
  revision: bigint,
  digest: string,
): string {
  return sha256(`${LINK_PREFIX}\n${previous ?? ''}\n${stream}\n${revision}\n${digest}`);
}

function sha256(text: string): string {
  // The one-shot form: half the cost of createHash() on an event-sized input, paid per append.
  return hash('sha256', text, 'hex');
}
