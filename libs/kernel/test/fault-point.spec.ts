import { FAULT_POINT_ENV, faultPoint, parseFaultPoint } from '#ltc/kernel';
import { runTypeScriptChild, siblingFile } from '#ltc/testing';

const CHILD = siblingFile(import.meta.url, 'fault-point.child.ts');

describe('Fault points (test-only crash injection)', () => {
  it('are armed only by a known name, optionally with the hit to die on', () => {
    expect(parseFaultPoint(undefined)).toBeUndefined();
    expect(parseFaultPoint('')).toBeUndefined();
    expect(parseFaultPoint('projection.after-rows-before-checkpoint')).toEqual({
      name: 'projection.after-rows-before-checkpoint',
      hit: 1,
    });
    expect(parseFaultPoint('event-store.mid-group-commit:12')).toEqual({
      name: 'event-store.mid-group-commit',
      hit: 12,
    });
    for (const bad of [
      'projection.after-rows',
      'event-store.mid-group-commit:0',
      'command.after-append-before-response:x',
    ]) {
      expect(() => parseFaultPoint(bad)).toThrow(`${FAULT_POINT_ENV}="${bad}" names no fault point`);
    }
  });

  it('do nothing in a process started without the variable', () => {
    expect(process.env[FAULT_POINT_ENV]).toBeUndefined();
    expect(() => faultPoint('command.after-append-before-response')).not.toThrow();
  });

  it('kill the process with SIGKILL on the named hit, and only there', async () => {
    const armed = runTypeScriptChild(CHILD, { [FAULT_POINT_ENV]: 'event-store.mid-group-commit:2' });
    expect(await armed.exited).toBe('SIGKILL');
    // Two pipes (stdout, stderr): compare the lines, not their interleaving.
    expect(armed.output().split('\n').sort()).toEqual(
      ['', 'survived 1', `${FAULT_POINT_ENV}: event-store.mid-group-commit hit 2, killing the process`].sort(),
    );

    const other = runTypeScriptChild(CHILD, { [FAULT_POINT_ENV]: 'projection.after-rows-before-checkpoint' });
    expect(await other.exited).toBe(0);
    expect(other.output()).toBe('survived 1\nsurvived 2\nsurvived 3\n');
  });
});
