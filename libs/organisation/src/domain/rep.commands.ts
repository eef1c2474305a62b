import type { DealSizeBand, RepCapacity, RepRole, Territories } from './rep.types.js';

export interface RegisterRep {
  readonly type: 'RegisterRep';
  readonly repId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly RepRole[];
  readonly teamId: string | null;
  /** Whether `teamId` names a team of this tenant; looked up by the handler, ignored when `teamId` is null. */
  readonly teamExists: boolean;
  readonly territories: Territories;
  readonly capacity: RepCapacity;
  readonly now: Date;
}

/** The profile fields to change; an omitted field stays as it is, a territory list omitted likewise. */
export interface RepProfileChanges {
  readonly name?: string;
  readonly email?: string;
  readonly roles?: readonly RepRole[];
  /** A team id, or null to take the rep out of their team. */
  readonly teamId?: string | null;
  readonly territories?: {
    readonly regions?: readonly string[];
    readonly languages?: readonly string[];
    readonly industries?: readonly string[];
    readonly dealSizeBands?: readonly DealSizeBand[];
  };
}

export interface ChangeRepProfile {
  readonly type: 'ChangeRepProfile';
  readonly repId: string;
  readonly changes: RepProfileChanges;
  /** Whether `changes.teamId` names a team of this tenant; ignored unless it is a team id. */
  readonly teamExists: boolean;
  readonly now: Date;
}

export interface ChangeRepCapacity {
  readonly type: 'ChangeRepCapacity';
  readonly repId: string;
  readonly capacity: RepCapacity;
  readonly now: Date;
}

export interface ChangeRepAvailability {
  readonly type: 'ChangeRepAvailability';
  readonly repId: string;
  readonly availability: { readonly status: 'active' } | { readonly status: 'away'; readonly until: Date | null };
  readonly now: Date;
}

export interface DeactivateRep {
  readonly type: 'DeactivateRep';
  readonly repId: string;
  readonly reason: string | null;
  readonly now: Date;
}

export interface ReactivateRep {
  readonly type: 'ReactivateRep';
  readonly repId: string;
  readonly now: Date;
}

export type RepCommand =
  RegisterRep | ChangeRepProfile | ChangeRepCapacity | ChangeRepAvailability | DeactivateRep | ReactivateRep;
