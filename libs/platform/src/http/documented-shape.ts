import 'reflect-metadata';

/** One problem with one field of a request: the path, the rule it broke, and a sentence for people. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

// The metadata keys @nestjs/swagger's @ApiProperty writes (its DECORATORS constants).
const PROPERTY_LIST = 'swagger/apiModelPropertiesArray';
const PROPERTY = 'swagger/apiModelProperties';

interface DocumentedProperty {
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly isArray?: boolean;
  readonly type?: unknown;
}

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * Checks a request against what the OpenAPI document says about its DTO: a property the
 * document marks required must be present, and `null` is accepted only where the document
 * says `nullable`. class-validator's `@IsOptional()` treats `null` like a missing field and
 * skips every rule, and `@ValidateNested()` skips a missing object, so without this a
 * `"method": null` or a body without its required `lead` reached the handler. Deriving the
 * check from the document keeps the contract clients read and the one enforced the same.
 */
export function documentedShapeErrors(value: unknown, dto: Constructor, prefix = ''): FieldError[] {
  if (!isPlainObject(value)) return [];
  const errors: FieldError[] = [];
  for (const name of documentedProperties(dto)) {
    const property = documentedProperty(dto, name);
    const field = prefix ? `${prefix}.${name}` : name;
    const given = Object.hasOwn(value, name) ? value[name] : undefined;
    if (given === undefined) {
      if (property.required !== false) errors.push({ field, rule: 'required', message: `${field} is required` });
      continue;
    }
    if (given === null) {
      if (property.nullable !== true) errors.push({ field, rule: 'notNull', message: `${field} must not be null` });
      continue;
    }
    const nested = nestedDto(property.type);
    if (nested === undefined) continue;
    // class-validator's @ValidateNested() takes an array for an object (and validates its items).
    if (property.isArray === true ? !Array.isArray(given) : !isPlainObject(given)) {
      const shape = property.isArray === true ? 'an array' : 'an object';
      errors.push({
        field,
        rule: property.isArray === true ? 'isArray' : 'isObject',
        message: `${field} must be ${shape}`,
      });
    } else if (Array.isArray(given)) {
      given.forEach((item: unknown, index) => {
        const itemField = `${field}.${index}`;
        if (item === null) errors.push({ field: itemField, rule: 'notNull', message: `${itemField} must not be null` });
        else errors.push(...documentedShapeErrors(item, nested, itemField));
      });
    } else {
      errors.push(...documentedShapeErrors(given, nested, field));
    }
  }
  return errors;
}

/** Whether a class carries OpenAPI property metadata, i.e. is a documented DTO. */
export function isDocumentedDto(type: unknown): type is Constructor {
  return typeof type === 'function' && documentedProperties(type as Constructor).length > 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function documentedProperties(dto: Constructor): string[] {
  const keys: unknown = Reflect.getMetadata(PROPERTY_LIST, dto.prototype as object);
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string').map((k) => k.slice(1)) : [];
}

function documentedProperty(dto: Constructor, name: string): DocumentedProperty {
  const metadata: unknown = Reflect.getMetadata(PROPERTY, dto.prototype as object, name);
  return typeof metadata === 'object' && metadata !== null ? metadata : {};
}

/** The DTO class of a nested property: `type: Dto`, `type: [Dto]` or a lazy `type: () => Dto`. */
function nestedDto(type: unknown): Constructor | undefined {
  if (typeof type !== 'function') return undefined;
  // An arrow function has no prototype: it is a lazy reference to the class.
  const resolved: unknown = 'prototype' in type ? type : (type as () => unknown)();
  return isDocumentedDto(resolved) ? resolved : undefined;
}
