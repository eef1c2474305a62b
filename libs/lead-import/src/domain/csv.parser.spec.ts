import { CsvHeaderError, parseCsv } from './csv.parser.js';

describe('parseCsv', () => {
  it('reads a header and data rows into values by column, numbering data rows from 1', () => {
    const table = parseCsv('name,source\nRobots,website\nCranes,referral_customer\n');
    expect(table.columns).toEqual(['name', 'source']);
    expect(table.rows).toEqual([
      { row: 1, values: { name: 'Robots', source: 'website' } },
      { row: 2, values: { name: 'Cranes', source: 'referral_customer' } },
    ]);
  });

  describe('quoting', () => {
    it('keeps commas inside quoted fields', () => {
      expect(parseCsv('name,company\n"Robots, phase 2","Lumen, AB"').rows).toEqual([
        { row: 1, values: { name: 'Robots, phase 2', company: 'Lumen, AB' } },
      ]);
    });

    it('reads a doubled quote as one quote', () => {
      expect(parseCsv('name\n"The ""big"" one"\n""""').rows).toEqual([
        { row: 1, values: { name: 'The "big" one' } },
        { row: 2, values: { name: '"' } },
      ]);
    });

    it('keeps line breaks (LF and CRLF) inside quoted fields without starting a new row', () => {
      const table = parseCsv('name,notes\r\nRobots,"line one\r\nline two\nline three"\r\nCranes,x\r\n');
      expect(table.rows).toEqual([
        { row: 1, values: { name: 'Robots', notes: 'line one\r\nline two\nline three' } },
        { row: 2, values: { name: 'Cranes', notes: 'x' } },
      ]);
    });

    it('reads an empty quoted field as an empty value, and a quoted empty line as a row', () => {
      expect(parseCsv('name,notes\n"",""\n').rows).toEqual([{ row: 1, values: { name: '', notes: '' } }]);
      expect(parseCsv('name,notes\n""\n').rows).toEqual([
        { row: 1, error: { rule: 'columnCount', message: 'Expected 2 fields as in the header row, found 1' } },
      ]);
    });

    it('keeps a quote in the middle of an unquoted field as a character', () => {
      expect(parseCsv('name\n27" monitors').rows).toEqual([{ row: 1, values: { name: '27" monitors' } }]);
    });

    it('reports text after a closing quote on that row and reads on', () => {
      const table = parseCsv('name,notes\n"Robots"x,ok\nCranes,ok\n');
      expect(table.rows[0]).toEqual({
        row: 1,
        error: { rule: 'quoting', message: 'Unexpected text after a closing quote: "x"' },
      });
      expect(table.rows[1]).toEqual({ row: 2, values: { name: 'Cranes', notes: 'ok' } });
    });

    it('reports a quote never closed on its row (it runs to the end of the file)', () => {
      const table = parseCsv('name,notes\nRobots,ok\nCranes,"never closed\nDrones,ok\n');
      expect(table.rows).toEqual([
        { row: 1, values: { name: 'Robots', notes: 'ok' } },
        { row: 2, error: { rule: 'quoting', message: 'A quoted field is never closed (a " is missing)' } },
      ]);
    });
  });

  describe('line ends, BOM and blank lines', () => {
    it('tolerates a byte order mark and CRLF line ends', () => {
      const table = parseCsv('\uFEFFname,source\r\nRobots,website\r\n');
      expect(table.columns).toEqual(['name', 'source']);
      expect(table.rows).toEqual([{ row: 1, values: { name: 'Robots', source: 'website' } }]);
    });

    it('keeps a CR that is not part of a line end', () => {
      expect(parseCsv('name\na\rb\n').rows).toEqual([{ row: 1, values: { name: 'a\rb' } }]);
    });

    it('skips empty lines without counting them, and keeps a trailing empty field', () => {
      const table = parseCsv('\nname,notes\n\nRobots,\r\n\r\nCranes,x\n\n');
      expect(table.rows).toEqual([
        { row: 1, values: { name: 'Robots', notes: '' } },
        { row: 2, values: { name: 'Cranes', notes: 'x' } },
      ]);
    });

    it('reads the last row without a line end', () => {
      expect(parseCsv('name\nRobots').rows).toEqual([{ row: 1, values: { name: 'Robots' } }]);
    });
  });

  describe('ragged rows', () => {
    it('reports a row with too few or too many fields on that row only', () => {
      const table = parseCsv('name,source,region\nRobots,website\nCranes,website,EMEA,extra\nDrones,website,APAC\n');
      expect(table.rows).toEqual([
        { row: 1, error: { rule: 'columnCount', message: 'Expected 3 fields as in the header row, found 2' } },
        { row: 2, error: { rule: 'columnCount', message: 'Expected 3 fields as in the header row, found 4' } },
        { row: 3, values: { name: 'Drones', source: 'website', region: 'APAC' } },
      ]);
    });
  });

  describe('empty input and the header row', () => {
    it.each([
      ['an empty file', ''],
      ['a BOM only', '\uFEFF'],
      ['blank lines only', '\n\r\n\n'],
    ])('reads %s as no columns and no rows', (_, text) => {
      expect(parseCsv(text)).toEqual({ columns: [], rows: [] });
    });

    it('reads a header without data rows as columns and no rows', () => {
      expect(parseCsv('name,source\n')).toEqual({ columns: ['name', 'source'], rows: [] });
    });

    it('trims spaces around column names', () => {
      expect(parseCsv(' name , source\nRobots,website').columns).toEqual(['name', 'source']);
    });

    it('refuses a header with a column named twice or a column without a name', () => {
      expect(() => parseCsv('name,source,name\n')).toThrow(
        new CsvHeaderError('Column "name" appears more than once in the header row'),
      );
      expect(() => parseCsv('name,,source\n')).toThrow(new CsvHeaderError('Column 2 of the header row has no name'));
      expect(() => parseCsv('name,"source\n')).toThrow(CsvHeaderError);
    });

    it('keeps a column named __proto__ as a plain value', () => {
      const row = parseCsv('__proto__\nx').rows[0];
      expect(row && 'values' in row && Object.keys(row.values)).toEqual(['__proto__']);
    });
  });
});
