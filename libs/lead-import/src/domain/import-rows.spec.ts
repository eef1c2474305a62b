import { readImportRows } from './import-rows.js';

describe('Import rows › deal sizes', () => {
  it('reads exact minor units with a currency as dealSize, and keeps the older major-unit column', () => {
    const rows = readImportRows(
      'name,source,dealSizeMinor,currency,estimatedDealSize\nA,website,1250050,SEK,\nB,website,,,2500.5\nC,website,99,,\n',
      'csv',
      1,
    );
    expect(rows).toEqual([
      { row: 1, input: { name: 'A', source: 'website', dealSize: { amountMinor: 1250050, currency: 'SEK' } } },
      { row: 2, input: { name: 'B', source: 'website', estimatedDealSize: 2500.5 } },
      { row: 3, input: { name: 'C', source: 'website', dealSize: { amountMinor: 99, currency: 'EUR' } } },
    ]);
  });
});
