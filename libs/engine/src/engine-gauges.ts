import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '#ltc/clock';
import { ENGINE_METRICS, READ_MODEL_DB, type EngineMetrics } from '#ltc/platform';
import { BackgroundJobs, ProjectionRunner, type ReadModelHandle, type SubscriberStatus } from '#ltc/projections';
import { timersDueBy } from '#ltc/timers';
import { ENGINE_OPTIONS, type EngineOptions } from './engine-options.js';

/** Gauges collected within this long of each other belong to one scrape. */
const SCRAPE_MS = 1_000;

/**
 * The gauges read at each scrape. Lag, states and the timer backlog come from the process that
 * runs the background jobs: a standby or an API process would only repeat what that one stored,
 * and a sum over replicas would count it twice. Every process tells whether it is the active one.
 */
@Injectable()
export class EngineGauges implements OnModuleInit {
  constructor(
    @Inject(ENGINE_METRICS) private readonly metrics: EngineMetrics,
    @Inject(ENGINE_OPTIONS) private readonly options: EngineOptions,
    @Inject(BackgroundJobs) private readonly jobs: BackgroundJobs,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const processRole = this.options.processRole ?? 'all';
    this.metrics.gauge(
      'ltc_background_jobs_active',
      '1 on the process that runs projections, process managers and timers; 0 on a standby or an API process',
      ['process_role'],
      async (set) => set({ process_role: processRole }, this.runsJobsHere() ? 1 : 0),
    );
    this.metrics.gauge(
      'ltc_projection_lag_events',
      'Events between a projection or process manager checkpoint and the head of the log',
      ['job', 'kind'],
      async (set) => {
        if (!this.runsJobsHere()) return;
        for (const status of await this.runner.status())
          set({ job: status.name, kind: status.kind }, Number(status.lag));
      },
    );
    this.metrics.gauge(
      'ltc_projection_state',
      '1 for the state each projection or process manager is in (live, catching_up, retrying, failed, …)',
      ['job', 'state'],
      async (set) => {
        if (!this.runsJobsHere()) return;
        for (const status of await this.statuses()) set({ job: status.name, state: status.state }, 1);
      },
    );
    this.metrics.gauge(
      'ltc_timers_due',
      'Durable timers due on the clock and not fired yet: the scheduler backlog',
      [],
      async (set) => {
        if (!this.runsJobsHere()) return;
        set({}, await timersDueBy(this.readModels.db, this.clock.now()));
      },
    );
  }

  private scrape: { readonly at: number; readonly statuses: Promise<SubscriberStatus[]> } | undefined;

  /** The runner's status, read once per scrape: both the lag and the state gauges come from it. */
  private statuses(): Promise<SubscriberStatus[]> {
    const now = Date.now();
    if (!this.scrape || now - this.scrape.at > SCRAPE_MS) this.scrape = { at: now, statuses: this.runner.status() };
    return this.scrape.statuses;
  }

  private runsJobsHere(): boolean {
    return this.options.runLoops && this.jobs.currentRole === 'active';
  }
}
