// The web app's screens live in the URL fragment (`#/leads`, `#/leads/<id>`, `#/inbox`, `#/analytics`): the
// server only ever sees `/`, so no client route can collide with an API path such as /leads
// (docs/adr/0031-the-web-app.md).
import { filtersFromQuery, filtersToQuery, type LeadFilters } from './lead-filters';

export type Route =
  | { readonly screen: 'leads'; readonly filters: LeadFilters }
  | { readonly screen: 'lead'; readonly leadId: string }
  | { readonly screen: 'inbox' }
  | { readonly screen: 'analytics' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const lead = /^\/leads\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (lead?.[1]) return { screen: 'lead', leadId: lead[1] };
  if (path === '/inbox') return { screen: 'inbox' };
  if (path === '/analytics') return { screen: 'analytics' };
  return { screen: 'leads', filters: filtersFromQuery(new URLSearchParams(query)) };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'lead':
      return `#/leads/${encodeURIComponent(route.leadId)}`;
    case 'inbox':
      return '#/inbox';
    case 'analytics':
      return '#/analytics';
    case 'leads': {
      const query = filtersToQuery(route.filters).toString();
      return query ? `#/leads?${query}` : '#/leads';
    }
  }
}
