import { ascending, nearestRankPercentile } from './percentile.js';

describe('nearestRankPercentile', () => {
  it('is null for no values', () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
  });

  it('takes the observed value at rank ceil(p/100 × n), never an interpolation', () => {
    const values = [30, 60, 90, 120];
    expect(nearestRankPercentile(values, 50)).toBe(60);
    expect(nearestRankPercentile(values, 90)).toBe(120);
    expect(nearestRankPercentile(values, 25)).toBe(30);
    expect(nearestRankPercentile(values, 26)).toBe(60);
    expect(nearestRankPercentile(values, 100)).toBe(120);
  });

  it('gives the middle value as the median of an odd count and a single value for every percentile', () => {
    expect(nearestRankPercentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(nearestRankPercentile([42], 1)).toBe(42);
    expect(nearestRankPercentile([42], 90)).toBe(42);
  });

  it('is not pushed up a rank by floating point (0.9 × 10 is rank 9)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRankPercentile(ten, 90)).toBe(9);
    expect(nearestRankPercentile(ten, 91)).toBe(10);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRankPercentile(hundred, 90)).toBe(90);
    expect(nearestRankPercentile(hundred, 50)).toBe(50);
  });

  it('refuses a percent outside (0, 100]', () => {
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('ascending', () => {
  it('sorts numbers as numbers and leaves its input alone', () => {
    const input = [100, 9, 20];
    expect(ascending(input)).toEqual([9, 20, 100]);
    expect(input).toEqual([100, 9, 20]);
  });
});
