import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  UnsupportedMediaTypeException,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ApiCommandHeaders, Ctx, type RequestContext } from '#ltc/platform';
import { IMPORT_MAX_BYTES, importFormatOf, registerImportBodyParsers } from './import-body.parsers.js';
import { ImportLeadsQueryDto, ImportReportView } from './import-leads.dto.js';
import { IMPORT_COLUMNS } from './domain/import-rows.js';
import { IMPORT_MAX_ROWS, LeadImport } from './lead-import.service.js';

const ROUTE = '/leads/import';

const BODY_EXAMPLES = {
  csv: {
    summary: 'text/csv',
    value: [
      'name,company,email,source,estimatedDealSize,notes',
      'Fleet telematics,Nordfrakt AB,ingrid@nordfrakt.example,website,250000,"Asked for a call, after the ""big"" show"',
    ].join('\n'),
  },
  ndjson: {
    summary: 'application/x-ndjson',
    value: [
      '{"name":"Fleet telematics","company":"Nordfrakt AB","email":"ingrid@nordfrakt.example","source":"website"}',
      '{"name":"Cold-chain sensors","phone":"+46 8 555 1000","source":"tradeshow","estimatedDealSize":90000}',
    ].join('\n'),
  },
};

@ApiTags('leads')
@ApiBearerAuth()
@Controller()
export class ImportLeadsController implements OnModuleInit {
  constructor(
    @Inject(LeadImport) private readonly imports: LeadImport,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    registerImportBodyParsers(this.adapterHost.httpAdapter, ROUTE);
  }

  @Post(ROUTE)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk import of leads from CSV or NDJSON',
    description:
      `Each row is validated and captured exactly like \`POST /leads\` (duplicates by email/phone included); ` +
      `a bad row is reported and never blocks the others. Up to ${IMPORT_MAX_ROWS} rows and ` +
      `${IMPORT_MAX_BYTES / 1024 / 1024} MiB per request. CSV: a header row naming the columns ` +
      `(${IMPORT_COLUMNS.join(', ')}; name and source required), RFC 4180 quoting, BOM and CRLF tolerated, ` +
      'an empty cell means no value. NDJSON: one JSON object per line with the fields of `POST /leads`; ' +
      'blank lines are skipped. Row numbers count data rows from 1.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ description: 'The file', schema: { type: 'string' }, examples: BODY_EXAMPLES })
  @ApiCommandHeaders({
    idempotencyKey:
      'Each row is captured with the key `<key>:row:<n>`: re-posting the file with the same key writes nothing ' +
      'new and answers the same lead ids (rows come back `created` with `replayed: true`)',
    ifMatch: false,
  })
  @ApiOkResponse({ type: ImportReportView, description: 'Totals and one result per row (see `report`)' })
  @ApiBadRequestResponse({
    description:
      'The file as a whole: IMPORT_UNKNOWN_COLUMN / IMPORT_MISSING_COLUMN (errors[0].field names the column), ' +
      'IMPORT_MALFORMED (header row), IMPORT_EMPTY, or VALIDATION_FAILED for the query',
  })
  @ApiForbiddenResponse({ description: 'Only sales managers and admins import leads' })
  @ApiPayloadTooLargeResponse({ description: `Over ${IMPORT_MAX_ROWS} rows (IMPORT_TOO_LARGE) or over 10 MiB` })
  @ApiUnsupportedMediaTypeResponse({ description: 'Content-Type other than text/csv or application/x-ndjson' })
  async import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query() query: ImportLeadsQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReportView> {
    const format = importFormatOf(contentType);
    if (!format || typeof body !== 'string') {
      throw new UnsupportedMediaTypeException({
        code: 'IMPORT_UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the file as text/csv or application/x-ndjson',
      });
    }
    const report = await this.imports.import(ctx, body, {
      format,
      onDuplicate: query.onDuplicate ?? 'reject',
      firstRow: query.firstRow ?? 1,
      problemsOnly: query.report === 'errors',
    });
    return report as ImportReportView;
  }
}
