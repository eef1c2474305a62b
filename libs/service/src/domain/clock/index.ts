/**
 * Business time: how much working time lies between two instants, and which instant lies a
 * working duration after another, on a business calendar (working hours, holidays, IANA zone
 * with its DST rules) or around the clock. Pure; the SLA and OLA clocks are built on it.
 */
export * from './business-calendar.js';
export * from './business-time.js';
export * from './calendar-rules.js';
