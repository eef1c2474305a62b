import { ManualClock } from '#ltc/clock';
import { exportedEvents, ndjsonLines, runCli, type ExportedEvent } from './support/cli.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually } from './support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MINUTE = 60_000;

/** One SLA clock as a ticket's events tell it: a warning or breach counts under the plan it was raised in. */
interface ClockFromEvents {
  plan: number;
  state: string;
  warned: boolean;
  breached: boolean;
}

/** A ticket as the exported events tell it: nothing here comes from the engine's read models. */
interface TicketFromEvents {
  readonly acceptedAt: string;
  priority: string;
  status: string;
  responseOnTime: boolean | null;
  resolutionOnTime: boolean | null;
  readonly clocks: Record<'response' | 'resolution', ClockFromEvents>;
}

function ticketsFromEvents(events: readonly ExportedEvent[]): Map<string, TicketFromEvents> {
  const tickets = new Map<string, TicketFromEvents>();
  const clock = (): ClockFromEvents => ({ plan: 0, state: 'stopped', warned: false, breached: false });
  for (const { type, data } of events) {
    if (type === 'TicketAccepted') {
      tickets.set(data['ticketId'], {
        acceptedAt: data['at'],
        priority: data['grading']['priority'],
        status: 'open',
        responseOnTime: null,
        resolutionOnTime: null,
        clocks: { response: clock(), resolution: clock() },
      });
      continue;
    }
    const ticket = tickets.get(data['ticketId']);
    if (!ticket) continue;
    const sla = ticket.clocks[data['clock'] as 'response' | 'resolution'];
    if (type === 'TicketGraded') ticket.priority = data['grading']['priority'];
    if (type === 'TicketSlaPlanned' && data['plan'] >= sla.plan) {
      // A plan that sets a new instant clears the warning or breach of the plans before it.
      Object.assign(sla, {
        plan: data['plan'],
        state: data['state'],
        warned: data['warnAt'] === null && sla.warned,
        breached: data['breachAt'] === null && sla.breached,
      });
    }
    if (type === 'TicketSlaWarned' && data['plan'] === sla.plan) sla.warned = true;
    if (type === 'TicketSlaBreached' && data['plan'] === sla.plan) sla.breached = true;
    if (type === 'TicketResponded') ticket.responseOnTime = data['withinTarget'];
    if (type === 'TicketResolved') [ticket.status, ticket.resolutionOnTime] = ['resolved', data['withinTarget']];
    if (type === 'TicketWaitStarted') ticket.status = 'waiting';
    if (['TicketWaitEnded', 'TicketReopened'].includes(type)) ticket.status = 'open';
    if (type === 'TicketVerified' && !data['passed']) ticket.status = 'open';
    if (type === 'TicketClosed') ticket.status = 'closed';
  }
  return tickets;
}

const basisPoints = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 10_000) / whole));

/** SLA attainment per priority or acceptance month, buckets in name order, as docs/domain.md defines it. */
function slaFromEvents(tickets: Iterable<TicketFromEvents>, groupBy: 'priority' | 'month'): Json[] {
  const buckets = new Map<string, TicketFromEvents[]>();
  for (const t of tickets) {
    const key = groupBy === 'priority' ? t.priority : t.acceptedAt.slice(0, 7);
    buckets.set(key, [...(buckets.get(key) ?? []), t]);
  }
  return [...buckets]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([bucket, members]) => {
      const count = (test: (t: TicketFromEvents) => boolean) => members.filter(test).length;
      const working = (t: TicketFromEvents) => t.status === 'open' || t.status === 'waiting';
      const clocks = (t: TicketFromEvents) => [t.clocks.response, t.clocks.resolution];
      const responses = count((t) => t.responseOnTime !== null);
      const responsesOnTime = count((t) => t.responseOnTime === true);
      const resolutions = count((t) => t.resolutionOnTime !== null);
      const resolutionsOnTime = count((t) => t.resolutionOnTime === true);
      return {
        bucket,
        tickets: members.length,
        responses,
        responsesOnTime,
        responseOnTimeBp: basisPoints(responsesOnTime, responses),
        resolutions,
        resolutionsOnTime,
        resolutionOnTimeBp: basisPoints(resolutionsOnTime, resolutions),
        responseBreaches: count((t) => t.clocks.response.breached),
        resolutionBreaches: count((t) => t.clocks.resolution.breached),
        atRisk: count((t) => working(t) && clocks(t).some((c) => c.state === 'running' && c.warned && !c.breached)),
        breached: count((t) => working(t) && clocks(t).some((c) => c.breached)),
      };
    });
}

/**
 * Tickets accepted on both sides of a month's end, answered on time, late after a breach, or
 * not yet, one resolved: SLA attainment per priority and per month from the route and from
 * `ltc export sla-attainment` equals a computation from `ltc export events --kind ticket` alone.
 */
describe('SLA attainment against the exported ticket events', () => {
  // Half an hour before April: a response clock breached on the way lands the next ticket in April.
  const clock = new ManualClock('2026-03-31T23:30:00.000Z');
  let w: ServiceWorld;
  let exported: Map<string, TicketFromEvents>;
  const ids: Record<string, string> = {};

  const sla = (query: string): Promise<Json> =>
    eventually(async () => {
      const read = await w.sales.app.request('GET', `/analytics/service/sla${query}`, { token: w.sam });
      const buckets = (read.body?.buckets ?? []) as Json[];
      const tickets = buckets.reduce((sum, b) => sum + (b['tickets'] as number), 0);
      const breaches = buckets.reduce((sum, b) => sum + (b['responseBreaches'] as number), 0);
      return read.status === 200 && tickets === 4 && breaches === 1 ? (read.body as Json) : undefined;
    }, 20_000);

  beforeAll(async () => {
    w = await ServiceWorld.start(clock);
    await w.policy();
    // P1 answered at once and resolved under an approved plan.
    ids['onTime'] = await w.ticket({ priority: 'P1' });
    await w.ok(w.ali, `/tickets/${ids['onTime']}/respond`, { message: 'On it' });
    await w.ok(w.ali, `/tickets/${ids['onTime']}/plan`, { summary: 'Swap the unit', steps: ['Ship', 'Swap'] });
    await w.ok(w.lena, `/tickets/${ids['onTime']}/plan/assess`, { decision: 'approved' });
    await w.ok(w.ali, `/tickets/${ids['onTime']}/plan/implemented`, { note: 'Swapped' });
    await w.ok(w.ali, `/tickets/${ids['onTime']}/resolve`, { resolution: 'Unit replaced' });
    // P1 left past its 10-minute response target, then answered late.
    ids['late'] = await w.ticket({ priority: 'P1' });
    await w.armed(ids['late'], 'response', ['warn', 'breach']);
    // P2 answered within its 20 minutes.
    ids['answered'] = await w.ticket({ priority: 'P2' });
    await w.ok(w.ali, `/tickets/${ids['answered']}/respond`, { message: 'Checking' });
    clock.advance(11 * MINUTE);
    await w.waitFor(ids['late'], 'TicketSlaBreached');
    await w.ok(w.ali, `/tickets/${ids['late']}/respond`, { message: 'Sorry for the wait' });
    clock.advance(20 * MINUTE);
    // P4 in April, not answered yet: its 40-minute response clock runs.
    ids['april'] = await w.ticket({ priority: 'P4' });
    await w.waitFor(ids['april'], 'TicketSlaPlanned', 2);
    await sla('');
    exported = ticketsFromEvents(await exportedEvents(w.sales.app, ['ticket']));
  }, 120_000);
  afterAll(() => w.sales.app.destroy());

  it('has the tickets the test drove, as the exported events tell them', () => {
    expect(
      Object.entries(ids).map(([name, id]) => {
        const t = exported.get(id)!;
        return [name, t.priority, t.acceptedAt.slice(0, 7), t.status, t.responseOnTime, t.resolutionOnTime];
      }),
    ).toEqual([
      ['onTime', 'P1', '2026-03', 'resolved', true, true],
      ['late', 'P1', '2026-03', 'open', false, null],
      ['answered', 'P2', '2026-03', 'open', true, null],
      ['april', 'P4', '2026-04', 'open', null, null],
    ]);
  });

  it.each(['priority', 'month'] as const)('answers SLA attainment per %s as computed from the events', async (by) => {
    const answer = await sla(`?groupBy=${by}`);
    expect(answer).toEqual({ groupBy: by, from: null, to: null, buckets: slaFromEvents(exported.values(), by) });
  });

  it('answers these exact figures per priority', async () => {
    const answer = await sla('?groupBy=priority');
    expect(
      answer['buckets'].map((b: Json) => [
        b['bucket'],
        b['tickets'],
        b['responsesOnTime'],
        b['responseOnTimeBp'],
        b['resolutionOnTimeBp'],
        b['responseBreaches'],
        b['breached'],
      ]),
    ).toEqual([
      ['P1', 2, 1, 5000, 10_000, 1, 1],
      ['P2', 1, 1, 10_000, null, 0, 0],
      ['P4', 1, 0, null, null, 0, 0],
    ]);
  });

  it('exports the same figures with the route’s filters, as NDJSON and CSV', async () => {
    const env = { LTC_URL: w.sales.app.baseUrl, LTC_TOKEN: w.sam, LOG_LEVEL: 'silent' };
    const march = { from: '2026-03-01', to: '2026-03-31' };
    const inMarch = [...exported.values()].filter((t) => t.acceptedAt.startsWith('2026-03'));
    const lines = ndjsonLines(
      await runCli(['export', 'sla-attainment', '--from', march.from, '--to', march.to, '--group-by', 'month'], env),
    );
    expect(lines).toEqual(
      slaFromEvents(inMarch, 'month').map(({ bucket, ...figures }) => ({
        ...march,
        groupBy: 'month',
        group: bucket,
        ...figures,
      })),
    );
    const byPriority = ndjsonLines(await runCli(['export', 'sla-attainment'], env));
    expect(byPriority).toEqual(
      slaFromEvents(exported.values(), 'priority').map(({ bucket, ...figures }) => ({
        from: null,
        to: null,
        groupBy: 'priority',
        group: bucket,
        ...figures,
      })),
    );
    const csv = await runCli(['export', 'sla-attainment', '--group-by', 'month', '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n')).toEqual([
      'from,to,groupBy,group,tickets,responses,responsesOnTime,responseOnTimeBp,resolutions,resolutionsOnTime,' +
        'resolutionOnTimeBp,responseBreaches,resolutionBreaches,atRisk,breached',
      ',,month,2026-03,3,3,2,6667,1,1,10000,1,0,0,1',
      ',,month,2026-04,1,0,0,,0,0,,0,0,0,0',
    ]);
    const ola = ndjsonLines(await runCli(['export', 'ola-attainment', '--group-by', 'group'], env));
    expect(ola).toEqual([]);
    const bad = await runCli(['export', 'sla-attainment', '--group-by', 'weekday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^400 /);
    expect((await runCli(['export', 'ola-attainment', '--from', '2026-03-01'], env)).code).toBe(2);
  }, 120_000);
});
