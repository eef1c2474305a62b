import { useEffect, useState } from 'react';
import { settle, type Schemas } from '../api/client';
import { hrefOf } from '../hash-route';
import { Loading, ProblemMessage } from '../ui/feedback';
import { useLiveRefresh } from '../ui/live';
import { useLoad, type Loaded } from '../ui/use-load';
import { useSession } from '../ui/session-context';
import { timeLeft } from '../time-left';

/**
 * What waits for the caller: lead offers and deal handoffs to accept, own leads whose first
 * contact clock runs (the response target, 5 minutes unless configured), and attempts due.
 */
export function Inbox() {
  const { client, identity } = useSession();
  const me = identity.userId;
  const offers = useLoad(
    () => settle(client.GET('/leads', { params: { query: { status: ['offered'], order: 'priority', limit: 50 } } })),
    'offers',
  );
  const firstContact = useLoad(
    () =>
      settle(
        client.GET('/leads', {
          params: { query: { owner: me, status: ['assigned'], order: 'priority', limit: 50 } },
        }),
      ),
    `first-contact-${me}`,
  );
  const due = useLoad(() => settle(client.GET('/reps/{id}/attempts-due', { params: { path: { id: me } } })), me);
  const handoffs = useLoad(() => settle(client.GET('/me/inbox')), 'handoffs');
  useLiveRefresh(
    (change) => change.stream.startsWith('lead-'),
    () => {
      offers.reload();
      firstContact.reload();
      due.reload();
    },
  );
  useLiveRefresh((change) => !change.stream.startsWith('lead-'), handoffs.reload);
  const now = useNow();
  const myOffers = offers.data?.items.filter((lead) => lead.offeredTo === me) ?? [];
  const waiting = firstContact.data?.items.filter((lead) => lead.firstContactAt == null) ?? [];

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">My inbox</h1>
      <Panel title="Lead offers to accept" loaded={offers} count={myOffers.length} empty="No lead is offered to you.">
        <ul>
          {myOffers.map((lead) => (
            <li key={lead.id}>
              <a href={hrefOf({ screen: 'lead', leadId: lead.id })}>{lead.name}</a>{' '}
              {lead.company && `· ${lead.company}`}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel
        title="Waiting for first contact"
        loaded={firstContact}
        count={waiting.length}
        empty="Every lead of yours has had its first contact."
      >
        <ul>
          {waiting.map((lead) => (
            <li key={lead.id} className={`sla-${lead.slaState}`}>
              <a href={hrefOf({ screen: 'lead', leadId: lead.id })}>{lead.name}</a>{' '}
              <span data-testid="clock">{lead.responseDueAt ? timeLeft(lead.responseDueAt, now) : 'no target'}</span>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title="Attempts due" loaded={due} count={due.data?.items.length ?? 0} empty="No contact attempt is due.">
        <ul>
          {due.data?.items.map((item) => (
            <li key={item.leadId} className={item.overdue ? 'overdue' : undefined}>
              <a href={hrefOf({ screen: 'lead', leadId: item.leadId })}>Lead {item.leadId.slice(0, 8)}</a> · attempt{' '}
              {item.attempts + 1} of {item.target} · {timeLeft(item.nextAttemptDueAt, now)}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel
        title="Deal handoffs to accept"
        loaded={handoffs}
        count={handoffs.data?.handoffs.length ?? 0}
        empty="No handoff waits for you."
      >
        <ul>
          {handoffs.data?.handoffs.map((handoff: Schemas['HandoffView']) => (
            <li key={handoff.handoffId} className={handoff.overdue ? 'overdue' : undefined}>
              {handoff.dealName}: {handoff.phase} from {handoff.from} · {timeLeft(handoff.dueAt, now)}
            </li>
          ))}
        </ul>
      </Panel>
    </section>
  );
}

function Panel<T>({
  title,
  loaded,
  count,
  empty,
  children,
}: {
  readonly title: string;
  readonly loaded: Loaded<T>;
  readonly count: number;
  readonly empty: string;
  readonly children: React.ReactNode;
}) {
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title} {loaded.data !== undefined && <span className="count">{count}</span>}
      </h2>
      {loaded.problem && <ProblemMessage problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data === undefined && loaded.loading && <Loading what={title.toLowerCase()} />}
      {loaded.data !== undefined && (count === 0 ? <p className="empty">{empty}</p> : children)}
    </section>
  );
}

/** The clock the countdowns are read from, ticking each second. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
