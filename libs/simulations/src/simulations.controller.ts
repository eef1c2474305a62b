import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { InvalidInputError } from '#ltc/kernel';
import {
  Ctx,
  ForbiddenRoleError,
  ValidationFailedException,
  bodyFieldErrors,
  type PolicySimulation,
  type RequestContext,
} from '#ltc/platform';
import { runSimulation } from './run-simulation.js';
import { SimulationRequestDto } from './simulation.dto.js';
import { SimulationKindView, SimulationResultView } from './simulation.views.js';
import { POLICY_SIMULATIONS } from './simulations.token.js';

/**
 * What-if over real history: the period's events replayed through the pure deciders under a
 * proposed policy, answered side by side with what happened. A computation, not a record:
 * it writes nothing, so the same request gives the same answer.
 */
@ApiTags('simulations')
@ApiBearerAuth()
@Controller('simulations')
@ApiForbiddenResponse({
  description: "FORBIDDEN: the kind's roles only (lead kinds: sales managers; sla: service managers)",
})
export class SimulationsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(POLICY_SIMULATIONS) private readonly simulations: readonly PolicySimulation[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'The policies a what-if can try, with who may run each' })
  @ApiOkResponse({ type: [SimulationKindView] })
  kinds(): SimulationKindView[] {
    return this.simulations.map((simulation) => ({
      kind: simulation.kind,
      summary: simulation.summary,
      roles: [...simulation.roles],
      scope: simulation.scope?.description ?? null,
    }));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Replay a period's real events under a proposed policy and compare with what actually happened",
  })
  @ApiOkResponse({ type: SimulationResultView })
  async simulate(@Body() body: SimulationRequestDto, @Ctx() ctx: RequestContext): Promise<SimulationResultView> {
    const simulation = this.kindOf(body.kind);
    if (!ctx.caller.roles.some((role) => role === 'admin' || simulation.roles.includes(role))) {
      throw new ForbiddenRoleError(simulation.roles);
    }
    const period = periodOf(body);
    const scope = body.scope ?? null;
    if (scope !== null && simulation.scope && !simulation.scope.pattern.test(scope)) {
      throw new InvalidInputError('scope', 'format', `scope must be ${simulation.scope.description}`);
    }
    if (scope !== null && !simulation.scope) {
      throw new InvalidInputError('scope', 'unsupported', `${simulation.kind} takes no scope`);
    }
    const policy = body.policy === undefined ? null : parseProposal(simulation, body.policy);
    const run = await runSimulation(this.store, ctx.tenantId, simulation, { policy, period, scope });
    return {
      kind: simulation.kind,
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      scope,
      policy: policy === null ? 'recorded' : 'proposed',
      eventsRead: run.eventsRead,
      sections: run.sections.map((section) => ({
        ...section,
        rows: section.rows.map((row) => ({ ...row, difference: roundedDifference(row.simulated, row.actual) })),
      })),
      assumptions: [...run.assumptions],
    };
  }

  private kindOf(kind: string): PolicySimulation {
    const found = this.simulations.find((simulation) => simulation.kind === kind);
    if (found) return found;
    const known = this.simulations.map((simulation) => simulation.kind).join(', ');
    throw new InvalidInputError('kind', 'isIn', `kind must be one of: ${known}`);
  }
}

function periodOf(body: SimulationRequestDto): { from: Date; to: Date } {
  const from = new Date(body.from);
  const to = new Date(body.to);
  if (to.getTime() <= from.getTime()) throw new InvalidInputError('to', 'after', 'to must be after from');
  return { from, to };
}

/** The kind's own checks (its route's DTO, then its rules), their field paths placed under `policy`. */
function parseProposal(simulation: PolicySimulation, input: unknown): unknown {
  const underPolicy = (field: string) => (field === '' || field === 'policy' ? 'policy' : `policy.${field}`);
  if (simulation.policyDto) {
    const errors = bodyFieldErrors(simulation.policyDto, input);
    if (errors.length > 0) {
      throw new ValidationFailedException(
        errors.map((error) => ({
          ...error,
          field: underPolicy(error.field),
          message: error.field === '' ? `policy ${error.message}` : `policy.${error.message}`,
        })),
      );
    }
  }
  try {
    return simulation.parsePolicy(input);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(underPolicy(error.field), error.rule, error.message);
  }
}

/** Shares are decimals; keep the difference to their precision rather than print float noise. */
const roundedDifference = (simulated: number, actual: number): number => Math.round((simulated - actual) * 1000) / 1000;
