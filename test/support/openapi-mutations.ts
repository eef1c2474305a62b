import fc from 'fast-check';

/** The part of an OpenAPI schema object the mutations read. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One malformed request body: the JSON text and the field the 400 must name. */
export interface BodyMutation {
  readonly description: string;
  readonly field: string;
  /** The body as sent; a function of the drawn value so fast-check can vary it. */
  readonly body: fc.Arbitrary<string>;
}

export type Resolve = (schema: Schema) => Schema;

/** `{"$ref": "#/components/schemas/X"}` → X, and `allOf: [X]` → X. */
export function resolver(components: Readonly<Record<string, Schema>>): Resolve {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref !== undefined) {
      const target = components[schema.$ref.replace('#/components/schemas/', '')];
      if (!target) throw new Error(`Unresolvable ${schema.$ref}`);
      return resolve(target);
    }
    if (schema.allOf?.length === 1 && schema.allOf[0])
      return { ...resolve(schema.allOf[0]), ...without(schema, 'allOf') };
    return schema;
  };
  return resolve;
}

function without<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** A plausible value for a schema: its example, default, first enum member or a typed stand-in. */
export function sampleOf(schema: Schema, resolve: Resolve): unknown {
  const s = resolve(schema);
  if (s.example !== undefined && s.type !== 'object') return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((name) => [name, sampleOf(s.properties?.[name] ?? {}, resolve)]),
      );
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items ?? {}, resolve));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date-time') return '2026-03-01T10:00:00Z';
      if (s.format === 'email') return 'someone@example.com';
      if (s.format === 'uuid') return '7d3f6f2e-1c1b-4a52-9a53-1f7f7a0e2b11';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return 'x';
  }
}

/** Values that no schema of the given type accepts. */
function wrongTypeValues(type: string | undefined): fc.Arbitrary<unknown> {
  const objects = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 2 });
  switch (type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), objects, fc.array(fc.string(), { maxLength: 2 }));
    case 'integer':
      return fc.oneof(
        fc.string({ maxLength: 5 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
        fc.boolean(),
        objects,
      );
    case 'number':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), objects, fc.constant([]));
    case 'boolean':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), objects);
    case 'array':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), objects);
    case 'object':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant([]));
    default:
      return fc.constant(undefined);
  }
}

/** A string holding a UTF-16 surrogate without its partner. */
const loneSurrogateString = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([before, unit, after]) => `${before}${String.fromCharCode(unit)}${after.replace(/^[\uDC00-\uDFFF]+/, '')}`)
  .filter((text) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text));

/** `{"a": {"a": …}}` or `[[…]]`, 40 levels down: deeper than any body nests. */
const deeplyNested = fc.constantFrom('{"a":', '[').map((open) => {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(40)}1${close.repeat(40)}`;
});

/** An object literal with one own key, even `__proto__` (an object literal would set the prototype). */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const PLACEHOLDER = '"__fuzz_value__"';

/**
 * Every malformed variant of a body the schema allows us to name: per property, missing
 * (when required), null (unless nullable), a wrong type, out of its enum or bounds, a
 * lone surrogate, a value nested too deep; per object, an unknown key and each prototype key.
 */
export function bodyMutations(schema: Schema, resolve: Resolve): BodyMutation[] {
  const root = resolve(schema);
  const base = sampleOf(root, resolve) as Record<string, unknown>;
  const mutations: BodyMutation[] = [
    { description: 'a null body', field: 'body', body: fc.constant('null') },
    { description: 'an array body', field: 'body', body: fc.constant('[]') },
    {
      description: 'a scalar body',
      field: 'body',
      body: fc.oneof(fc.integer(), fc.string()).map((v) => JSON.stringify(v)),
    },
  ];
  const visit = (
    objectSchema: Schema,
    path: string[],
    place: (value: unknown) => unknown,
    object: Record<string, unknown>,
  ) => {
    const at = (name: string) => [...path, name].join('.');
    const keyed = (key: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
      value.map((v) => JSON.stringify(place(withKey(object, key, v))));
    mutations.push({
      description: `unknown field at ${at('zz')}`,
      field: at('zzUnknown'),
      body: keyed('zzUnknown', fc.jsonValue({ maxDepth: 2 })),
    });
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      mutations.push({
        description: `${key} key at ${at(key)}`,
        field: at(key),
        body: keyed(key, fc.constantFrom({}, { polluted: true }, 1)),
      });
    }
    for (const [name, rawProperty] of Object.entries(objectSchema.properties ?? {})) {
      const property = resolve(rawProperty);
      const field = at(name);
      const set = (value: fc.Arbitrary<unknown>): fc.Arbitrary<string> => keyed(name, value);
      if (objectSchema.required?.includes(name)) {
        const rest = { ...object };
        delete rest[name];
        mutations.push({ description: `missing ${field}`, field, body: fc.constant(JSON.stringify(place(rest))) });
      }
      if (property.nullable !== true)
        mutations.push({ description: `null ${field}`, field, body: set(fc.constant(null)) });
      if (property.oneOf !== undefined || property.type === undefined) continue;
      mutations.push({ description: `wrong type for ${field}`, field, body: set(wrongTypeValues(property.type)) });
      mutations.push({
        description: `${field} nested 40 deep`,
        field,
        body: deeplyNested.map((nested) =>
          JSON.stringify(place(withKey(object, name, '__fuzz_value__'))).replace(PLACEHOLDER, nested),
        ),
      });
      if (property.type === 'string') {
        mutations.push({ description: `lone surrogate in ${field}`, field, body: set(loneSurrogateString) });
        if (property.enum)
          mutations.push({
            description: `${field} outside its enum`,
            field,
            body: set(fc.constant('zz-not-a-member')),
          });
        if (property.maxLength !== undefined) {
          const max = property.maxLength;
          mutations.push({
            description: `${field} too long`,
            field,
            body: set(fc.integer({ min: max + 1, max: max * 20 + 100 }).map((n) => 'x'.repeat(n))),
          });
        }
      }
      if ((property.type === 'integer' || property.type === 'number') && property.maximum !== undefined) {
        mutations.push({
          description: `${field} above its maximum`,
          field,
          body: set(fc.integer({ min: property.maximum + 1 })),
        });
      }
      if ((property.type === 'integer' || property.type === 'number') && property.minimum !== undefined) {
        mutations.push({
          description: `${field} below its minimum`,
          field,
          body: set(fc.integer({ max: property.minimum - 1 })),
        });
      }
      if (property.type === 'object' && property.properties) {
        const nested = (sampleOf(property, resolve) ?? {}) as Record<string, unknown>;
        visit(property, [...path, name], (value) => place(withKey(object, name, value)), nested);
      }
      if (property.type === 'array' && property.items) {
        const item = resolve(property.items);
        if (item.type === 'object' && item.properties) {
          const sample = sampleOf(item, resolve) as Record<string, unknown>;
          visit(item, [...path, name, '0'], (value) => place(withKey(object, name, [value])), sample);
        }
      }
    }
  };
  visit(root, [], (value) => value, base);
  return mutations;
}
