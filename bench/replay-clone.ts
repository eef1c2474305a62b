import { randomBytes, randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, EventToAppend, ExpectedRevision } from '#ltc/event-store';
import { SqliteEventStore } from '#ltc/event-store';

/**
 * A history to copy: the log of a seeded data folder, as runs of consecutive events of one
 * stream (one append each), kept as JSON text so that a copy is a text rewrite and a parse.
 */
export interface TemplateLog {
  readonly tenant: string;
  readonly events: number;
  readonly runs: readonly TemplateRun[];
}

interface TemplateRun {
  /** The stream's revision before the run: where the append expects the stream to stand. */
  readonly expected: ExpectedRevision;
  /** `{ stream, events: [{ id, type, data, metadata }] }` as JSON. */
  readonly json: string;
}

interface RunShape {
  readonly stream: string;
  readonly events: { id: string; type: string; data: unknown; metadata: EventMetadata }[];
}

/**
 * The ids of a history: UUIDs, and the 40-hex digests that name the leads' contact
 * reservations (`leadContact-<hash>`, one per tenant and contact). A 64-hex request hash
 * has no word boundary at 40 and stays as it is.
 */
const IDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{40}\b/gi;

/** Reads a seeded folder's log through the store, in log order, grouped into per-stream runs. */
export async function readTemplate(eventsFile: string, tenant: string): Promise<TemplateLog> {
  const store = new SqliteEventStore({ filename: eventsFile });
  try {
    const runs: TemplateRun[] = [];
    let current: RunShape | undefined;
    let firstRevision = 0n;
    let events = 0;
    const flush = (): void => {
      if (!current) return;
      runs.push({ expected: firstRevision === 0n ? 'no_stream' : firstRevision - 1n, json: JSON.stringify(current) });
    };
    for (let after = 0n; ;) {
      const page = await store.readAll({ after, maxCount: 1_000 });
      const last = page.at(-1);
      if (!last) break;
      for (const event of page) {
        events += 1;
        if (event.metadata.tenantId !== tenant) throw new Error(`template event ${event.id} is not of ${tenant}`);
        if (current?.stream !== event.stream) {
          flush();
          current = { stream: event.stream, events: [] };
          firstRevision = event.revision;
        }
        current.events.push({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
      }
      after = last.position;
    }
    flush();
    return { tenant, events, runs };
  } finally {
    await store.close();
  }
}

/**
 * One copy of the template as another tenant: every id (in stream names, event ids, data,
 * correlation, causation and command ids) replaced by a fresh one, the same one wherever
 * the template had the same id, and the tenant's name replaced wherever it appears
 * (tenant-scoped stream names such as `team-<tenant>:nordics`, metadata, timer contexts).
 * Returns the id map, so a caller can find a known record of the template in the copy.
 */
export async function appendCopy(
  store: EventStore,
  template: TemplateLog,
  tenant: string,
): Promise<ReadonlyMap<string, string>> {
  const ids = new Map<string, string>();
  const fresh = (id: string): string => {
    const key = id.toLowerCase();
    let mapped = ids.get(key);
    if (mapped === undefined) ids.set(key, (mapped = key.length === 40 ? randomDigest() : randomUUID()));
    return mapped;
  };
  for (const run of template.runs) {
    const copied = JSON.parse(run.json.replace(IDS, fresh).replaceAll(template.tenant, tenant)) as RunShape;
    const events: EventToAppend[] = copied.events;
    await store.appendToStream(copied.stream, events, { expectedRevision: run.expected });
  }
  return ids;
}

const randomDigest = (): string => randomBytes(20).toString('hex');

export interface CloneProgress {
  readonly copies: number;
  readonly events: number;
}

/**
 * Appends `copies` copies of the template, `inFlight` copies at a time: each copy's runs go
 * one after the other (its log order is the template's, causes before effects), while the
 * copies in flight interleave like tenants working at once and share group commits.
 */
export async function appendCopies(
  store: EventStore,
  template: TemplateLog,
  tenantOf: (copy: number) => string,
  copies: number,
  inFlight: number,
  onProgress: (progress: CloneProgress) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let copy = next++; copy < copies; copy = next++) {
      await appendCopy(store, template, tenantOf(copy));
      done += 1;
      onProgress({ copies: done, events: done * template.events });
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, copies) }, worker));
}
