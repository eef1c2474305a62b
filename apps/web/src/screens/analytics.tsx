import { useMemo, useState, type FormEvent } from 'react';
import { settle } from '../api/client';
import { funnelSeries, windowInWords } from '../analytics-series';
import { FunnelChart } from '../ui/funnel-chart';
import { Loading, ProblemMessage } from '../ui/feedback';
import { useLiveRefresh } from '../ui/live';
import { useLoad } from '../ui/use-load';
import { useSession } from '../ui/session-context';

/** Lead conversion by source (GET /analytics/leads/conversion-by-source) as a chart and a table. */
export function Analytics() {
  const { client } = useSession();
  const [from, setFrom] = useState('');
  const [applied, setApplied] = useState('');
  const funnel = useLoad(
    () =>
      settle(
        client.GET('/analytics/leads/conversion-by-source', { params: { query: applied ? { from: applied } : {} } }),
      ),
    applied,
  );
  useLiveRefresh((change) => change.stream.startsWith('lead-'), funnel.reload);
  const series = useMemo(() => (funnel.data ? funnelSeries(funnel.data) : undefined), [funnel.data]);
  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setApplied(from);
  };
  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">Lead conversion by source</h1>
      <form className="filters" onSubmit={apply} aria-label="Analysis window">
        <span className="field">
          <label htmlFor="analytics-from">Captured from</label>
          <input id="analytics-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </span>
        <button type="submit">Apply</button>
      </form>
      {funnel.problem && <ProblemMessage problem={funnel.problem} onRetry={funnel.reload} />}
      {funnel.data === undefined && funnel.loading && <Loading what="the funnel" />}
      {funnel.data && series && (
        <>
          <p className="muted">
            {windowInWords(funnel.data.window)} · {funnel.data.average.captured} leads, average conversion{' '}
            {funnel.data.average.conversionRate === null
              ? '—'
              : `${Math.round(funnel.data.average.conversionRate * 1000) / 10} %`}
          </p>
          {series.sources.length === 0 ? (
            <p className="empty">No lead was captured in this window.</p>
          ) : (
            <FunnelChart
              series={series}
              label="Captured, qualified and converted leads and conversion rate by source"
            />
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Captured</th>
                <th scope="col">Qualified</th>
                <th scope="col">Converted</th>
                <th scope="col">Conversion</th>
              </tr>
            </thead>
            <tbody>
              {series.sources.map((source, i) => (
                <tr key={source}>
                  <td>{source}</td>
                  <td>{series.captured[i]}</td>
                  <td>{series.qualified[i]}</td>
                  <td>{series.converted[i]}</td>
                  <td>{series.conversionPercent[i] === null ? '—' : `${series.conversionPercent[i]} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
