/** The ways to reach a person that identify them within a tenant. */
export type ContactMethodKind = 'email' | 'phone';

/**
 * A contact method as it is compared: an email trimmed and lower-cased, a phone number reduced
 * to its digits (and a leading +). Undefined when nothing is left to compare.
 */
export function normalisedContact(kind: ContactMethodKind, value: string): string | undefined {
  const trimmed = value.trim();
  const normalised =
    kind === 'email' ? trimmed.toLowerCase() : (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
  return normalised === '' || normalised === '+' ? undefined : normalised;
}

/** The text whose keyed hash names a contact method (`PersonalData.contactHash`): kind and value. */
export const contactHashText = (kind: ContactMethodKind, normalised: string): string => `${kind}\u0000${normalised}`;
