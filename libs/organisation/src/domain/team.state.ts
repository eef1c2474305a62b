/** Before the first event: no such team. */
export interface NoTeam {
  readonly status: 'none';
}

export interface ExistingTeam {
  readonly status: 'exists';
  readonly teamId: string;
  readonly name: string;
  readonly managerId: string;
}

export type TeamState = NoTeam | ExistingTeam;

export const initialTeamState = (): TeamState => ({ status: 'none' });
