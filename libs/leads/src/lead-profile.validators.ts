import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CURRENCY_CODES } from '#ltc/kernel';
import { MoneyDto } from './deal-size.dto.js';

/**
 * The rules of a lead's profile fields, in one place for every body that carries them:
 * capturing (and importing) a lead, editing it, previewing its score. Each is the stack of
 * class-validator decorators a field used to repeat; `IsOptional` (or `null` handling) stays
 * on the field, since that is where the bodies differ.
 */
function stack(...decorators: PropertyDecorator[]): PropertyDecorator {
  // Registered bottom-up, as if written one per line above the property, so the rules are
  // checked (and reported) in the order they always were.
  return (target, property) => {
    for (const decorator of [...decorators].reverse()) decorator(target, property);
  };
}

/** A lead's name, company or contact person. */
export const IsLeadName = (): PropertyDecorator => stack(IsString(), Length(1, 200));

/** A region or an industry: free text that routing and territories match on. */
export const IsTerritoryText = (): PropertyDecorator => stack(IsString(), Length(1, 100));

export const IsLeadEmail = (): PropertyDecorator => IsEmail();

export const IsLeadPhone = (): PropertyDecorator =>
  Matches(/^\+?[0-9][0-9 ()./-]{4,30}$/, { message: 'phone must be a phone number such as +46 8 123 456' });

/** The language for the first contact, a BCP 47 tag. */
export const IsLanguageTag = (): PropertyDecorator =>
  Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'language must be a language tag such as sv or en-GB' });

export const IsLeadNotes = (): PropertyDecorator => stack(IsString(), Length(1, 4000));

/** The older form of a deal size: a number in major units of `currency`. */
export const IsMajorDealSize = (): PropertyDecorator =>
  stack(IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(1e12));

/** The currency of a deal size given in major units. */
export const IsDealSizeCurrency = (): PropertyDecorator =>
  IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code such as EUR' });

/** A deal size given exactly: integer minor units and a currency. */
export const IsDealSizeMoney = (): PropertyDecorator =>
  stack(
    IsObject(),
    ValidateNested(),
    Type(() => MoneyDto),
  );
