import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  it('lets a caller burst up to the limit, then says when the next token is free', () => {
    let now = 0;
    const buckets = new TokenBuckets({ requests: 3, windowSeconds: 60 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([undefined, undefined, undefined]);
    expect(buckets.take('a')).toBe(20);
    expect(buckets.take('b')).toBeUndefined();
    now = 20_000;
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBe(20);
  });
});
