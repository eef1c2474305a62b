import type { Availability, RepCapacity, RepRole, Territories } from './rep.types.js';

/** Before the first event: no such rep. */
export interface NoRep {
  readonly status: 'none';
}

/** What is known about a registered rep, active or not. */
export interface RepRecord {
  readonly repId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly RepRole[];
  readonly teamId: string | null;
  readonly territories: Territories;
  readonly capacity: RepCapacity;
  readonly availability: Availability;
}

export interface ActiveRep extends RepRecord {
  readonly status: 'active';
}

/** Kept whole, so a reactivated rep comes back as they were. */
export interface DeactivatedRep extends RepRecord {
  readonly status: 'deactivated';
}

export type RepState = NoRep | ActiveRep | DeactivatedRep;

export const initialRepState = (): RepState => ({ status: 'none' });
