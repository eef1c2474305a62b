import { parseTimerEvent } from './timer-event-parser.js';

const scheduledData = {
  timerId: 't-1',
  dueAt: '2026-03-02T09:10:00.000Z',
  command: { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } },
  context: { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-1' },
};

describe('Timer events as stored', () => {
  it('reads a TimerScheduled field by field, dropping what its shape does not have', () => {
    const stored = { ...scheduledData, command: { ...scheduledData.command, note: 'x' }, extra: true };
    expect(parseTimerEvent({ type: 'TimerScheduled', data: stored })).toEqual({
      type: 'TimerScheduled',
      data: scheduledData,
    });
  });

  it('refuses a malformed TimerScheduled rather than sending it later', () => {
    expect(() => parseTimerEvent({ type: 'TimerScheduled', data: { ...scheduledData, dueAt: 'soon' } })).toThrow(
      'TimerScheduled needs a timerId and an ISO dueAt',
    );
    expect(() =>
      parseTimerEvent({ type: 'TimerScheduled', data: { ...scheduledData, command: { type: 'x' } } }),
    ).toThrow('A timer command needs a string type and an object payload');
    expect(() =>
      parseTimerEvent({ type: 'TimerScheduled', data: { ...scheduledData, context: { tenantId: 'acme' } } }),
    ).toThrow('A timer context needs tenantId, correlationId and causationId');
  });

  it('takes TimerFired and TimerCancelled as stored, and knows no other type', () => {
    const firedData = { timerId: 't-1', firedAt: '2026-03-02T09:10:00.000Z' };
    expect(parseTimerEvent({ type: 'TimerFired', data: firedData })).toEqual({ type: 'TimerFired', data: firedData });
    expect(parseTimerEvent({ type: 'TimerCancelled', data: { timerId: 't-1', cancelledAt: 'x' } })?.type).toBe(
      'TimerCancelled',
    );
    expect(parseTimerEvent({ type: 'LeadCaptured', data: {} })).toBeUndefined();
  });
});
