import { RecordSplitter, type ImportFileFormat } from './record-splitter.js';

/** Feeds the text in pieces of `size` characters, as a file stream would. */
function split(format: ImportFileFormat, text: string, size = 3): string[] {
  const splitter = new RecordSplitter(format);
  const records: string[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...splitter.push(text.slice(i, i + size)));
  return [...records, ...splitter.end()];
}

describe('RecordSplitter', () => {
  describe('CSV', () => {
    it('cuts at line ends, whatever the piece size', () => {
      const text = 'name,source\nRobots,website\nCranes,webinar';
      for (const size of [1, 2, 5, 100]) {
        expect(split('csv', text, size)).toEqual(['name,source', 'Robots,website', 'Cranes,webinar']);
      }
    });

    it('keeps line breaks inside quoted fields, including after an escaped quote', () => {
      const text = 'name,notes\nRobots,"one\ntwo ""quoted""\r\nthree"\nCranes,x\n';
      for (const size of [1, 4, 100]) {
        expect(split('csv', text, size)).toEqual(['name,notes', 'Robots,"one\ntwo ""quoted""\r\nthree"', 'Cranes,x']);
      }
    });

    it('drops a BOM and the CR of CRLF, and skips empty lines', () => {
      expect(split('csv', '\uFEFFname\r\n\r\nRobots\r\n\nCranes\r\n', 1)).toEqual(['name', 'Robots', 'Cranes']);
    });

    it('treats a quote in the middle of a field as a character, as the server does', () => {
      expect(split('csv', 'name\n27" monitor\nCranes\n')).toEqual(['name', '27" monitor', 'Cranes']);
    });

    it('keeps a row of empty fields, which the server reports', () => {
      expect(split('csv', 'name,source\n,\n')).toEqual(['name,source', ',']);
    });

    it('runs an unclosed quote to the end of the text, as one record', () => {
      expect(split('csv', 'name\n"open\nmore\n')).toEqual(['name', '"open\nmore\n']);
    });
  });

  describe('NDJSON', () => {
    it('cuts at every line end and skips whitespace-only lines', () => {
      expect(split('ndjson', '\uFEFF{"a":1}\r\n  \n{"b":"x,\\"y\\""}\n\n{"c":3}', 2)).toEqual([
        '{"a":1}',
        '{"b":"x,\\"y\\""}',
        '{"c":3}',
      ]);
    });
  });
});
