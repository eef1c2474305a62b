import type { ExpressionBuilder } from 'kysely';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import { DEAL_SIZE_BANDS, REP_ROLES, type RepCapacity, type RepRole, type Territories } from '../domain/rep.types.js';
import { orgRepsDb, type OrgRepRow, type OrgRepTables } from './org-reps.projection.js';
import type { RepPageView, RepView, TerritoriesView } from './org.views.js';

export interface RepListFilter {
  readonly teamId?: string;
  readonly role?: RepRole;
  /** `active`: available at `at` (active, or away with `until` passed); `away`: not. */
  readonly availability?: 'active' | 'away';
  /** True: not deactivated; false: deactivated. */
  readonly active?: boolean;
  readonly limit: number;
  readonly offset: number;
  /** The time availability is judged at (from the Clock). */
  readonly at: Date;
}

/** A rep lead distribution may route to, with what routing needs to know. */
export interface RoutableRep {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string | null;
  readonly roles: readonly RepRole[];
  /** Empty lists mean "any". */
  readonly territories: Territories;
  /** Limits only; the open-lead and today's counts belong to the leads context. */
  readonly capacity: RepCapacity;
}

export interface RoutableRepQuery {
  /** Only reps of this team; omitted = every team (and reps in none). */
  readonly teamId?: string;
  /** Only reps who can take this iron-triangle role. */
  readonly role?: RepRole;
  /** The time availability is judged at (from the Clock), so routing decisions replay the same. */
  readonly at: Date;
}

type RepExpressions = ExpressionBuilder<OrgRepTables, 'org_reps'>;

/** Active (not deactivated) reps who are available at `at`: not away, or away until a time that has passed. */
export async function listRoutableReps(
  db: ReadModelDb,
  tenantId: string,
  query: RoutableRepQuery,
): Promise<RoutableRep[]> {
  let select = orgRepsDb(db)
    .selectFrom('org_reps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .where((eb) => availableAt(eb, query.at));
  if (query.teamId !== undefined) select = select.where('team_id', '=', query.teamId);
  if (query.role !== undefined) select = select.where('roles', 'like', rolePattern(query.role));
  const rows = await select.orderBy('rep_id').execute();
  return rows.map((row) => ({
    repId: row.rep_id,
    name: row.name,
    teamId: row.team_id,
    roles: rolesOf(row),
    territories: territoriesOf(row),
    capacity: { maxOpenLeads: Number(row.max_open_leads), dailyQuota: Number(row.daily_quota) },
  }));
}

/** One rep of the caller's tenant, deactivated or not; 404 REP_NOT_FOUND when unknown. */
export async function findRep(db: ReadModelDb, tenantId: string, repId: string, at: Date): Promise<RepView> {
  const row = await orgRepsDb(db)
    .selectFrom('org_reps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('rep_id', '=', repId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Rep', repId);
  return toView(row, at);
}

export async function listReps(db: ReadModelDb, tenantId: string, filter: RepListFilter): Promise<RepPageView> {
  let query = orgRepsDb(db).selectFrom('org_reps').where('tenant_id', '=', tenantId);
  if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
  if (filter.role !== undefined) query = query.where('roles', 'like', rolePattern(filter.role));
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.availability === 'active') query = query.where((eb) => availableAt(eb, filter.at));
  if (filter.availability === 'away') query = query.where((eb) => eb.not(availableAt(eb, filter.at)));
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('rep_id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string | number | bigint>().as('total')).executeTakeFirst(),
  ]);
  return {
    items: rows.map((row) => toView(row, filter.at)),
    total: Number(count?.total ?? 0),
    limit: filter.limit,
    offset: filter.offset,
  };
}

function availableAt(eb: RepExpressions, at: Date) {
  // ISO times in `toISOString()` form sort as text in time order, on SQLite and PostgreSQL alike.
  return eb.or([
    eb('availability', '=', 'active'),
    eb.and([eb('away_until', 'is not', null), eb('away_until', '<=', at.toISOString())]),
  ]);
}

/** Roles are stored as a JSON array, e.g. `["ar","sr"]`; a role is matched with its quotes. */
function rolePattern(role: RepRole): string {
  return `%"${role}"%`;
}

function toView(row: OrgRepRow, at: Date): RepView {
  const until = row.away_until;
  const away = row.availability === 'away';
  return {
    id: row.rep_id,
    name: row.name,
    email: row.email,
    roles: rolesOf(row),
    team: row.team_id,
    territories: territoriesOf(row),
    capacity: { maxOpenLeads: Number(row.max_open_leads), dailyQuota: Number(row.daily_quota) },
    availability: {
      status: away ? 'away' : 'active',
      until: away ? until : null,
      availableNow: !away || (until !== null && until <= at.toISOString()),
    },
    active: Number(row.active) === 1,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}

function rolesOf(row: OrgRepRow): RepRole[] {
  const listed = parseList(row.roles);
  return REP_ROLES.filter((role) => listed.includes(role));
}

function territoriesOf(row: OrgRepRow): TerritoriesView {
  const bands = parseList(row.deal_size_bands);
  return {
    regions: parseList(row.regions),
    languages: parseList(row.languages),
    industries: parseList(row.industries),
    dealSizeBands: DEAL_SIZE_BANDS.filter((band) => bands.includes(band)),
  };
}

/** A JSON text list from storage, trusted only as far as it is a list of strings. */
function parseList(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
