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
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { READ_MODEL_DB, Roles } from '#ltc/platform';
import { CheckpointStore, ProjectionRunner, type ReadModelHandle, type SubscriberStatus } from '#ltc/projections';
import { ENGINE_OPTIONS, type EngineOptions } from './engine.module.js';

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
    description: 'starting, catching_up, live, failed, stopped (or running/failed as stored)',
  })
  state!: string;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Where each projection and process manager stands: position, lag, state' })
  @Roles('auditor', 'sales_manager', 'service_manager')
  @ApiOkResponse({ type: [ProjectionStatusView] })
  async list(): Promise<ProjectionStatusView[]> {
    const statuses = this.options.runLoops ? await this.runner.status() : await this.storedStatuses();
    return statuses.map(toView);
  }

  @Post(':name/rebuild')
  @ApiOperation({ summary: 'Rebuild a projection from the start of the log' })
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({
    type: ProjectionActionView,
    description: 'Rows and checkpoint reset; the projection replays from the beginning',
  })
  @ApiConflictResponse({
    description: 'WORKER_NOT_IN_PROCESS (an API-only process), NOT_A_PROJECTION (a process manager)',
  })
  async rebuild(@Param() params: ProjectionNameDto): Promise<{ name: string; state: string }> {
    await this.inProcess(params.name, () => this.runner.rebuild(params.name));
    return { name: params.name, state: 'rebuilding' };
  }

  @Post(':name/restart')
  @ApiOperation({ summary: 'Restart a failed or stopped projection or process manager' })
  @HttpCode(202)
  @Roles('admin')
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
    if (!this.options.runLoops) {
      throw new DomainError('WORKER_NOT_IN_PROCESS', 'This process serves the API only; run the command on the worker');
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

  /** In an API-only process the runner is elsewhere: report what its checkpoints say. */
  private async storedStatuses(): Promise<SubscriberStatus[]> {
    const head = await this.store.readHeadPosition();
    const checkpoints = new CheckpointStore();
    const names = (await this.runner.status()).map((s) => ({ name: s.name, kind: s.kind }));
    const rows = await Promise.all(names.map((n) => checkpoints.load(this.readModels.db, n.name)));
    return names.map((n, i) => {
      const row = rows[i];
      const position = row?.position ?? null;
      const lag = head - (position ?? 0n);
      return {
        name: n.name,
        kind: n.kind,
        version: row?.version ?? 0,
        position,
        headPosition: head,
        lag: lag > 0n ? lag : 0n,
        state: row ? (row.state === 'failed' ? 'failed' : 'running') : 'starting',
        lastError: row?.lastError ?? null,
      } as SubscriberStatus;
    });
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
  };
}
