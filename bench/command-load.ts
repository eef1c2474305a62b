import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { StreamStateCache, handleCommand, type CommandEnvelope } from '#ltc/commanding';
import { SqliteEventStore, type EventMetadata } from '#ltc/event-store';
import {
  COMMANDS_PER_LEAD,
  commandFor,
  pipelineLeadDecider,
  streamOfLead,
  type PipelineCommand,
  type PipelineEvent,
} from './pipeline-lead.decider.js';
import { startStopwatch, type Elapsed } from './stopwatch.js';

/** What one run of the command workload produced. */
export interface CommandRun extends Elapsed {
  readonly commands: number;
  readonly failures: number;
  readonly firstFailure: string | undefined;
  /** Events in the log afterwards; must equal `commands`. */
  readonly events: bigint;
  /** Write transactions (fsyncs with durability full); commands / transactions = mean group-commit batch. */
  readonly transactions: number;
}

const ACTOR = { userId: 'bench', role: 'sales' } as const;
const TENANT = 'bench-tenant';
const NOW = '2025-01-01T09:00:00.000Z';

/**
 * Command `index` of the workload. Commands go round by round (every lead's capture,
 * then every lead's first move, …), so commands in flight together always touch
 * different streams and none waits on another, as with independent users.
 */
function commandAt(index: number, streams: number): { lead: number; command: PipelineCommand } {
  const lead = index % streams;
  return { lead, command: commandFor(lead, Math.floor(index / streams), NOW) };
}

/**
 * Drives the whole workload through the real `handleCommand` on a fresh
 * `SqliteEventStore`: `inFlight` async workers pull the next command from a shared
 * counter until none is left.
 */
export async function runStoreCommands(
  filename: string,
  durability: 'full' | 'normal',
  streams: number,
  inFlight: number,
): Promise<CommandRun> {
  const store = new SqliteEventStore({ filename, durability });
  // As in the app: the handler keeps recent streams' folded state and reads only newer events.
  const cache = new StreamStateCache<Parameters<typeof pipelineLeadDecider.evolve>[0]>();
  const total = streams * COMMANDS_PER_LEAD;
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < total; index = next++) {
      const { lead, command } = commandAt(index, streams);
      const envelope: CommandEnvelope<PipelineCommand> = {
        command,
        stream: streamOfLead(lead),
        commandId: `cmd-${index}`,
        idempotent: false,
        actor: ACTOR,
        tenantId: TENANT,
        correlationId: `req-${index}`,
        causationId: `req-${index}`,
      };
      try {
        await handleCommand(store, pipelineLeadDecider, envelope, { cache });
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    const stop = startStopwatch();
    await Promise.all(Array.from({ length: inFlight }, worker));
    const elapsed = stop();
    const events = await store.readHeadPosition();
    return { commands: total, ...elapsed, failures, firstFailure, events, transactions: store.committedTransactions };
  } finally {
    await store.close();
  }
}

interface RawRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: bigint;
}

/**
 * The floor: the same commands on bare better-sqlite3, synchronously, with no promises,
 * no store and no command handler: per command read the stream, parse, fold, decide,
 * check the last revision, insert; `perTransaction` commands per transaction (and fsync).
 */
export function runRawCommands(
  filename: string,
  synchronous: 'FULL' | 'NORMAL',
  streams: number,
  perTransaction: number,
): CommandRun {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(`
      CREATE TABLE events (
        position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, id TEXT NOT NULL,
        type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
    `);
    db.defaultSafeIntegers(true);
    const readStream = db.prepare<[string], RawRow>(
      'SELECT position, stream, revision, id, type, data, metadata, recorded_at FROM events WHERE stream = ? ORDER BY revision',
    );
    const lastRevision = db
      .prepare<[string], bigint>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .pluck();
    const insert = db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );

    const runOne = (index: number): void => {
      const { lead, command } = commandAt(index, streams);
      const stream = streamOfLead(lead);
      const history = readStream.all(stream).map((row) => ({
        revision: row.revision,
        type: row.type,
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as EventMetadata,
      }));
      const state = history.reduce(
        (s, e) => pipelineLeadDecider.evolve(s, { type: e.type, data: e.data } as PipelineEvent),
        pipelineLeadDecider.initialState(),
      );
      const decided = pipelineLeadDecider.decide(command, state);
      let revision = history.at(-1)?.revision ?? -1n;
      if ((lastRevision.get(stream) ?? -1n) !== revision) throw new Error(`Conflict on ${stream}`);
      const metadata: EventMetadata = {
        actor: ACTOR,
        correlationId: `req-${index}`,
        causationId: `req-${index}`,
        commandId: `cmd-${index}`,
        tenantId: TENANT,
        schemaVersion: 1,
      };
      for (const event of decided) {
        revision += 1n;
        const row = [stream, revision, randomUUID(), event.type, JSON.stringify(event.data)] as const;
        insert.run(...row, JSON.stringify(metadata), Date.now());
      }
    };
    const runBatch = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index += 1) runOne(index);
    });

    const total = streams * COMMANDS_PER_LEAD;
    let transactions = 0;
    const stop = startStopwatch();
    for (let from = 0; from < total; from += perTransaction) {
      runBatch.immediate(from, Math.min(total, from + perTransaction));
      transactions += 1;
    }
    const elapsed = stop();
    const events = db.prepare<[], bigint>('SELECT count(*) FROM events').pluck().get() ?? 0n;
    return { commands: total, ...elapsed, failures: 0, firstFailure: undefined, events, transactions };
  } finally {
    db.close();
  }
}
