import { InvalidInputError } from '#ltc/kernel';

/** The payload of a stored command, as a process manager or timer wrote it. */
export type DispatchPayload = Readonly<Record<string, unknown>>;

/** A string field of a dispatched command's payload; anything else is the same 400 a route would give. */
export function payloadText(payload: DispatchPayload, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string') throw new InvalidInputError(field, 'required', `${field} must be a string`);
  return value;
}

/** A whole-number field of a dispatched command's payload. */
export function payloadWholeNumber(payload: DispatchPayload, field: string): number {
  const value = payload[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidInputError(field, 'wholeNumber', `${field} must be a whole number`);
  }
  return value;
}
