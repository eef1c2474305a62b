import { settle, type Schemas } from '../api/client';
import { hrefOf } from '../hash-route';
import { NO_FILTERS } from '../lead-filters';
import { Loading, ProblemMessage } from '../ui/feedback';
import { useLiveRecords } from '../ui/live';
import { useLoad } from '../ui/use-load';
import { useSession } from '../ui/session-context';
import { LeadActions } from './lead-actions';

type LeadDetailView = Schemas['LeadDetailView'];

/** One lead: facts, score breakdown, tags, attempts, why it went where it went, and every event. */
export function LeadDetail({ leadId }: { readonly leadId: string }) {
  const { client } = useSession();
  const lead = useLoad(() => settle(client.GET('/leads/{id}', { params: { path: { id: leadId } } })), leadId);
  useLiveRecords(
    lead,
    (data) => [{ stream: `lead-${data.id}`, revision: data.revision }],
    (change) => change.stream === `lead-${leadId}`,
  );
  return (
    <section aria-labelledby="lead-title">
      <p>
        <a href={hrefOf({ screen: 'leads', filters: NO_FILTERS })}>← Lead desk</a>
      </p>
      {lead.problem && <ProblemMessage problem={lead.problem} onRetry={lead.reload} />}
      {lead.data === undefined && lead.loading && <Loading what="the lead" />}
      {lead.data !== undefined && <LeadFacts lead={lead.data} onChanged={lead.reload} />}
    </section>
  );
}

function LeadFacts({ lead, onChanged }: { readonly lead: LeadDetailView; readonly onChanged: () => void }) {
  return (
    <>
      <h1 id="lead-title">
        {lead.name} <span className={`status status-${lead.status}`}>{lead.status}</span>
      </h1>
      <p className="muted" data-testid="lead-revision">
        {[lead.company, lead.contactPerson, lead.email, lead.phone].filter(Boolean).join(' · ')} · revision{' '}
        {lead.revision}
      </p>
      <div className="columns">
        <div>
          <dl className="facts">
            <dt>Source</dt>
            <dd>{lead.source}</dd>
            <dt>Tier / score</dt>
            <dd>
              {lead.tier ?? '—'} / {lead.score ?? '—'}
              {lead.modelVersion !== null && lead.modelVersion !== undefined && ` (model v${lead.modelVersion})`}
            </dd>
            <dt>Owner</dt>
            <dd>{lead.ownerId ?? (lead.offeredTo ? `offered to ${lead.offeredTo}` : 'nobody yet')}</dd>
            <dt>Why there</dt>
            <dd data-testid="assignment-reason">{lead.assignmentReason ?? lead.routingWait?.detail ?? '—'}</dd>
            <dt>First contact</dt>
            <dd>
              {lead.slaState}
              {lead.responseDueAt && ` · due ${new Date(lead.responseDueAt).toLocaleString()}`}
            </dd>
            <dt>Attempts</dt>
            <dd data-testid="attempts">
              {lead.attempts}
              {lead.attemptTarget !== null && lead.attemptTarget !== undefined && ` of ${lead.attemptTarget}`}
            </dd>
            <dt>Tags</dt>
            <dd data-testid="tags">{lead.tags.length > 0 ? lead.tags.join(', ') : 'none'}</dd>
            <dt>Deal size</dt>
            <dd>{lead.dealSize ? formatMoney(lead.dealSize) : '—'}</dd>
            {lead.dealId && (
              <>
                <dt>Deal</dt>
                <dd data-testid="deal">{lead.dealId}</dd>
              </>
            )}
          </dl>
          <h2>Score breakdown</h2>
          {lead.scoreBreakdown.length === 0 ? (
            <p className="empty">Not scored yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Points</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {lead.scoreBreakdown.map((line) => (
                  <tr key={line.ruleId}>
                    <td>{line.label}</td>
                    <td>{line.kind}</td>
                    <td>{line.points}</td>
                    <td>{line.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <LeadActions lead={lead} onChanged={onChanged} />
      </div>
      <h2>Timeline</h2>
      <ol className="timeline" data-testid="timeline">
        {lead.timeline.map((entry) => (
          <li key={entry.revision}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> <strong>{entry.type}</strong>{' '}
            <span className="muted">by {actorOf(entry.actor)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Integer minor units in the currency's own digits (Intl knows them), never through a float sum. */
export function formatMoney(money: Schemas['MoneyView']): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amountMinor / 10 ** digits);
}

function actorOf(actor: Record<string, unknown>): string {
  const id = actor['userId'] ?? actor['id'];
  const role = actor['role'];
  return [typeof id === 'string' ? id : 'system', typeof role === 'string' ? `(${role})` : ''].join(' ').trim();
}
