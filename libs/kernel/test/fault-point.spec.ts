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
    expect(parseFaultPoint('projection.after-rows-before-checkpoint@lead_list:3')).toEqual({
      name: 'projection.after-rows-before-checkpoint',
      scope: 'lead_list',
      hit: 3,
    });
    for (const bad of [
      'projection.after-rows',
      'projection.after-rows-before-checkpoint@:2',
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
      ['', 'survived a1', `${FAULT_POINT_ENV}: event-store.mid-group-commit@a hit 2, killing the process`].sort(),
    );

    const scoped = runTypeScriptChild(CHILD, { [FAULT_POINT_ENV]: 'event-store.mid-group-commit@b:2' });
    expect(await scoped.exited).toBe('SIGKILL');
    expect(scoped.output().split('\n').sort()).toEqual(
      [
        '',
        'survived a1',
        'survived a2',
        'survived a3',
        'survived b1',
        `${FAULT_POINT_ENV}: event-store.mid-group-commit@b hit 2, killing the process`,
      ].sort(),
    );

    const other = runTypeScriptChild(CHILD, { [FAULT_POINT_ENV]: 'projection.after-rows-before-checkpoint' });
    expect(await other.exited).toBe(0);
    expect(other.output()).toBe('survived a1\nsurvived a2\nsurvived a3\nsurvived b1\nsurvived b2\nsurvived b3\n');
  });
});
