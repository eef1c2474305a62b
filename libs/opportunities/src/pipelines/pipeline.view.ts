import { ApiProperty } from '@nestjs/swagger';
import type { PipelineConfig } from '../domain/pipeline.types.js';
import { PipelineStageDto } from './pipeline.dto.js';

/** One pipeline at one version, as `GET /pipelines/{id}` and `GET /pipelines` show it. */
export class PipelineView implements PipelineConfig {
  @ApiProperty({ example: 'default' }) pipelineId!: string;
  @ApiProperty({ example: 1, description: '0: the built-in default, never configured' }) version!: number;
  @ApiProperty({ example: 'New business' }) name!: string;
  @ApiProperty({ type: [PipelineStageDto] }) stages!: PipelineStageDto[];
  @ApiProperty({ example: 1500 }) discountApprovalThresholdBp!: number;
  @ApiProperty({ example: 86_400 }) handoffAcceptanceTargetSeconds!: number;
  @ApiProperty({ example: 86_400 }) overdueEscalationSeconds!: number;
  @ApiProperty({ type: [String], example: ['price', 'competitor'] }) lossReasons!: string[];
}

export class PipelineListView {
  @ApiProperty({ type: [PipelineView], description: 'By id; `default` is always listed' })
  items!: PipelineView[];
}

/** The answer of `PUT /pipelines/{id}`: the command's answer and the version now in force. */
export class PipelineConfiguredView {
  @ApiProperty({ example: 'default' }) id!: string;
  @ApiProperty({ nullable: true, type: Number, example: 0, description: 'Stream revision; send it back in If-Match' })
  revision!: number | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Empty when nothing changed' })
  events!: { id: string; type: string; revision: number }[];
  @ApiProperty({ example: 1, description: 'The version in force after the command' }) version!: number;
}

export const pipelineView = (config: PipelineConfig): PipelineView => ({
  pipelineId: config.pipelineId,
  version: config.version,
  name: config.name,
  stages: config.stages.map((stage) => ({ ...stage, gates: [...stage.gates] })),
  discountApprovalThresholdBp: config.discountApprovalThresholdBp,
  handoffAcceptanceTargetSeconds: config.handoffAcceptanceTargetSeconds,
  overdueEscalationSeconds: config.overdueEscalationSeconds,
  lossReasons: [...config.lossReasons],
});
