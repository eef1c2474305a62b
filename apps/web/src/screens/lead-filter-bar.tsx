import { useEffect, useState, type FormEvent } from 'react';
import { LEAD_SOURCES } from '../api/vocabulary';
import { SelectField } from '../ui/select-field';
import { LEAD_ORDERS, LEAD_STATUSES, LEAD_TIERS, SLA_STATES, type LeadFilters } from '../lead-filters';

type Change = Partial<Omit<LeadFilters, 'offset'>>;

/** The filters of GET /leads: choices apply at once, typed ones on Enter or Apply. */
export function LeadFilterBar({
  filters,
  onChange,
}: {
  readonly filters: LeadFilters;
  readonly onChange: (change: Change) => void;
}) {
  const [text, setText] = useState({ q: filters.q ?? '', owner: filters.owner ?? '', tag: filters.tag ?? '' });
  // The address can change under the form (back button, a link): show what it says.
  useEffect(
    () => setText({ q: filters.q ?? '', owner: filters.owner ?? '', tag: filters.tag ?? '' }),
    [filters.q, filters.owner, filters.tag],
  );
  const apply = (event: FormEvent): void => {
    event.preventDefault();
    onChange({
      q: text.q.trim() || undefined,
      owner: text.owner.trim() || undefined,
      tag: text.tag.trim() || undefined,
    });
  };
  return (
    <form className="filters" onSubmit={apply} aria-label="Filter leads">
      <span className="field">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          type="search"
          placeholder="name, company, email, phone"
          value={text.q}
          onChange={(event) => setText({ ...text, q: event.target.value })}
        />
      </span>
      <SelectField
        id="filter-status"
        anyLabel="any"
        label="Status"
        value={filters.status.join(',') || undefined}
        options={LEAD_STATUSES}
        onChange={(value) => onChange({ status: value ? [value] : [] })}
      />
      <SelectField
        id="filter-source"
        anyLabel="any"
        label="Source"
        value={filters.source}
        options={LEAD_SOURCES}
        onChange={(source) => onChange({ source })}
      />
      <SelectField
        id="filter-tier"
        anyLabel="any"
        label="Tier"
        value={filters.tier}
        options={LEAD_TIERS}
        onChange={(tier) => onChange({ tier })}
      />
      <SelectField
        id="filter-sla"
        anyLabel="any"
        label="First contact"
        value={filters.sla}
        options={SLA_STATES}
        onChange={(sla) => onChange({ sla })}
      />
      <span className="field">
        <label htmlFor="filter-owner">Owner</label>
        <input
          id="filter-owner"
          value={text.owner}
          onChange={(event) => setText({ ...text, owner: event.target.value })}
        />
      </span>
      <span className="field">
        <label htmlFor="filter-tag">Tag</label>
        <input
          id="filter-tag"
          placeholder="category:tag"
          value={text.tag}
          onChange={(event) => setText({ ...text, tag: event.target.value })}
        />
      </span>
      <span className="field">
        <label htmlFor="filter-order">Sort</label>
        <select
          id="filter-order"
          value={filters.order}
          onChange={(event) => onChange({ order: LEAD_ORDERS.find((o) => o === event.target.value) ?? 'priority' })}
        >
          {LEAD_ORDERS.map((order) => (
            <option key={order} value={order}>
              {order === 'priority' ? 'priority (tier, score)' : order}
            </option>
          ))}
        </select>
      </span>
      <button type="submit">Apply</button>
    </form>
  );
}
