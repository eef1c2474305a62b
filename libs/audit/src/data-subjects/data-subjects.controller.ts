import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedRead, Ctx, type RequestContext } from '#ltc/platform';
import { DataSubjects } from './data-subjects.service.js';
import {
  EraseSubjectDto,
  ErasureView,
  FindSubjectsQueryDto,
  FoundSubjectsView,
  SubjectExportView,
  SubjectIdParamDto,
} from './data-subjects.dto.js';

/**
 * The data subject's rights over HTTP: access (everything held about the person, decrypted)
 * and erasure (crypto-shredding: the key is destroyed, the log's bytes and hash chain stay).
 * Both are an administrator's: the export is the person's whole record in clear.
 */
@ApiTags('data-subjects')
@ApiBearerAuth()
@Controller('data-subjects')
export class DataSubjectsController {
  constructor(@Inject(DataSubjects) private readonly subjects: DataSubjects) {}

  @Get()
  // The read log must not itself keep the email or phone it was asked for.
  @AuditedRead('data_subject_lookup', { withheld: ['email', 'phone'] })
  @ApiOperation({
    summary:
      'Find the data subjects an email or phone number reaches (by keyed hash), to answer a request about a person',
  })
  @ApiOkResponse({ type: FoundSubjectsView })
  find(@Query() query: FindSubjectsQueryDto, @Ctx() ctx: RequestContext): Promise<FoundSubjectsView> {
    return this.subjects.find(ctx.tenantId, query);
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase a data subject: destroy their key so every personal value reads [erased] (read models, histories, exports, rebuilds); idempotent',
  })
  @ApiOkResponse({ type: ErasureView })
  @ApiNotFoundResponse({ description: 'No such data subject in this tenant' })
  erase(
    @Param() { id }: SubjectIdParamDto,
    @Body() body: EraseSubjectDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ErasureView> {
    return this.subjects.erase(ctx, id, body.reason);
  }

  @Get(':id/export')
  @AuditedRead('data_subject_export', { target: 'id' })
  @ApiOperation({
    summary: 'Subject access request: every personal value held about the data subject, decrypted, as JSON',
  })
  @ApiOkResponse({ type: SubjectExportView })
  @ApiNotFoundResponse({ description: 'No such data subject in this tenant' })
  export(@Param() { id }: SubjectIdParamDto, @Ctx() ctx: RequestContext): Promise<SubjectExportView> {
    return this.subjects.export(ctx.tenantId, id);
  }
}
