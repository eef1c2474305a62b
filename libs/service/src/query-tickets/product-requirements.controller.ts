import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import {
  listProductRequirements,
  ProductRequirementPageView,
  type ProductRequirementView,
} from '../read-models/product-requirements.queries.js';
import { toCsv } from './csv.js';
import { ProductRequirementQueryDto } from './ticket-query.dto.js';
import { TicketReaders } from './ticket-readers.js';

/** The most rows one CSV export holds: past it, narrow the filters. */
const CSV_MAX_ROWS = 10_000;

const CSV_COLUMNS = ['id', 'ticketId', 'title', 'description', 'product', 'account', 'raisedBy', 'raisedAt'] as const;

/** Product requirements raised from tickets, for the product-development flow. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('product-requirements')
export class ProductRequirementsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    private readonly readers: TicketReaders,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List product requirements raised from tickets, newest first; Accept: text/csv exports them all',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ProductRequirementPageView,
    description: `Of the tickets the caller may see. As text/csv: every match (up to ${CSV_MAX_ROWS}, newest first), limit and cursor ignored`,
  })
  async list(
    @Query() query: ProductRequirementQueryDto,
    @Ctx() ctx: RequestContext,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductRequirementPageView | string> {
    const filter = {
      scope: await this.readers.scopeOf(ctx),
      ...(query.product ? { product: query.product } : {}),
      ...(query.account ? { account: query.account } : {}),
    };
    if (wantsCsv(accept)) {
      const page = await listProductRequirements(this.readModels.queryDb, ctx.tenantId, {
        ...filter,
        limit: CSV_MAX_ROWS,
      });
      void reply.header('Content-Type', 'text/csv; charset=utf-8');
      void reply.header('Content-Disposition', 'attachment; filename="product-requirements.csv"');
      return toCsv(
        CSV_COLUMNS,
        page.items.map((item: ProductRequirementView) => CSV_COLUMNS.map((column) => item[column])),
      );
    }
    return listProductRequirements(this.readModels.queryDb, ctx.tenantId, {
      ...filter,
      limit: query.limit ?? 50,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
  }
}

/** CSV when the client asks for text/csv and does not prefer JSON first. */
export function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}
