import { createHash } from 'node:crypto';
import { commandIdFromKey, entityIdFromCommandId, newCommandId, requestHash } from './idempotency.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * These ids and hashes are stored in event metadata: a retry after an upgrade must
 * compute the same values, so the exact formats are pinned here.
 */
describe('Idempotency ids', () => {
  it('derives the command id from tenant, caller and key, separated so that no two triples collide', () => {
    const id = commandIdFromKey('acme', 'user-1', 'k1');
    expect(id).toBe(`cmd_${sha256('acme\u0000user-1\u0000k1').slice(0, 40)}`);
    expect(id).toMatch(/^cmd_[0-9a-f]{40}$/);
    expect(commandIdFromKey('acme', 'user-1', 'k1')).toBe(id);
    expect(commandIdFromKey('acme', 'user-2', 'k1')).not.toBe(id);
    expect(commandIdFromKey('globex', 'user-1', 'k1')).not.toBe(id);
    expect(commandIdFromKey('acme', 'user-1k', '1')).not.toBe(commandIdFromKey('acme', 'user-', '1k1'));
  });

  it('gives commands without a key a fresh id each time', () => {
    const [a, b] = [newCommandId(), newCommandId()];
    expect(a).toMatch(/^cmd_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('turns a command id into a stable UUID-shaped entity id (version 8, variant a)', () => {
    const hex = sha256('entity\u0000cmd_1');
    const id = entityIdFromCommandId('cmd_1');
    expect(id).toBe(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    );
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entityIdFromCommandId('cmd_1')).toBe(id);
    expect(entityIdFromCommandId('cmd_2')).not.toBe(id);
  });
});

describe('Request hash', () => {
  it('hashes canonical JSON: keys sorted at every depth, undefined members dropped, arrays in order', () => {
    const body = { b: 1, a: [3, { z: null, y: 'x', w: undefined }, true], c: { e: 'é', d: -2.5 } };
    expect(requestHash(body)).toBe(sha256('{"a":[3,{"y":"x","z":null},true],"b":1,"c":{"d":-2.5,"e":"é"}}'));
  });

  it('is the same for the same body in any key order, and differs for any other body', () => {
    const hash = requestHash({ name: 'Ada', tags: ['a', 'b'], size: { amount: 5, currency: 'EUR' } });
    expect(requestHash({ size: { currency: 'EUR', amount: 5 }, tags: ['a', 'b'], name: 'Ada' })).toBe(hash);
    for (const other of [
      { name: 'Ada', tags: ['b', 'a'], size: { amount: 5, currency: 'EUR' } },
      { name: 'Ada', tags: ['a', 'b'], size: { amount: 5, currency: 'USD' } },
      { name: 'Ada', tags: ['a', 'b'], size: { amount: '5', currency: 'EUR' } },
      { name: 'Ada', tags: ['a', 'b'] },
    ]) {
      expect(requestHash(other)).not.toBe(hash);
    }
  });

  it('hashes a missing body as null, and sorts keys by code unit', () => {
    expect(requestHash(undefined)).toBe(sha256('null'));
    expect(requestHash(null)).toBe(sha256('null'));
    expect(requestHash({ b: 1, B: 2, a: 3, a1: 4 })).toBe(sha256('{"B":2,"a":3,"a1":4,"b":1}'));
    expect(requestHash({ a: 1, a1: 2 })).toBe(requestHash({ a1: 2, a: 1 }));
    expect(requestHash('text')).toBe(sha256('"text"'));
    expect(requestHash([])).toBe(sha256('[]'));
    expect(requestHash({})).toBe(sha256('{}'));
  });
});
