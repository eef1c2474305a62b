import { InvalidInputError } from '#ltc/kernel';
import {
  CONFIG_SLUG,
  validateSlaPolicy,
  withSlaPolicyDefaults,
  type SlaPolicyDefinition,
  type SlaPolicyInput,
} from '../domain/config/index.js';

/** The fields of `PUT /sla-policies/{id}`: a proposal is written in the same shape. */
const POLICY_FIELDS = new Set([
  'name',
  'targets',
  'calendarId',
  'pauseOn',
  'warnAtPercent',
  'escalations',
  'ola',
  'independentVerification',
  'reopenWindowDays',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(field: string, value: unknown): void {
  if (!isObject(value)) throw new InvalidInputError(field, 'isObject', `${field} must be an object`);
}

function array(field: string, value: unknown): void {
  if (!Array.isArray(value)) throw new InvalidInputError(field, 'isArray', `${field} must be an array`);
}

/**
 * A proposed SLA policy, checked as `PUT /sla-policies/{id}` checks one: the shape here (only what
 * the domain's rules cannot look into), then the defaults and the domain's own rules
 * (`validateSlaPolicy`), each error naming the field inside the policy. Whether the calendar it
 * names exists is for the replay to say: it knows the tenant's calendars as they were.
 */
export function parseSlaProposal(input: unknown): SlaPolicyDefinition {
  object('policy', input);
  const body = input as Record<string, unknown>;
  for (const field of Object.keys(body)) {
    if (!POLICY_FIELDS.has(field)) {
      throw new InvalidInputError(field, 'unknownField', `${field} is not a field of an SLA policy`);
    }
  }
  const { calendarId } = body;
  if (calendarId !== null && !(typeof calendarId === 'string' && CONFIG_SLUG.test(calendarId))) {
    throw new InvalidInputError('calendarId', 'slug', 'calendarId must be a calendar id, or null for 24x7');
  }
  array('pauseOn', body['pauseOn']);
  array('escalations', body['escalations']);
  (body['escalations'] as unknown[]).forEach((rule, i) => object(`escalations[${String(i)}]`, rule));
  object('ola', body['ola']);
  const ola = body['ola'] as Record<string, unknown>;
  if (ola['byKind'] !== undefined) object('ola.byKind', ola['byKind']);
  const definition = withSlaPolicyDefaults(body as unknown as SlaPolicyInput);
  validateSlaPolicy(definition, true);
  return definition;
}
