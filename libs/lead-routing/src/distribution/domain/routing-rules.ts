import { InvalidInputError, NotFoundError, eventParser, type Decider, type DomainEvent } from '#ltc/kernel';
import { LEAD_SOURCES, type LeadSource } from '#ltc/leads/domain';

/**
 * A routing rule puts a lead in a sales team by where it comes from: every list given
 * must contain the lead's value (region and industry ignoring case; an absent or empty
 * list matches anything). The tenant's rules are tried in order; the first match wins.
 */
export interface RoutingRule {
  readonly id: string;
  readonly team: string;
  readonly regions: readonly string[];
  readonly sources: readonly LeadSource[];
  readonly industries: readonly string[];
}

/** A manager replaced the tenant's routing rules; `version` counts them, so a team decision can say which it followed. */
export type RoutingRulesChanged = DomainEvent<
  'RoutingRulesChanged',
  {
    readonly version: number;
    readonly rules: readonly RoutingRule[];
    readonly changedBy: string;
    readonly changedAt: string;
  }
>;
export type RoutingRulesEvent = RoutingRulesChanged;

/** Narrows a stored event of a routing rules stream (the one shape so far: no upcaster). */
export const parseRoutingRulesEvent = eventParser<RoutingRulesEvent>({ RoutingRulesChanged: true });

export interface ChangeRoutingRules {
  readonly type: 'ChangeRoutingRules';
  /** The client's input, validated by the decider. */
  readonly rules: unknown;
  /** Teams named by the rules that the tenant does not have (checked by the shell; any → 404). */
  readonly unknownTeams: readonly string[];
  readonly changedBy: string;
  readonly now: Date;
}

export type RoutingRulesState = { readonly version: number; readonly rules: readonly RoutingRule[] };

export const ROUTING_RULE_LIMITS = { maxRules: 200, maxValues: 100 } as const;
const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The lead's facts routing rules look at. */
export interface LeadForRules {
  readonly source: LeadSource;
  readonly region: string | null;
  readonly industry: string | null;
}

/** The first rule matching the lead, or undefined. */
export function matchRoutingRule(rules: readonly RoutingRule[], lead: LeadForRules): RoutingRule | undefined {
  const has = (list: readonly string[], value: string | null) =>
    list.length === 0 ||
    (value !== null && list.some((item) => item.trim().toLowerCase() === value.trim().toLowerCase()));
  return rules.find(
    (rule) =>
      has(rule.regions, lead.region) &&
      (rule.sources.length === 0 || rule.sources.includes(lead.source)) &&
      has(rule.industries, lead.industry),
  );
}

/** The rules from a client's body, or a 400 naming the first field at fault (`rules[2].team`). */
export function parseRoutingRules(input: unknown): RoutingRule[] {
  if (!Array.isArray(input)) throw new InvalidInputError('rules', 'type', 'rules must be a list of rules');
  if (input.length > ROUTING_RULE_LIMITS.maxRules) {
    throw new InvalidInputError('rules', 'size', `rules must hold at most ${ROUTING_RULE_LIMITS.maxRules} rules`);
  }
  const seen = new Set<string>();
  return input.map((raw: unknown, index) => {
    const path = `rules[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new InvalidInputError(path, 'type', `${path} must be an object`);
    }
    const fields = raw as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!['id', 'team', 'regions', 'sources', 'industries'].includes(key)) {
        throw new InvalidInputError(`${path}.${key}`, 'unknownField', `${path}.${key} is not a known field`);
      }
    }
    const id = slug(fields['id'], `${path}.id`);
    if (seen.has(id)) throw new InvalidInputError(`${path}.id`, 'unique', `${path}.id "${id}" is used twice`);
    seen.add(id);
    const sources = texts(fields['sources'], `${path}.sources`);
    sources.forEach((source, i) => {
      if (!(LEAD_SOURCES as readonly string[]).includes(source)) {
        throw new InvalidInputError(`${path}.sources[${i}]`, 'oneOf', `${path}.sources[${i}] is not a lead source`);
      }
    });
    return {
      id,
      team: slug(fields['team'], `${path}.team`),
      regions: texts(fields['regions'], `${path}.regions`),
      sources: sources as LeadSource[],
      industries: texts(fields['industries'], `${path}.industries`),
    };
  });
}

function slug(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new InvalidInputError(path, 'slug', `${path} must be lower-case letters, digits, - and _ (at most 63)`);
  }
  return value;
}

function texts(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.length <= ROUTING_RULE_LIMITS.maxValues &&
    value.every((item) => typeof item === 'string' && item.trim() !== '' && item.length <= 100);
  if (!ok) {
    throw new InvalidInputError(path, 'type', `${path} must be a list of up to ${ROUTING_RULE_LIMITS.maxValues} texts`);
  }
  return (value as string[]).map((item) => item.trim());
}

/** Validates the rules (400 naming the field), refuses unknown teams (404 TEAM_NOT_FOUND); identical rules change nothing. */
export function decideRoutingRules(command: ChangeRoutingRules, state: RoutingRulesState): RoutingRulesEvent[] {
  const rules = parseRoutingRules(command.rules);
  const unknown = rules.findIndex((rule) => command.unknownTeams.includes(rule.team));
  const missing = rules[unknown];
  if (missing) {
    throw new NotFoundError('Team', missing.team);
  }
  if (JSON.stringify(rules) === JSON.stringify(state.rules)) return [];
  const changedAt = command.now.toISOString();
  return [
    {
      type: 'RoutingRulesChanged',
      data: { version: state.version + 1, rules, changedBy: command.changedBy, changedAt },
    },
  ];
}

export const routingRulesDecider: Decider<ChangeRoutingRules, RoutingRulesEvent, RoutingRulesState> = {
  initialState: () => ({ version: 0, rules: [] }),
  decide: decideRoutingRules,
  evolve: (_state, event) => ({ version: event.data.version, rules: event.data.rules }),
};
