import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

// One money and date shape for every context's request bodies (libs/platform).
export { MoneyDto, moneyOf, CALENDAR_DATE } from '#ltc/platform';

/** `/contracts/{id}`: the contract id, which is its deal's id. */
export class ContractIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** `/contracts/{id}/purchase-orders/{poId}`. */
export class PurchaseOrderParamDto extends ContractIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  poId!: string;
}

/** `/contracts/{id}/invoices/{invoiceId}`. */
export class InvoiceParamDto extends ContractIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  invoiceId!: string;
}

/** `/contracts/{id}/amendments/{amendmentId}`. */
export class AmendmentParamDto extends ContractIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  amendmentId!: string;
}

const NOT_FOUND =
  'CONTRACT_NOT_FOUND: no such contract, or one the caller may not see (the same answer, so its existence does not leak); nothing is written';

/** The 404 of every route on `/contracts/{id}`. */
export const ApiContractNotFound = (alsoMeans?: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: alsoMeans ? `${NOT_FOUND}. ${alsoMeans}` : NOT_FOUND });
