import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

type Canonicalize = (input: unknown) => string | undefined;
// CommonJS with an ES-style default export in its types: Node gives the function itself.
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  canonicalizeModule) as unknown as Canonicalize;

/** The reference: RFC 8785 by the `canonicalize` package, over the value's JSON form. */
const reference = (value: unknown): string => canonicalize(JSON.parse(JSON.stringify(value ?? null))) ?? 'null';

describe('canonicalJson', () => {
  it('gives the canonicalize package’s RFC 8785 text for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(reference(value))),
      { numRuns: 2_000 },
    );
  });

  it('treats what JSON leaves out or changes as JSON.stringify does', () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(-0),
      fc.constant(() => 1),
      fc.constant(Symbol('s')),
      fc.date({ noInvalidDate: true }),
      fc.string({ unit: 'binary' }),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        odd,
        fc.array(tie('node')),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree, { maxKeys: 8 }), (value) =>
        expect(canonicalJson(value)).toBe(reference(value)),
      ),
      { numRuns: 500 },
    );
  });

  it('sorts keys by UTF-16 code units and keeps integer-like keys in that order too', () => {
    expect(canonicalJson({ b: 1, a: { '10': true, '9': false, é: null, z: [3, undefined] } })).toBe(
      '{"a":{"10":true,"9":false,"z":[3,null],"é":null},"b":1}',
    );
    // RFC 8785 §3.2.3's example: "\u20ac" before "\r" by code unit, not by code point.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '\u0080': 4 })).toBe(
      '{"\\r":2,"\u0080":4,"\u20ac":1,"\ud83d\ude00":3}',
    );
    expect(canonicalJson({ n: 1e21, m: 0.000001, k: 1e-7 })).toBe('{"k":1e-7,"m":0.000001,"n":1e+21}');
  });

  it('refuses a bigint, as storing the event would', () => {
    expect(() => canonicalJson({ amount: 10n })).toThrow(TypeError);
  });
});
