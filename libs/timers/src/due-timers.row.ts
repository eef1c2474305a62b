/** Row shape of `due_timers`: one pending timer. */
export type DueTimerRow = {
  timer_id: string;
  /** ISO-8601 UTC with milliseconds: compares correctly as text on every dialect. */
  due_at: string;
  /** The DispatchableCommand as JSON. */
  command: string;
  tenant_id: string;
  correlation_id: string;
  causation_id: string;
  /** Id of the TimerScheduled event: the causation of the command the timer sends. */
  scheduled_event_id: string;
  /** Revision of TimerScheduled in the timer stream. */
  scheduled_revision: string;
};
