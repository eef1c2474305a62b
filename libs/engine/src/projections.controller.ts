import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DomainError, NotFoundError } from '#ltc/kernel';
import { BackgroundJobs, ProjectionRunner, type SubscriberStatus } from '#ltc/projections';
import { ENGINE_OPTIONS, type EngineOptions } from './engine-options.js';

class RebuildView {
  @ApiProperty({ enum: ['running', 'failed'] }) state!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Position the rebuilt rows have reached (decimal string)' })
  position!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The head the rebuild heads for before it switches over' })
  headPosition!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

class ProjectionStatusView {
  @ApiProperty({ example: 'lead_list' }) name!: string;
  @ApiProperty({ enum: ['projection', 'process_manager'] }) kind!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Last applied global position (decimal string)' })
  position!: string | null;
  @ApiProperty({ description: 'Newest position in the event log' }) headPosition!: string;
  @ApiProperty({ description: 'Positions between the checkpoint and the head' }) lag!: string;
  @ApiProperty({
    example: 'live',
    description:
      'starting, catching_up, live, retrying (a transient failure is waited out), failed, stopped; ' +
      'on a process that does not run the jobs, as stored: running, retrying or failed',
  })
  state!: string;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'While retrying: when the next attempt starts (ISO-8601); reported by the active process',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({
    type: RebuildView,
    nullable: true,
    description:
      'A rebuild running beside the live rows (which readers keep reading until it switches over), or the last one that failed',
  })
  rebuild!: RebuildView | null;
}

class RunnerOwnerView {
  @ApiProperty() pid!: number;
  @ApiProperty() host!: string;
  @ApiProperty({ example: 'all', description: 'The holder process role: all or worker' }) processRole!: string;
  @ApiProperty({ description: 'When it took the lease (its own clock, ISO-8601)' }) since!: string;
}

class RunnerStatusView {
  @ApiProperty({
    enum: ['active', 'standby', 'api'],
    description:
      'active: this process runs projections, process managers and timers; standby: another process does, ' +
      'this one takes over when it stops; api: this process never runs them (LTC_ROLE=api)',
  })
  role!: string;
  @ApiProperty({ description: 'This process id' }) pid!: number;
  @ApiProperty({ enum: ['sqlite_lock_file', 'postgres_advisory_lock', 'none'] }) lease!: string;
  @ApiProperty({ type: RunnerOwnerView, nullable: true, description: 'The process that last took the lease' })
  owner!: RunnerOwnerView | null;
}

class ProjectionActionView {
  @ApiProperty({ example: 'lead_list' }) name!: string;
  @ApiProperty({ enum: ['rebuilding', 'restarting'] }) state!: string;
}

class ProjectionNameDto {
  @ApiProperty({ example: 'lead_list' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'name must be a projection name such as lead_list' })
  name!: string;
}

/** Operators' view of the read models: where each stands, what failed, and rebuilds. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(
    @Inject(ENGINE_OPTIONS) private readonly options: EngineOptions,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(BackgroundJobs) private readonly jobs: BackgroundJobs,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Where each projection and process manager stands: position, exact lag, state' })
  @ApiOkResponse({ type: [ProjectionStatusView] })
  async list(): Promise<ProjectionStatusView[]> {
    // A process that does not run the jobs reports what the running one stored, with the same lag.
    const statuses = this.runsJobsHere() ? await this.runner.status() : await this.runner.storedStatus();
    return statuses.map(toView);
  }

  @Get('runner')
  @ApiOperation({
    summary: 'Which process runs the background jobs: this one (active), another (standby), or never (api)',
  })
  @ApiOkResponse({ type: RunnerStatusView })
  async runnerStatus(): Promise<RunnerStatusView> {
    const status = await this.jobs.status();
    return { ...status, role: this.options.runLoops ? status.role : 'api' };
  }

  @Post(':name/rebuild')
  @ApiOperation({
    summary: 'Rebuild a projection from the start of the log',
    description:
      'A projection: its tables are filled again from the whole log beside the live ones, which readers keep ' +
      'reading; when caught up, one transaction switches them over (follow `rebuild` in GET /projections). ' +
      'A process manager that keeps tables of its own (lead_routing): they are reset and folded again up to ' +
      'its checkpoint, sending nothing.',
  })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ProjectionActionView,
    description: 'Rows reset; the projection (or the process manager’s own tables) is being folded again',
  })
  @ApiConflictResponse({
    description:
      'WORKER_NOT_IN_PROCESS (an API-only process), NOT_A_PROJECTION (a process manager without tables of its own)',
  })
  async rebuild(@Param() params: ProjectionNameDto): Promise<{ name: string; state: string }> {
    await this.inProcess(params.name, () => this.runner.rebuild(params.name));
    return { name: params.name, state: 'rebuilding' };
  }

  @Post(':name/restart')
  @ApiOperation({ summary: 'Restart a failed or stopped projection or process manager' })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ProjectionActionView,
    description: 'A failed or stopped subscriber starts again from its checkpoint',
  })
  @ApiConflictResponse({ description: 'WORKER_NOT_IN_PROCESS: this process serves the API only' })
  async restart(@Param() params: ProjectionNameDto): Promise<{ name: string; state: string }> {
    await this.inProcess(params.name, () => this.runner.restart(params.name));
    return { name: params.name, state: 'restarting' };
  }

  private async inProcess(name: string, action: () => Promise<void>): Promise<void> {
    if (!this.runsJobsHere()) {
      throw new DomainError(
        'WORKER_NOT_IN_PROCESS',
        'This process does not run the background jobs (API-only or standby); run the command on the active process',
      );
    }
    const known = (await this.runner.status()).some((s) => s.name === name);
    if (!known) throw new NotFoundError('Projection', name);
    try {
      await action();
    } catch (error) {
      if (error instanceof Error && /not a projection/.test(error.message)) {
        throw new DomainError('NOT_A_PROJECTION', error.message);
      }
      throw error;
    }
  }

  private runsJobsHere(): boolean {
    return this.options.runLoops && this.jobs.currentRole === 'active';
  }
}

function toView(status: SubscriberStatus): ProjectionStatusView {
  return {
    name: status.name,
    kind: status.kind,
    version: status.version,
    position: status.position === null ? null : status.position.toString(),
    headPosition: status.headPosition.toString(),
    lag: status.lag.toString(),
    state: status.state,
    lastError: status.lastError,
    nextAttemptAt: status.nextAttemptAt?.toISOString() ?? null,
    rebuild: status.rebuild
      ? {
          state: status.rebuild.state,
          position: status.rebuild.position?.toString() ?? null,
          headPosition: status.rebuild.headPosition?.toString() ?? null,
          error: status.rebuild.error,
        }
      : null,
  };
}
