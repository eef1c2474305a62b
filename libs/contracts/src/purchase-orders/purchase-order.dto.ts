import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandResponseDto } from '#ltc/platform';
import { CALENDAR_DATE, MoneyDto } from '../contract-dto.js';

/** One line of a purchase order: value = quantity × unit price. */
export class OrderLineDto {
  @ApiProperty({ example: 'TLM-100' })
  @IsString()
  @Length(1, 100)
  sku!: string;

  @ApiProperty({ example: 'Telematics unit' })
  @IsString()
  @Length(0, 500)
  description!: string;

  @ApiProperty({ example: 20, description: 'Whole units' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice!: MoneyDto;
}

/** Body of `POST /contracts/{id}/purchase-orders`. */
export class PlacePurchaseOrderDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'PO-2026-0113',
    description: 'The customer’s reference',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string | null;

  @ApiProperty({ type: [OrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];

  @ApiProperty({ example: '2026-06-05', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'orderedOn must be a date YYYY-MM-DD' })
  orderedOn!: string;
}

/** What a delivery brought: so many units of an article. */
export class DeliveredItemDto {
  @ApiProperty({ example: 'TLM-100' })
  @IsString()
  @Length(1, 100)
  sku!: string;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
}

/** Body of `POST /contracts/{id}/purchase-orders/{poId}/deliveries` (a partial delivery is fine). */
export class RecordDeliveryDto {
  @ApiProperty({ type: MoneyDto, description: 'The value delivered' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  value!: MoneyDto;

  @ApiProperty({ type: [DeliveredItemDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DeliveredItemDto)
  items!: DeliveredItemDto[];

  @ApiProperty({ example: '2026-06-20', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'deliveredOn must be a date YYYY-MM-DD' })
  deliveredOn!: string;
}

/** Body of `POST /contracts/{id}/purchase-orders/{poId}/acceptances`: accepted and/or rejected value. */
export class RecordAcceptanceDto {
  @ApiProperty({ type: MoneyDto, description: 'The value the customer accepts (may be zero)' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  accepted!: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, description: 'The value the customer rejects; default zero' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  rejected?: MoneyDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required when anything is rejected' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string | null;

  @ApiProperty({ example: '2026-06-25', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'answeredOn must be a date YYYY-MM-DD' })
  answeredOn!: string;
}

export class PurchaseOrderPlacedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) purchaseOrderId!: string;
}

export class DeliveryRecordedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
}

export class AcceptanceRecordedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) acceptanceId!: string;
}
