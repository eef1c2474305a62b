import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAL_SIZE_BANDS, REP_ROLES, type DealSizeBand, type RepRole } from '../domain/rep.types.js';

export class TerritoriesView {
  @ApiProperty({ type: [String], example: ['EMEA'], description: 'Empty = any' }) regions!: string[];
  @ApiProperty({ type: [String], example: ['sv', 'en'], description: 'Empty = any' }) languages!: string[];
  @ApiProperty({ type: [String], example: ['Logistics'], description: 'Empty = any' }) industries!: string[];
  @ApiProperty({ enum: DEAL_SIZE_BANDS, isArray: true, description: 'Empty = any' }) dealSizeBands!: DealSizeBand[];
}

export class CapacityView {
  @ApiProperty({ example: 50 }) maxOpenLeads!: number;
  @ApiProperty({ example: 10, description: 'New leads per day; 0 = no quota' }) dailyQuota!: number;
}

export class AvailabilityView {
  @ApiProperty({ enum: ['active', 'away'] }) status!: 'active' | 'away';
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO time an away rep is back' })
  until!: string | null;
  @ApiProperty({ description: 'True when active, or away with `until` passed' }) availableNow!: boolean;
}

/** A rep as the `org_reps` read model shows them. */
export class RepView {
  @ApiProperty({ description: "The rep's token subject" }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: REP_ROLES, isArray: true }) roles!: RepRole[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Team id' }) team!: string | null;
  @ApiProperty({ type: TerritoriesView }) territories!: TerritoriesView;
  @ApiProperty({ type: CapacityView }) capacity!: CapacityView;
  @ApiProperty({ type: AvailabilityView }) availability!: AvailabilityView;
  @ApiProperty({ description: 'False once deactivated: gets no leads' }) active!: boolean;
  @ApiProperty() registeredAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Stream revision the view reflects; compare with ETag of commands' }) revision!: number;
}

export class RepPageView {
  @ApiProperty({ type: [RepView] }) items!: RepView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** A team as the `org_teams` read model shows it. */
export class TeamView {
  @ApiProperty({ example: 'emea-north' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Rep id or user sub of the manager' }) managerId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Stream revision the view reflects' }) revision!: number;
}

export class TeamPageView {
  @ApiProperty({ type: [TeamView] }) items!: TeamView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
