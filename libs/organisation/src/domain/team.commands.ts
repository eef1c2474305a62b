export interface CreateTeam {
  readonly type: 'CreateTeam';
  readonly teamId: string;
  readonly name: string;
  readonly managerId: string;
  readonly now: Date;
}

/** Renames the team and/or changes its manager; an omitted field stays as it is. */
export interface ChangeTeam {
  readonly type: 'ChangeTeam';
  readonly teamId: string;
  readonly name?: string;
  readonly managerId?: string;
  readonly now: Date;
}

export type TeamCommand = CreateTeam | ChangeTeam;
