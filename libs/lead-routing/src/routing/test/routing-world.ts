import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '#ltc/clock';
import { handleCommand, type CommandDispatcher, type DispatchContext, type DispatchableCommand } from '#ltc/commanding';
import { SqliteEventStore, type RecordedEvent } from '#ltc/event-store';
import { ProjectionRunner, openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema } from '#ltc/testing';
import { DueTimersProjection, TimerScheduler, TimerService } from '#ltc/timers';
import { type LeadCommand, leadDecider, type LeadProfile } from '#ltc/leads/domain';
import { leadStream, leadListProjection, unassignedQueueProjection } from '#ltc/leads';
import { distributionPolicyDecider } from '../../distribution/domain/distribution-policy.decider.js';
import { distributionPolicyStream } from '../../distribution/distribution-policy.stream.js';
import type { DirectoryRep, RepDirectory } from '../../distribution/rep-directory.port.js';
import { LeadRoutingProcessManager } from '../lead-routing.process-manager.js';

export const TENANT = 'acme';

/** Reps and managers kept in memory, changeable during a test. */
export class InMemoryRepDirectory implements RepDirectory {
  readonly reps = new Map<string, DirectoryRep>();
  readonly managers = new Map<string, string>();

  add(repId: string, overrides: Partial<DirectoryRep> = {}): void {
    this.reps.set(repId, {
      repId,
      active: true,
      roles: ['ar'],
      availability: { status: 'active' },
      teamId: 'emea',
      territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
      capacity: { maxOpenLeads: 1000, dailyQuota: 0 },
      ...overrides,
    });
  }

  async listCandidates(_tenantId: string, teamId: string | null): Promise<DirectoryRep[]> {
    return [...this.reps.values()].filter((rep) => teamId === null || rep.teamId === teamId);
  }

  async findRep(_tenantId: string, repId: string): Promise<DirectoryRep | null> {
    return this.reps.get(repId) ?? null;
  }

  async managerOfTeam(_tenantId: string, teamId: string): Promise<string | null> {
    return this.managers.get(teamId) ?? null;
  }

  async managerOf(_tenantId: string, repId: string): Promise<string | null> {
    const teamId = this.reps.get(repId)?.teamId;
    return teamId ? (this.managers.get(teamId) ?? null) : null;
  }
}

const DATE_FIELDS = ['expiresAt', 'reactivateOn', 'recycleAt', 'at'];

/**
 * Sends `lead.<CommandType>` commands to the real lead decider, the way the lead
 * context's registry route does (ISO strings back to dates, the clock's now added).
 */
export class LeadCommandDispatcher implements CommandDispatcher {
  readonly sent: DispatchableCommand[] = [];

  constructor(
    private readonly store: SqliteEventStore,
    private readonly clock: ManualClock,
  ) {}

  async dispatch(command: DispatchableCommand, context: DispatchContext): Promise<void> {
    this.sent.push(command);
    const fields: Record<string, unknown> = { ...command.payload, type: command.type.replace(/^lead\./, '') };
    for (const field of DATE_FIELDS) {
      if (typeof fields[field] === 'string') fields[field] = new Date(fields[field]);
    }
    const leadId = String(fields['leadId']);
    await handleCommand(this.store, leadDecider, {
      command: { ...fields, now: this.clock.now() } as unknown as LeadCommand,
      stream: leadStream(leadId),
      commandId: context.idempotencyKey,
      idempotent: true,
      mustExist: { entity: 'Lead', id: leadId },
      actor: context.actor,
      tenantId: context.tenantId,
      correlationId: context.correlationId,
      causationId: context.causationId,
    });
  }
}

/** The routing process manager with everything it talks to, real but in a temp folder. */
export class RoutingWorld {
  private dropSchema: () => Promise<void> = async () => undefined;
  private leadReads = false;

  private constructor(
    readonly clock: ManualClock,
    readonly directory: InMemoryRepDirectory,
    readonly dir: string,
    readonly store: SqliteEventStore,
    readonly readModel: ReadModelHandle,
    readonly dispatcher: LeadCommandDispatcher,
    readonly runner: ProjectionRunner,
    readonly scheduler: TimerScheduler,
    readonly manager: LeadRoutingProcessManager,
  ) {}

  /**
   * Read models in SQLite, or (with `postgresUrl`) in a throw-away PostgreSQL schema. `leadReads`:
   * also run the lead list and the unassigned queue (for tests that read them).
   */
  static async start(
    options: { readonly postgresUrl?: string; readonly leadReads?: boolean } = {},
  ): Promise<RoutingWorld> {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-routing-'));
    const store = new SqliteEventStore({ filename: join(dir, 'events.db'), durability: 'normal', pollIntervalMs: 5 });
    const schema = options.postgresUrl ? await createTestSchema(options.postgresUrl, 'routing') : undefined;
    const readModel = await openReadModelDb({
      sqliteFilename: join(dir, 'read-models.db'),
      ...(options.postgresUrl && schema ? { url: options.postgresUrl, schema: schema.name } : {}),
    });
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const directory = new InMemoryRepDirectory();
    const dispatcher = new LeadCommandDispatcher(store, clock);
    const timers = new TimerService(store, clock);
    const dueTimers = new DueTimersProjection();
    const manager = new LeadRoutingProcessManager({ store, db: readModel.db, directory, clock });
    // Specs also hand events to the manager directly, before the runner (which would set it up) starts.
    await manager.setup(readModel.db);
    const runner = new ProjectionRunner({
      store,
      db: readModel.db,
      projections: options.leadReads ? [dueTimers, leadListProjection, unassignedQueueProjection] : [dueTimers],
      processManagers: [manager],
      dispatcher,
      timers,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const scheduler = new TimerScheduler({ store, db: readModel.db, dueTimers, dispatcher, clock, retryDelayMs: 10 });
    const world = new RoutingWorld(clock, directory, dir, store, readModel, dispatcher, runner, scheduler, manager);
    world.leadReads = options.leadReads ?? false;
    world.dropSchema = schema ? () => schema.drop() : async () => undefined;
    return world;
  }

  async run(): Promise<void> {
    await this.runner.start();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.runner.stop();
    await this.readModel.close();
    await this.store.close();
    await this.dropSchema();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Saves the tenant-wide distribution policy. */
  async setPolicy(policy: unknown, team = 'default'): Promise<void> {
    await handleCommand(this.store, distributionPolicyDecider, {
      command: { type: 'ChangeDistributionPolicy', team, policy, changedBy: 'maria', now: this.clock.now() },
      stream: distributionPolicyStream(TENANT, team),
      commandId: `policy-${Math.random().toString(36).slice(2)}`,
      idempotent: false,
      actor: { userId: 'maria', role: 'sales_manager' },
      tenantId: TENANT,
      correlationId: 'corr-policy',
      causationId: 'cause-policy',
    });
  }

  /** Captures a lead (as the capture route would) and returns its id. */
  async capture(leadId: string, profile: Partial<LeadProfile> = {}): Promise<string> {
    await this.leadCommand({
      type: 'CaptureLead',
      leadId,
      name: `Lead ${leadId}`,
      company: 'Nordfrakt AB',
      contact: { person: 'Ingrid', email: 'ingrid@nordfrakt.example', phone: null },
      source: 'website',
      region: 'EMEA',
      ...profile,
      now: this.clock.now(),
    });
    return leadId;
  }

  /** Runs a lead command as a person would (claims, accepts, contact attempts). */
  async leadCommand(command: LeadCommand, userId = 'someone'): Promise<void> {
    await handleCommand(this.store, leadDecider, {
      command,
      stream: leadStream(command.leadId),
      commandId: `cmd-${Math.random().toString(36).slice(2)}`,
      idempotent: false,
      actor: { userId, role: 'ar' },
      tenantId: TENANT,
      correlationId: `corr-${command.leadId}`,
      causationId: `cause-${command.leadId}`,
    });
  }

  /** Waits until routing and due_timers have handled everything, including what they caused. */
  async settle(): Promise<void> {
    for (;;) {
      const head = await this.store.readHeadPosition();
      await this.runner.waitFor('lead_routing', head, 20_000);
      await this.runner.waitFor('due_timers', head, 20_000);
      if (this.leadReads) {
        await this.runner.waitFor('lead_unassigned_queue', head, 20_000);
        await this.runner.waitFor('lead_list', head, 20_000);
      }
      if ((await this.store.readHeadPosition()) === head) return;
    }
  }

  /** Moves the clock and waits until the timers due by then have fired and their effects settled. */
  async advance(seconds: number): Promise<void> {
    this.clock.advance(seconds * 1000);
    const now = this.clock.now().toISOString();
    await eventually(async () => {
      const due = await this.readModel.db
        .withTables<{ due_timers: { due_at: string; timer_id: string } }>()
        .selectFrom('due_timers')
        .select('timer_id')
        .where('due_at', '<=', now)
        .execute();
      return due.length === 0;
    }, `timers due by ${now} to fire`);
    await this.settle();
  }

  /** Appends an organisation event on a rep's stream (as the organisation context would) and settles. */
  async repEvent(type: string, data: Readonly<Record<string, unknown>> & { readonly repId: string }): Promise<void> {
    const commandId = `rep-${Math.random().toString(36).slice(2)}`;
    await this.store.appendToStream(`rep-${TENANT}:${data.repId}`, [
      {
        type,
        data,
        metadata: {
          tenantId: TENANT,
          correlationId: commandId,
          causationId: commandId,
          actor: { userId: 'maria', role: 'sales_manager' },
          commandId,
          schemaVersion: 1,
        },
      },
    ]);
    await this.settle();
  }

  async events(leadId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(leadStream(leadId));
  }

  async types(leadId: string): Promise<string[]> {
    return (await this.events(leadId)).map((e) => e.type);
  }

  /** The data of the lead's last event of a type. */
  async last<T = Record<string, unknown>>(leadId: string, type: string): Promise<T | undefined> {
    const found = (await this.events(leadId)).filter((e) => e.type === type).at(-1);
    return found?.data as T | undefined;
  }
}

export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
