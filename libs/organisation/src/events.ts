/**
 * The organisation's published event contract: the rep and team events other contexts may
 * react to, as types only. A consumer imports this entry (`#ltc/organisation/events`) with
 * `import type`, builds its own projection of these facts and never reads the
 * organisation's tables (`npm run lint` refuses both the import of anything else and a
 * query on `org_*`). Changing a type here is changing a promise to every consumer: add
 * fields, never remove or repurpose one.
 */
export type {
  RepAvailabilityChanged,
  RepCapacityChanged,
  RepDeactivated,
  RepEvent,
  RepProfileChanged,
  RepProfileField,
  RepReactivated,
  RepRegistered,
} from './domain/rep.events.js';
export type { TeamCreated, TeamEvent, TeamManagerChanged, TeamRenamed } from './domain/team.events.js';
export type { Availability, DealSizeBand, RepCapacity, RepRole, Territories } from './domain/rep.types.js';

import type { RepEvent } from './domain/rep.events.js';
import type { TeamEvent } from './domain/team.events.js';

/** Every published organisation event; a consumer's `switch` over `type` narrows `data`. */
export type OrganisationEvent = RepEvent | TeamEvent;

/**
 * The stream categories the events above are written to, `<category>-<tenantId>:<id>`: a
 * consumer's subscription filter spells them with this type so a typo fails to compile.
 * The tenant is in the event's metadata, the rep or team id in its data.
 */
export type OrganisationStreamPrefix = 'rep-' | 'team-';
