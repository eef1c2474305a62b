import { eventParser, type DomainEvent } from '#ltc/kernel';
import type { Availability, RepCapacity, RepRole, Territories } from './rep.types.js';

/**
 * A person joined the sales organisation as a rep and can be routed leads. A new rep is
 * active and available; `teamId` is null for a rep in no team.
 */
export type RepRegistered = DomainEvent<
  'RepRegistered',
  {
    readonly repId: string;
    readonly name: string;
    readonly email: string;
    readonly roles: readonly RepRole[];
    readonly teamId: string | null;
    readonly territories: Territories;
    readonly capacity: RepCapacity;
    readonly registeredAt: string;
  }
>;

/** The profile fields a {@link RepProfileChanged} can touch. */
export type RepProfileField = 'name' | 'email' | 'roles' | 'teamId' | 'territories';

/**
 * A rep's name, email, roles, team or territories changed. Carries the whole profile
 * after the change, and which fields changed, so a reader needs no earlier event.
 */
export type RepProfileChanged = DomainEvent<
  'RepProfileChanged',
  {
    readonly repId: string;
    readonly name: string;
    readonly email: string;
    readonly roles: readonly RepRole[];
    readonly teamId: string | null;
    readonly territories: Territories;
    readonly changed: readonly RepProfileField[];
    readonly changedAt: string;
  }
>;

/** A manager set how many open leads a rep may hold and how many new ones a day they get. */
export type RepCapacityChanged = DomainEvent<
  'RepCapacityChanged',
  { readonly repId: string; readonly capacity: RepCapacity; readonly changedAt: string }
>;

/** A rep went away (holiday, training, sick) or came back; an away rep is not routed leads. */
export type RepAvailabilityChanged = DomainEvent<
  'RepAvailabilityChanged',
  { readonly repId: string; readonly availability: Availability; readonly changedAt: string }
>;

/** A rep left the sales organisation (or was suspended): no leads are routed to them until reactivated. */
export type RepDeactivated = DomainEvent<
  'RepDeactivated',
  { readonly repId: string; readonly reason: string | null; readonly deactivatedAt: string }
>;

/** A deactivated rep is back and can be routed leads again, with the profile and capacity they had. */
export type RepReactivated = DomainEvent<'RepReactivated', { readonly repId: string; readonly reactivatedAt: string }>;

export type RepEvent =
  RepRegistered | RepProfileChanged | RepCapacityChanged | RepAvailabilityChanged | RepDeactivated | RepReactivated;

/** Narrows a stored event of a rep stream (one shape per type so far: no upcaster). */
export const parseRepEvent = eventParser<RepEvent>({
  RepRegistered: true,
  RepProfileChanged: true,
  RepCapacityChanged: true,
  RepAvailabilityChanged: true,
  RepDeactivated: true,
  RepReactivated: true,
});
