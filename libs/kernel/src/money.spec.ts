import { isCurrencyCode, majorUnits, minorDigits, moneyFromMajor, moneyProblem } from './money.js';

describe('Money', () => {
  it('knows ISO 4217 codes and refuses anything else', () => {
    expect(['EUR', 'USD', 'SEK', 'JPY'].every(isCurrencyCode)).toBe(true);
    expect(['eur', 'EURO', 'XXY', '', 978, null].some(isCurrencyCode)).toBe(false);
  });

  it('says how many minor digits a currency has', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('accepts whole non-negative minor units with a known currency, and names the rule otherwise', () => {
    expect(moneyProblem({ amountMinor: 25_000_00, currency: 'EUR' })).toBeUndefined();
    expect(moneyProblem({ amountMinor: 12.5, currency: 'EUR' })).toMatch(/^amountMinor must be a whole number/);
    expect(moneyProblem({ amountMinor: -1, currency: 'EUR' })).toBe('amountMinor must not be negative');
    expect(moneyProblem({ amountMinor: 1, currency: 'eur' })).toMatch(/^currency must be an ISO 4217 code/);
    expect(moneyProblem(250)).toMatch(/^must be an object/);
  });

  it('converts major units exactly, refusing more decimals than the currency has', () => {
    expect(moneyFromMajor(2500.5, 'EUR')).toEqual({ amountMinor: 250050, currency: 'EUR' });
    expect(moneyFromMajor(0.1 + 0.2, 'EUR')).toEqual({ amountMinor: 30, currency: 'EUR' });
    expect(moneyFromMajor(1.005, 'EUR')).toBeUndefined();
    expect(moneyFromMajor(1.5, 'JPY')).toBeUndefined();
    expect(majorUnits({ amountMinor: 250050, currency: 'EUR' })).toBe(2500.5);
  });
});
