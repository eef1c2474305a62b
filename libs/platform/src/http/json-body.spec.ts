import { InvalidInputError } from '#ltc/kernel';
import { MAX_JSON_DEPTH, parseJsonBody } from './json-body.js';

const refusal = (text: string): { field: string; rule: string } => {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof InvalidInputError) return { field: error.field, rule: error.rule };
    throw error;
  }
  throw new Error(`accepted ${text}`);
};

describe('parseJsonBody', () => {
  it('reads an empty body as no body', () => {
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('  \n')).toBeUndefined();
  });

  it('parses JSON as JSON', () => {
    expect(parseJsonBody('{"lead":{"tags":["a","b"]}}')).toEqual({ lead: { tags: ['a', 'b'] } });
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('{"name":')).toEqual({ field: 'body', rule: 'json' });
  });

  it('refuses prototype keys at any depth, naming their path', () => {
    expect(refusal('{"__proto__":{"admin":true}}')).toEqual({ field: '__proto__', rule: 'unknownField' });
    expect(refusal('{"lead":{"constructor":{"prototype":{}}}}')).toEqual({
      field: 'lead.constructor',
      rule: 'unknownField',
    });
    expect(refusal('{"items":[{"prototype":1}]}')).toEqual({ field: 'items.0.prototype', rule: 'unknownField' });
  });

  it('refuses lone surrogates in values and keys, and keeps well-formed pairs', () => {
    expect(refusal('{"name":"a\\ud800b"}')).toEqual({ field: 'name', rule: 'wellFormedUnicode' });
    expect(refusal('{"tags":["ok","\\udc00"]}')).toEqual({ field: 'tags.1', rule: 'wellFormedUnicode' });
    expect(refusal('{"\\ud800":1}')).toEqual({ field: '\ud800', rule: 'wellFormedUnicode' });
    expect(parseJsonBody('{"name":"\\ud83d\\ude00"}')).toEqual({ name: '😀' });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(refusal(nested(MAX_JSON_DEPTH + 1)).rule).toBe('maxDepth');
    // Far beyond any stack: refused, not a RangeError.
    expect(refusal(nested(50_000)).rule).toBe('maxDepth');
  });
});
