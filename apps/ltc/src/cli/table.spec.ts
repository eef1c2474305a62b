import { digits, table } from './table.js';

describe('table', () => {
  it('pads every column to its widest cell, figures to the right, and trims the line ends', () => {
    const text = table(
      [{ title: 'NAME' }, { title: 'LAG', alignRight: true }, { title: 'NOTE' }],
      [
        ['lead_list', '0', ''],
        ['org_reps', '12,345', 'retrying'],
      ],
    );
    expect(text.split('\n')).toEqual(['NAME          LAG  NOTE', 'lead_list       0', 'org_reps   12,345  retrying']);
  });

  it('groups the digits of positions beyond what a number holds exactly', () => {
    expect(digits('9007199254740993')).toBe('9,007,199,254,740,993');
    expect(digits('0')).toBe('0');
    expect(digits('-')).toBe('-');
  });
});
