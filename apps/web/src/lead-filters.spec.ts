import {
  NO_FILTERS,
  PAGE_SIZE,
  filtersFromQuery,
  filtersToQuery,
  leadListQuery,
  withFilter,
  withPage,
} from './lead-filters';

const from = (query: string) => filtersFromQuery(new URLSearchParams(query));

describe('Lead desk filters in the address', () => {
  it('round-trips every filter GET /leads has through the address', () => {
    const filters = from(
      'status=pooled,recycled&owner=rep-ada&source=webinar&tier=A&tag=free:vip&sla=warning&q=nord&order=newest&offset=50',
    );
    expect(filters).toEqual({
      status: ['pooled', 'recycled'],
      owner: 'rep-ada',
      source: 'webinar',
      tier: 'A',
      tag: 'free:vip',
      sla: 'warning',
      q: 'nord',
      order: 'newest',
      offset: 50,
    });
    expect(from(filtersToQuery(filters).toString())).toEqual(filters);
  });

  it('leaves the defaults out, so the plain list has a plain address', () => {
    expect(filtersToQuery(NO_FILTERS).toString()).toBe('');
    expect(from('')).toEqual(NO_FILTERS);
  });

  it('drops what the API would refuse from a hand-edited address instead of showing a 400', () => {
    expect(from('status=pooled,nonsense&tier=Z&sla=late&order=random&offset=-5')).toEqual({
      status: ['pooled'],
      order: 'priority',
      offset: 0,
    });
    expect(from('offset=30').offset).toBe(PAGE_SIZE);
    expect(from('q=%20%20').q).toBeUndefined();
  });

  it('starts again on the first page when a filter changes, and keeps the filters when the page does', () => {
    const paged = withPage(from('tier=B'), 2 * PAGE_SIZE);
    expect(paged).toMatchObject({ tier: 'B', offset: 2 * PAGE_SIZE });
    expect(withFilter(paged, { q: 'acme' })).toMatchObject({ tier: 'B', q: 'acme', offset: 0 });
    expect(withPage(paged, -PAGE_SIZE).offset).toBe(0);
  });

  it('asks GET /leads for one page with its own parameter names', () => {
    expect(leadListQuery(from('status=working&sla=breached&q=x&offset=25'))).toEqual({
      status: ['working'],
      sla: 'breached',
      q: 'x',
      order: 'priority',
      limit: PAGE_SIZE,
      offset: 25,
    });
  });
});
