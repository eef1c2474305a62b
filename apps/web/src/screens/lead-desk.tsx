import { settle, type Schemas } from '../api/client';
import { hrefOf } from '../hash-route';
import { PAGE_SIZE, leadListQuery, withFilter, withPage, type LeadFilters } from '../lead-filters';
import { Empty, Loading, ProblemMessage } from '../ui/feedback';
import { useLoad } from '../ui/use-load';
import { useSession } from '../ui/session-context';
import { useLiveRecords } from '../ui/live';
import { LeadFilterBar } from './lead-filter-bar';

type LeadView = Schemas['LeadView'];

function go(filters: LeadFilters): void {
  window.location.hash = hrefOf({ screen: 'leads', filters });
}

/** The lead desk: every lead the caller may see, filtered as GET /leads filters, a page at a time. */
export function LeadDesk({ filters }: { readonly filters: LeadFilters }) {
  const { client } = useSession();
  const query = leadListQuery(filters);
  const key = JSON.stringify(query);
  const page = useLoad(() => settle(client.GET('/leads', { params: { query } })), key);
  useLiveRecords(
    page,
    (data) => data.items.map((lead) => ({ stream: `lead-${lead.id}`, revision: lead.revision })),
    (change) => change.stream.startsWith('lead-'),
  );
  const total = page.data?.total ?? page.data?.totalAtLeast;
  const items = page.data?.items ?? [];
  const first = filters.offset + 1;
  const last = filters.offset + items.length;
  return (
    <section aria-labelledby="desk-title">
      <h1 id="desk-title">Lead desk</h1>
      <LeadFilterBar filters={filters} onChange={(change) => go(withFilter(filters, change))} />
      {page.problem && <ProblemMessage problem={page.problem} onRetry={page.reload} />}
      {page.data === undefined && page.loading && <Loading what="leads" />}
      {page.data !== undefined && items.length === 0 && <Empty>No lead matches these filters.</Empty>}
      {items.length > 0 && <LeadTable leads={items} />}
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          disabled={filters.offset === 0}
          onClick={() => go(withPage(filters, filters.offset - PAGE_SIZE))}
        >
          Previous page
        </button>
        <span aria-live="polite">
          {items.length > 0 ? `${first}–${last}` : '0'}
          {total !== undefined ? ` of ${page.data?.totalAtLeast !== undefined ? 'more than ' : ''}${total}` : ''}
        </span>
        <button
          type="button"
          disabled={page.data?.nextCursor === null || items.length < PAGE_SIZE}
          onClick={() => go(withPage(filters, filters.offset + PAGE_SIZE))}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

function LeadTable({ leads }: { readonly leads: readonly LeadView[] }) {
  return (
    <table className="leads">
      <thead>
        <tr>
          <th scope="col">Lead</th>
          <th scope="col">Status</th>
          <th scope="col">Tier</th>
          <th scope="col">Score</th>
          <th scope="col">Owner</th>
          <th scope="col">First contact</th>
          <th scope="col">Tags</th>
          <th scope="col">Captured</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.id} data-lead-id={lead.id}>
            <td>
              <a href={hrefOf({ screen: 'lead', leadId: lead.id })}>{lead.name}</a>
              {lead.company && <div className="muted">{lead.company}</div>}
            </td>
            <td>
              <span className={`status status-${lead.status}`}>{lead.status}</span>
            </td>
            <td>{lead.tier ?? '—'}</td>
            <td>{lead.score ?? '—'}</td>
            <td>{lead.ownerId ?? (lead.offeredTo ? `offered to ${lead.offeredTo}` : '—')}</td>
            <td>
              <span className={`sla sla-${lead.slaState}`}>{lead.slaState}</span>
            </td>
            <td>{lead.tags.join(', ')}</td>
            <td>
              <time dateTime={lead.capturedAt}>{new Date(lead.capturedAt).toLocaleString()}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
