/** What a reader sees in place of a personal value whose data subject was erased. */
export const ERASED = '[erased]';

/**
 * A personal value as the event store holds it: AES-256-GCM ciphertext under its data
 * subject's key (base64), the subject id as associated data so a value cannot be moved to
 * another subject's events. `erased` marks a value written after its subject was erased:
 * nothing of it was stored.
 */
export type SealedValue =
  | {
      readonly $sealed: 'aes-256-gcm';
      readonly subject: string;
      readonly iv: string;
      readonly ciphertext: string;
      readonly tag: string;
    }
  | { readonly $sealed: 'erased'; readonly subject: string };

export function isSealedValue(value: unknown): value is SealedValue {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as { $sealed?: unknown; subject?: unknown };
  return (
    (candidate.$sealed === 'aes-256-gcm' || candidate.$sealed === 'erased') && typeof candidate.subject === 'string'
  );
}
