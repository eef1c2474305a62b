import { expectEvery, expectExactlyOne } from './race.js';

const won = { status: 201, body: { id: 'lead-1' } };
const lost = { status: 409, body: { code: 'LEAD_DUPLICATE' } };

describe('Race assertions', () => {
  it('returns the single winner when every other request lost with the code', () => {
    expect(expectExactlyOne([lost, won, lost], { winner: 201, losers: [409, 'LEAD_DUPLICATE'] })).toBe(won);
  });

  it('fails when a loser got another status, even if no loser had the expected one', () => {
    expect(() => expectExactlyOne([won, { status: 500, body: {} }], { winner: 201, losers: [409, 'X'] })).toThrow(
      'Expected exactly one 201 and 1 × 409 X, got 1 × 201, 1 × 500',
    );
  });

  it('fails on two winners, on a loser with another code and on no requests at all', () => {
    const expectation = { winner: 201, losers: [409, 'LEAD_DUPLICATE'] } as const;
    expect(() => expectExactlyOne([won, won], expectation)).toThrow('got 2 × 201');
    expect(() => expectExactlyOne([won, { status: 409, body: { code: 'OTHER' } }], expectation)).toThrow(
      '1 × 409 OTHER',
    );
    expect(() => expectExactlyOne([], expectation)).toThrow('no responses');
  });

  it('expectEvery fails unless every request got the status', () => {
    expect(() => expectEvery([won, won], 201)).not.toThrow();
    expect(() => expectEvery([won, lost], 201)).toThrow('got 1 × 201, 1 × 409 LEAD_DUPLICATE');
    expect(() => expectEvery([], 201)).toThrow();
  });
});
