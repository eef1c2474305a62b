import { parseNdjson } from './ndjson.parser.js';

describe('parseNdjson', () => {
  it('reads one object per line, numbering rows from 1', () => {
    expect(parseNdjson('{"name":"Robots"}\n{"name":"Cranes","estimatedDealSize":5}\n')).toEqual([
      { row: 1, value: { name: 'Robots' } },
      { row: 2, value: { name: 'Cranes', estimatedDealSize: 5 } },
    ]);
  });

  it('skips blank and whitespace-only lines without counting them', () => {
    expect(parseNdjson('\n{"name":"Robots"}\n   \n\t\n{"name":"Cranes"}')).toEqual([
      { row: 1, value: { name: 'Robots' } },
      { row: 2, value: { name: 'Cranes' } },
    ]);
  });

  it('tolerates a byte order mark and CRLF line ends', () => {
    expect(parseNdjson('\uFEFF{"name":"Robots"}\r\n{"name":"Cranes"}\r\n')).toEqual([
      { row: 1, value: { name: 'Robots' } },
      { row: 2, value: { name: 'Cranes' } },
    ]);
  });

  it('keeps escaped line breaks inside strings', () => {
    expect(parseNdjson('{"notes":"one\\ntwo"}')).toEqual([{ row: 1, value: { notes: 'one\ntwo' } }]);
  });

  it('reports a line that is not JSON on its row and reads on', () => {
    const rows = parseNdjson('{"name":"Robots"}\n{"name":\n{"name":"Cranes"}');
    expect(rows[1]).toMatchObject({ row: 2, error: { rule: 'json' } });
    expect(rows[2]).toEqual({ row: 3, value: { name: 'Cranes' } });
  });

  it.each([
    ['an array', '[1,2]'],
    ['a string', '"Robots"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('reports %s as not an object', (kind, line) => {
    expect(parseNdjson(line)).toEqual([
      { row: 1, error: { rule: 'notAnObject', message: `Each line must be a JSON object, found ${kind}` } },
    ]);
  });

  it('reads an empty file as no rows', () => {
    expect(parseNdjson('')).toEqual([]);
    expect(parseNdjson('\uFEFF\n\n')).toEqual([]);
  });
});
