// Countdowns of the inbox (the 5-minute first-contact clock, attempts and handoffs due), in words.

/** "4:59 left", "overdue by 1:05", "2 h 10 min left": minutes and seconds under an hour. */
export function timeLeft(dueAt: string, nowMs: number): string {
  const seconds = Math.round((Date.parse(dueAt) - nowMs) / 1000);
  if (Number.isNaN(seconds)) return 'no due time';
  const span = Math.abs(seconds);
  const words =
    span < 3600
      ? `${Math.floor(span / 60)}:${String(span % 60).padStart(2, '0')}`
      : span < 86400
        ? `${Math.floor(span / 3600)} h ${Math.floor((span % 3600) / 60)} min`
        : `${Math.floor(span / 86400)} d`;
  return seconds >= 0 ? `${words} left` : `overdue by ${words}`;
}
