import {
  CONTRACT,
  DEAL,
  NET_30,
  THIRTY_SEVENTY,
  TRIANGLE,
  ar,
  draft,
  fr,
  given,
  historyOf,
  hold,
  invoice,
  po,
  schedule,
  sign,
  sr,
} from '../../test/contract-decider.support.js';

const signed = () => historyOf(draft, sign());
const scheduled = () => historyOf(draft, sign(), schedule);

describe('Contract › handover meeting', () => {
  it('schedules the meeting with the triangle invited, after signing', () => {
    const data = given(signed()).when(schedule).thenEmitsOne('HandoverMeetingScheduled');
    expect(data).toMatchObject({
      scheduledAt: '2026-07-03T09:00:00.000Z',
      attendees: [ar.id, sr.id, fr.id],
      triangle: TRIANGLE,
      previousScheduledAt: null,
    });
    given(historyOf(draft)).when(schedule).thenFails('CONTRACT_NOT_SIGNED');
  });

  it('reschedules before it is held, keeping the earlier time', () => {
    const moved = given(scheduled())
      .when({ ...schedule, scheduledAt: new Date('2026-07-05T09:00:00Z') })
      .thenEmitsOne('HandoverMeetingScheduled');
    expect(moved.previousScheduledAt).toBe('2026-07-03T09:00:00.000Z');
  });

  it('invites the whole triangle, which must have an FR to take command', () => {
    const refused = given(signed())
      .when({ ...schedule, attendees: [ar.id, 'someone-else'] })
      .thenFails('ATTENDEES_MISSING_TRIANGLE');
    expect(refused).toMatchObject({ details: { missing: [sr.id, fr.id] } });
    given(signed())
      .when({ ...schedule, triangle: { ...TRIANGLE, fr: null } })
      .thenFails('TRIANGLE_HAS_NO_FR');
    given(signed())
      .when({ ...schedule, attendees: [' '] })
      .thenFails({ field: 'attendees', rule: 'notEmpty' });
    given(signed())
      .when({ ...schedule, scheduledAt: new Date('nope') })
      .thenFails({ field: 'scheduledAt' });
  });

  it('held with AR and FR present hands command to the FR in the same decision', () => {
    const events = given(scheduled()).when(hold).events;
    expect(events.map((e) => e.type)).toEqual(['HandoverMeetingHeld', 'ContractHandedOver']);
    expect(events[0]?.data).toMatchObject({
      attendeesPresent: [ar.id, sr.id, fr.id],
      notes: 'Rollout in two waves',
      openItems: [{ description: 'Confirm depot addresses', owner: fr.id }],
      risks: ['Winter roads delay wave two'],
    });
    expect(events[1]?.data).toMatchObject({ contractId: CONTRACT, dealId: DEAL, from: ar.id, to: fr.id });
  });

  it('hands over to the FR of the triangle the meeting was scheduled with', () => {
    const newTriangle = { ...TRIANGLE, fr: 'fred-fr' };
    const history = historyOf(draft, sign(), {
      ...schedule,
      triangle: newTriangle,
      attendees: [ar.id, sr.id, 'fred-fr'],
    });
    const data = given(history)
      .when({ ...hold, attendeesPresent: [ar.id, 'fred-fr'] })
      .events.find((e) => e.type === 'ContractHandedOver')?.data;
    expect(data).toMatchObject({ to: 'fred-fr' });
  });

  it('is not held unscheduled, twice, or without the AR or FR', () => {
    given(signed()).when(hold).thenFails('HANDOVER_NOT_SCHEDULED');
    const held = historyOf(draft, sign(), schedule, hold);
    given(held).when(hold).thenFails('HANDOVER_ALREADY_HELD');
    given(held).when(schedule).thenFails('HANDOVER_ALREADY_HELD');
    const absent = given(scheduled())
      .when({ ...hold, attendeesPresent: [ar.id, sr.id] })
      .thenFails('HANDOVER_PARTIES_ABSENT');
    expect(absent).toMatchObject({ details: { absent: [fr.id] } });
    given(scheduled())
      .when({ ...hold, openItems: [{ description: 'x', owner: '' }] })
      .thenFails({ field: 'openItems[0].owner', rule: 'notEmpty' });
  });

  it('refuses execution before the handover with CONTRACT_NOT_HANDED_OVER', () => {
    given(scheduled()).when(po('po-1', 100)).thenFails('CONTRACT_NOT_HANDED_OVER');
    given(historyOf(draft, sign(THIRTY_SEVENTY), schedule))
      .when(invoice('inv-1', 100, 'on_signing'))
      .thenFails('CONTRACT_NOT_HANDED_OVER');
    given(historyOf(draft, sign(NET_30)))
      .when(po('po-1', 100))
      .thenFails('CONTRACT_NOT_HANDED_OVER');
    given(historyOf(draft)).when(po('po-1', 100)).thenFails('CONTRACT_NOT_SIGNED');
  });
});
