/** What an SLA what-if rests on, said in its answer. */
export function slaAssumptions(proposed: boolean): string[] {
  return [
    'Tickets accepted in the period are compared; their events dated before its end are replayed, and a clock still running then is judged on the time it had used by then.',
    'Agents would have worked each ticket exactly as they did: every response, wait, re-grade, escalation, resolution, verification and reopen at the instant it was recorded.',
    'A warning or breach is raised at the instant it falls due, as an on-time timer raises it; a clock met past its target counts as breached on both sides. A timer that fired late in reality (after a re-grade lifted the breach, or after the period) can make the record differ from the replay.',
    'Each ticket counts under its priority and line at the end of the period; a clock breached more than once (a re-grade lifted and re-raised it) counts once.',
    'Escalations and reassignments a breach would trigger are not replayed (they move no SLA clock); lines and owners change as recorded.',
    ...(proposed
      ? [
          "The proposal replaces the policy snapshot each ticket was accepted with (scope: only tickets accepted under that policy id); a later re-application of a policy to a ticket is ignored, the proposal stands for the ticket's whole life.",
          "The proposal's calendarId, when it is the ticket's own, keeps the calendar version the ticket recorded; another calendar is taken at its version in force when the ticket was accepted; null is around the clock.",
          "Waits pause the clocks as the proposal's pauseOn says, whatever the recorded policy said.",
        ]
      : ['No policy was proposed: each ticket ran under the snapshot it recorded, which reproduces what happened.']),
  ];
}
