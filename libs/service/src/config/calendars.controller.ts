import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import {
  ApiCommandHeaders,
  Ctx,
  READ_MODEL_DB,
  ValidationFailedException,
  runCommandRoute,
  type RequestContext,
} from '#ltc/platform';
import type { Weekday } from '../domain/clock/business-calendar.js';
import { calendarProblems } from '../domain/clock/calendar-rules.js';
import { businessCalendarOf, type ServiceCalendarDefinition } from '../domain/config/index.js';
import { ConfigIdParamDto, ConfiguredView, versionAt } from './config-id.dto.js';
import { serviceCalendarCommands } from './config-commands.js';
import { listServiceCalendars } from './config.queries.js';
import { ServiceCalendarListView, ServiceCalendarView, serviceCalendarView } from './config.views.js';
import { ServiceCalendarDefinitionDto } from './service-calendar.dto.js';
import { loadServiceCalendar } from './stored-config.js';
import { withRevision } from './with-revision.js';

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The definition as the domain reads it: weekdays as numbers, periods copied out of the DTO instances. */
function definitionOf(body: ServiceCalendarDefinitionDto): ServiceCalendarDefinition {
  const week: Partial<Record<Weekday, { from: string; to: string }[]>> = {};
  for (const day of WEEKDAYS) {
    const periods = body.week[`${day}`];
    if (periods !== undefined) week[day] = periods.map(({ from, to }) => ({ from, to }));
  }
  return { name: body.name, timeZone: body.timeZone, week, holidays: body.holidays };
}

/** Business calendars: working hours per weekday in an IANA zone, and holidays; versioned. */
@ApiTags('service configuration')
@ApiBearerAuth()
@Controller('calendars')
export class CalendarsController {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List business calendars, each at its latest version' })
  @ApiOkResponse({ type: ServiceCalendarListView })
  async list(@Ctx() ctx: RequestContext): Promise<ServiceCalendarListView> {
    return { items: (await listServiceCalendars(this.readModels.db, ctx.tenantId)).map(serviceCalendarView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One business calendar at its current version (ETag for If-Match)' })
  @ApiOkResponse({ type: ServiceCalendarView })
  @ApiNotFoundResponse({ description: 'SERVICE_CALENDAR_NOT_FOUND' })
  async get(
    @Param() { id }: ConfigIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceCalendarView> {
    const stored = await loadServiceCalendar(this.store, ctx.tenantId, id);
    if (stored === null) throw new NotFoundError('ServiceCalendar', id);
    return serviceCalendarView(withRevision(reply, stored));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create a business calendar or store a new version of it' })
  @HttpCode(200)
  @ApiCommandHeaders({ ifMatch: 'The revision from GET /calendars/{id}; a calendar changed since answers 412' })
  @ApiOkResponse({ type: ConfiguredView, description: 'ServiceCalendarConfigured appended (none if unchanged)' })
  async configure(
    @Param() { id }: ConfigIdParamDto,
    @Body() body: ServiceCalendarDefinitionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConfiguredView> {
    const definition = definitionOf(body);
    // Every problem at once, each with its field (the decider refuses the first one too).
    const problems = calendarProblems(businessCalendarOf(definition));
    if (problems.length > 0) throw new ValidationFailedException(problems);
    const response = await runCommandRoute(this.bus, ctx, reply, {
      aggregate: serviceCalendarCommands,
      id,
      existing: false,
      command: { type: 'ConfigureServiceCalendar' as const, calendarId: id, actor: ctx.caller.userId, definition },
    });
    return { ...response, version: versionAt(response.revision) };
  }
}
