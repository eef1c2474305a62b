import { Progress, duration, progressBar, progressText } from './progress.js';

describe('progress', () => {
  it('shows rows done of the total, the rate and the time left', () => {
    expect(progressText({ done: 3000, total: 8000, elapsedMs: 2400 })).toBe('3,000/8,000 rows  1,250 rows/s  ETA 4s');
    expect(progressBar({ done: 3000, total: 8000, elapsedMs: 2400 })).toBe(
      '[#########---------------]  3,000/8,000 rows  1,250 rows/s  ETA 4s',
    );
  });

  it('leaves the ETA out when done or before any rate is known', () => {
    expect(progressText({ done: 8000, total: 8000, elapsedMs: 4000 })).toBe('8,000/8,000 rows  2,000 rows/s');
    expect(progressText({ done: 0, total: 8000, elapsedMs: 0 })).toBe('0/8,000 rows  0 rows/s');
  });

  it('writes durations for people', () => {
    expect(duration(0.2)).toBe('1s');
    expect(duration(125)).toBe('2m05s');
    expect(duration(3780)).toBe('1h03m');
  });

  it('redraws one line on a terminal', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: true, write: (text: string) => written.push(text) }, 2000);
    progress.advance(1000);
    progress.advance(1000);
    progress.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[#{12}-{12}\] {2}1,000\/2,000 rows/);
    expect(written[1]).toMatch(/^\r\[#{24}\] {2}2,000\/2,000 rows/);
    expect(written[2]).toBe('\n');
  });

  it('prints a plain line every 5,000 rows when not on a terminal', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: false, write: (text: string) => written.push(text) }, 12_000);
    for (let i = 0; i < 12; i++) progress.advance(1000);
    progress.finish();
    expect(written.map((line) => line.split(' ')[0])).toEqual(['5,000/12,000', '10,000/12,000']);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('follows a total that grows while the work goes on', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: true, write: (text: string) => written.push(text) }, 0, 'events');
    progress.moveTo(1000, 4000);
    progress.moveTo(5000, 5000);
    expect(written[0]).toMatch(/^\r\[#{6}-{18}\] {2}1,000\/4,000 events/);
    expect(written[1]).toMatch(/^\r\[#{24}\] {2}5,000\/5,000 events/);
  });

  it('writes a note on a line of its own, over the bar on a terminal', () => {
    const onTerminal: string[] = [];
    new Progress({ isTTY: true, write: (text: string) => onTerminal.push(text) }, 10).note('retrying');
    expect(onTerminal).toEqual(['\rretrying\x1b[K\n']);
    const inFile: string[] = [];
    new Progress({ isTTY: false, write: (text: string) => inFile.push(text) }, 10).note('retrying');
    expect(inFile).toEqual(['retrying\n']);
  });
});
