import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '#ltc/clock';
import { EVENT_STORE, type Actor, type EventStore } from '#ltc/event-store';
import { READ_RECORDED, readAuditStream, type ReadRecordedData } from './read-recorded.event.js';

/** One read to record. */
export interface AuditedReadEntry {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly kind: string;
  readonly target: string | null;
  readonly filters?: Readonly<Record<string, string>>;
  readonly format: string;
  readonly route: string;
  readonly records?: number;
}

/**
 * Records reads of audited data as `ReadRecorded` events in the tenant's read log, so they
 * sit under the same hash chains as every change and nobody edits them away with a SQL
 * statement. Routes use `@AuditedRead(kind)`; anything that reads outside a route (the CLI,
 * a job) calls `record` itself.
 */
@Injectable()
export class ReadAudit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: AuditedReadEntry): Promise<void> {
    const at = this.clock.now();
    const commandId = randomUUID();
    const data: ReadRecordedData = {
      kind: entry.kind,
      target: entry.target,
      filters: entry.filters ?? {},
      format: entry.format,
      route: entry.route,
      at: at.toISOString(),
      ...(entry.records !== undefined ? { records: entry.records } : {}),
    };
    const correlationId = entry.correlationId ?? commandId;
    await this.store.appendToStream(readAuditStream(entry.tenantId, at), [
      {
        type: READ_RECORDED,
        data,
        metadata: {
          actor: entry.actor,
          correlationId,
          causationId: correlationId,
          commandId,
          tenantId: entry.tenantId,
          schemaVersion: 1,
        },
      },
    ]);
  }
}
