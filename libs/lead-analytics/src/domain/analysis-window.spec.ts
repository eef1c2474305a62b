import { InvalidInputError } from '#ltc/kernel';
import { analysisWindow } from './analysis-window.js';

describe('analysisWindow', () => {
  it('is open on both ends without bounds', () => {
    expect(analysisWindow()).toEqual({ from: null, before: null });
  });

  it('reads a date alone as the whole UTC day, on both ends', () => {
    expect(analysisWindow('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      before: '2026-04-01T00:00:00.000Z',
    });
    expect(analysisWindow('2026-03-02', '2026-03-02')).toEqual({
      from: '2026-03-02T00:00:00.000Z',
      before: '2026-03-03T00:00:00.000Z',
    });
  });

  it('includes a date-time `to` itself, and normalises offsets to UTC', () => {
    expect(analysisWindow('2026-03-02T10:00:00+02:00', '2026-03-02T09:00:00Z')).toEqual({
      from: '2026-03-02T08:00:00.000Z',
      before: '2026-03-02T09:00:00.001Z',
    });
  });

  it('refuses `from` after `to`, naming `from`', () => {
    const error = catchError(() => analysisWindow('2026-03-02', '2026-03-01'));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'from', rule: 'order' });
    expect(catchError(() => analysisWindow('2026-03-02T00:00:00.001Z', '2026-03-02T00:00:00Z'))).toMatchObject({
      field: 'from',
    });
  });

  it('refuses a date-time without its offset and a day that does not exist', () => {
    expect(catchError(() => analysisWindow('2026-03-02T10:00:00'))).toMatchObject({ field: 'from', rule: 'isIso8601' });
    expect(catchError(() => analysisWindow(undefined, '2026-02-30'))).toMatchObject({ field: 'to', rule: 'isIso8601' });
    expect(catchError(() => analysisWindow('yesterday'))).toMatchObject({ field: 'from' });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
