import { DomainError, InvalidInputError, type Decider } from '#ltc/kernel';
import { deciderSpec } from './decider-spec.js';

type CounterEvent = { type: 'Added'; data: { by: number } } | { type: 'Reset'; data: { from: number } };
type CounterCommand = { type: 'Add'; by: number } | { type: 'Reset' };

/** A counter that refuses a zero step, refuses to reset at zero, and emits nothing for a reset of zero. */
const counter: Decider<CounterCommand, CounterEvent, number> = {
  initialState: () => 0,
  decide: (command, total) => {
    if (command.type === 'Reset') {
      if (total < 0) throw new DomainError('COUNTER_NEGATIVE', 'cannot reset below zero');
      return total === 0 ? [] : [{ type: 'Reset', data: { from: total } }];
    }
    if (command.by === 0) throw new InvalidInputError('by', 'nonZero', 'by must not be 0');
    return [{ type: 'Added', data: { by: command.by } }];
  },
  evolve: (total, event) => (event.type === 'Added' ? total + event.data.by : 0),
};

const spec = deciderSpec(counter);
const added = (by: number): CounterEvent => ({ type: 'Added', data: { by } });

describe('Decider spec', () => {
  it('given a history, folds it into the state and decides the command on it', () => {
    expect(spec.given([added(2), added(3)]).state).toBe(5);
    spec
      .given([added(2)])
      .when({ type: 'Reset' })
      .thenEmits([{ type: 'Reset', data: { from: 2 } }]);
    expect(
      spec
        .given([added(2)])
        .when({ type: 'Add', by: 1 })
        .thenEmitsOne('Added'),
    ).toEqual({ by: 1 });
    spec.given([]).when({ type: 'Reset' }).thenNothing();
  });

  it('builds histories: the events of commands in order, and a history with what a command added', () => {
    expect(spec.history({ type: 'Add', by: 1 }, { type: 'Reset' })).toEqual([
      added(1),
      { type: 'Reset', data: { from: 1 } },
    ]);
    expect(spec.given([added(1)]).when({ type: 'Add', by: 4 }).history).toEqual([added(1), added(4)]);
  });

  it('fails a spec whose events differ, are more than one, or are absent', () => {
    const adds = spec.given([]).when({ type: 'Add', by: 1 });
    expect(() => adds.thenEmits([added(2)])).toThrow();
    expect(() => adds.thenEmits([added(1), added(1)])).toThrow();
    expect(() => adds.thenNothing()).toThrow();
    expect(() => adds.thenEmitsOne('Reset')).toThrow();
    expect(() =>
      spec
        .given([added(1)])
        .when({ type: 'Reset' })
        .thenNothing(),
    ).toThrow();
  });

  it('checks a refusal by code, by properties or by class, and fails when the command is accepted', () => {
    const zero = spec.given([]).when({ type: 'Add', by: 0 });
    expect(zero.thenFails('VALIDATION_FAILED')).toBeInstanceOf(InvalidInputError);
    expect(zero.thenFails({ field: 'by', rule: 'nonZero' }).message).toBe('by must not be 0');
    expect(zero.thenFails(InvalidInputError, { field: 'by' }).rule).toBe('nonZero');
    expect(() => zero.thenFails('COUNTER_NEGATIVE')).toThrow();
    expect(() => zero.thenFails({ field: 'step' })).toThrow();
    expect(() => zero.thenFails(DomainError)).toThrow();
    expect(() => zero.events).toThrow('by must not be 0');
    expect(() => spec.given([]).when({ type: 'Add', by: 1 }).thenFails('VALIDATION_FAILED')).toThrow(
      'expected a refusal',
    );
    spec
      .given([added(-1)])
      .when({ type: 'Reset' })
      .thenFails('COUNTER_NEGATIVE');
  });
});
