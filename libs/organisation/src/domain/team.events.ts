import { eventParser, type DomainEvent } from '#ltc/kernel';

/** A sales team was set up under a manager (a rep id or any user's sub). */
export type TeamCreated = DomainEvent<
  'TeamCreated',
  { readonly teamId: string; readonly name: string; readonly managerId: string; readonly createdAt: string }
>;

/** A team got a new name; its id (the slug reps and routing refer to) stays. */
export type TeamRenamed = DomainEvent<
  'TeamRenamed',
  { readonly teamId: string; readonly name: string; readonly previousName: string; readonly renamedAt: string }
>;

/** Another person now manages the team. */
export type TeamManagerChanged = DomainEvent<
  'TeamManagerChanged',
  {
    readonly teamId: string;
    readonly managerId: string;
    readonly previousManagerId: string;
    readonly changedAt: string;
  }
>;

export type TeamEvent = TeamCreated | TeamRenamed | TeamManagerChanged;

/** Narrows a stored event of a team stream (one shape per type so far: no upcaster). */
export const parseTeamEvent = eventParser<TeamEvent>({
  TeamCreated: true,
  TeamRenamed: true,
  TeamManagerChanged: true,
});
