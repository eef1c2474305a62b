import { ApiProperty } from '@nestjs/swagger';
import type {
  ServiceCalendarConfig,
  ServiceEntitlementConfig,
  ServiceGroupConfig,
  SlaPolicyConfig,
} from '../domain/config/index.js';
import type { Line, WaitReason } from '../domain/service-vocabulary.js';
import { WeekDto } from './service-calendar.dto.js';
import { EscalationRuleDto, OlaDto, SlaTargetsByPriorityDto } from './sla-policy.dto.js';

/** One SLA policy at one version, as `GET /sla-policies/{id}` and `GET /sla-policies` show it. */
export class SlaPolicyView {
  @ApiProperty({ example: 'gold' }) policyId!: string;
  @ApiProperty({ example: 1, description: '0: the built-in default, never configured' }) version!: number;
  @ApiProperty({ example: 'Gold' }) name!: string;
  @ApiProperty({ type: SlaTargetsByPriorityDto }) targets!: SlaPolicyConfig['targets'];
  @ApiProperty({ nullable: true, type: String, description: 'null: 24x7' }) calendarId!: string | null;
  @ApiProperty({ enum: ['customer', 'third_party'], isArray: true }) pauseOn!: readonly WaitReason[];
  @ApiProperty({ example: 75 }) warnAtPercent!: number;
  @ApiProperty({ type: [EscalationRuleDto] }) escalations!: SlaPolicyConfig['escalations'];
  @ApiProperty({ type: OlaDto }) ola!: SlaPolicyConfig['ola'];
  @ApiProperty() independentVerification!: boolean;
  @ApiProperty({ example: 7 }) reopenWindowDays!: number;
}

export class SlaPolicyListView {
  @ApiProperty({ type: [SlaPolicyView], description: 'By id; `default` is always listed' }) items!: SlaPolicyView[];
}

export class ServiceCalendarView {
  @ApiProperty({ example: 'stockholm' }) calendarId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Stockholm office' }) name!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone!: string;
  @ApiProperty({ type: WeekDto }) week!: ServiceCalendarConfig['week'];
  @ApiProperty({ type: [String], example: ['2026-12-24'] }) holidays!: readonly string[];
}

export class ServiceCalendarListView {
  @ApiProperty({ type: [ServiceCalendarView] }) items!: ServiceCalendarView[];
}

export class ServiceGroupView {
  @ApiProperty({ example: 'hotline' }) groupId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Hotline' }) name!: string;
  @ApiProperty({ enum: [1, 2, 3] }) line!: Line;
  @ApiProperty({ nullable: true, type: String }) lead!: string | null;
  @ApiProperty({ type: [String] }) members!: readonly string[];
  @ApiProperty({ nullable: true, type: String, description: "null: the ticket policy's calendar" })
  calendarId!: string | null;
}

export class ServiceGroupListView {
  @ApiProperty({ type: [ServiceGroupView] }) items!: ServiceGroupView[];
}

export class ServiceEntitlementView {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'gold' }) policyId!: string;
  @ApiProperty({ nullable: true, type: String, example: '2028-06-30' }) warrantyEndsOn!: string | null;
}

// The stored configurations are already in the views' shape; these copy them field by field, so a
// field added to a configuration is shown only once a view names it.
export const slaPolicyView = (c: SlaPolicyConfig): SlaPolicyView => ({
  policyId: c.policyId,
  version: c.version,
  name: c.name,
  targets: c.targets,
  calendarId: c.calendarId,
  pauseOn: c.pauseOn,
  warnAtPercent: c.warnAtPercent,
  escalations: c.escalations,
  ola: c.ola,
  independentVerification: c.independentVerification,
  reopenWindowDays: c.reopenWindowDays,
});

export const serviceCalendarView = (c: ServiceCalendarConfig): ServiceCalendarView => ({
  calendarId: c.calendarId,
  version: c.version,
  name: c.name,
  timeZone: c.timeZone,
  week: c.week,
  holidays: c.holidays,
});

export const serviceGroupView = (c: ServiceGroupConfig): ServiceGroupView => ({
  groupId: c.groupId,
  version: c.version,
  name: c.name,
  line: c.line,
  lead: c.lead,
  members: c.members,
  calendarId: c.calendarId,
});

export const serviceEntitlementView = (c: ServiceEntitlementConfig): ServiceEntitlementView => ({
  contractId: c.contractId,
  version: c.version,
  policyId: c.policyId,
  warrantyEndsOn: c.warrantyEndsOn,
});
