import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { documentedShapeErrors, isDocumentedDto, isPlainObject, type FieldError } from './documented-shape.js';
import { inspectJson } from './json-body.js';

/** A 400 VALIDATION_FAILED: one entry per field, each naming the field, the rule and what to do. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super({ code: 'VALIDATION_FAILED', message: fieldErrors.map((e) => e.message).join('; '), errors: fieldErrors });
  }
}

/**
 * Request bodies, queries and path parameters are validated against their DTO: unknown
 * fields are refused, not silently dropped; a required field must be there and `null` is
 * refused unless the OpenAPI document allows it (documented-shape.ts); and each field gets
 * one message, the one a person can act on ("email is required", "maxOpenLeads must be an
 * integer"), not every rule it happened to break.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) =>
        new ValidationFailedException(oneErrorPerField(errors.flatMap((e) => flatten(e, '')))),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if (!this.toValidate(metadata) || !isDocumentedDto(dto)) return super.transform(value, metadata);
    if (metadata.type === 'body' && value !== undefined && !isPlainObject(value)) {
      throw new ValidationFailedException([
        {
          field: 'body',
          rule: 'isObject',
          message: 'body must be a JSON object, e.g. {} for a command without fields',
        },
      ]);
    }
    // Bodies were inspected while parsing; queries and path parameters are inspected here.
    if (metadata.type !== 'body') inspectJson(value, metadata.type);
    const shapeErrors = documentedShapeErrors(value ?? {}, dto);
    let validated: unknown;
    try {
      validated = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailedException)) throw error;
      throw new ValidationFailedException(merge(shapeErrors, error.fieldErrors));
    }
    if (shapeErrors.length > 0) throw new ValidationFailedException(shapeErrors);
    return validated;
  }
}

/**
 * The pipe's check of a body against its DTO, synchronously and without a route: for a part of
 * a body that arrives as free JSON and is checked by its own DTO (a proposed policy inside a
 * what-if request), so it is refused exactly as its own route would refuse it.
 */
export function bodyFieldErrors(dto: new () => object, value: unknown): FieldError[] {
  if (!isPlainObject(value)) return [{ field: '', rule: 'isObject', message: 'must be a JSON object' }];
  const shapeErrors = documentedShapeErrors(value, dto);
  const errors = validateSync(plainToInstance(dto, value), { whitelist: true, forbidNonWhitelisted: true });
  return merge(shapeErrors, oneErrorPerField(errors.flatMap((e) => flatten(e, ''))));
}

/** The pipe every route validates its input with (installed globally in libs/engine/src/http-app.ts). */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}

/**
 * The documented-shape errors win for their field and everything under it: once `lead`
 * is missing, "lead.source must be one of…" only repeats it.
 */
function merge(shapeErrors: readonly FieldError[], ruleErrors: readonly FieldError[]): FieldError[] {
  const covered = (field: string): boolean =>
    shapeErrors.some((s) => field === s.field || field.startsWith(`${s.field}.`));
  return [...shapeErrors, ...ruleErrors.filter((e) => !covered(e.field))];
}

/**
 * Which of a field's broken rules to report: an unknown field first, then the shape
 * (object, array, type), then the value. "name must be a string" says it all; "name must
 * be longer than 1 character" on a number only confuses.
 */
const RULE_PRIORITY = [
  'unknownField',
  'isDefined',
  'nestedValidation',
  'isObject',
  'isArray',
  'isString',
  'isBoolean',
  'isInt',
  'isNumber',
  'isEnum',
  'isIn',
];

function rank(rule: string): number {
  const index = RULE_PRIORITY.indexOf(rule);
  return index === -1 ? RULE_PRIORITY.length : index;
}

function oneErrorPerField(errors: readonly FieldError[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    const kept = byField.get(error.field);
    if (kept === undefined || rank(error.rule) < rank(kept.rule)) byField.set(error.field, error);
  }
  return [...byField.values()];
}

function flatten(error: ValidationError, prefix: string): FieldError[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => describe(field, rule, message));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

/** class-validator's default wording, made plainer where it reads like a type system. */
function describe(field: string, rule: string, message: string): FieldError {
  if (rule === 'whitelistValidation') return { field, rule: 'unknownField', message: `${field} is not a known field` };
  if (rule === 'nestedValidation') return { field, rule, message: `${field} must be an object` };
  return { field, rule, message: message.replace(/ must be an integer number$/, ' must be an integer') };
}
