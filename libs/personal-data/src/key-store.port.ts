/** A data subject's key as the key store holds it: usable, or destroyed by an erasure. */
export type SubjectKey =
  { readonly state: 'active'; readonly key: Buffer } | { readonly state: 'erased'; readonly erasedAt: string };

/**
 * Where subjects' keys and the tenants' hashing secrets live, beside the event store (a
 * SQLite file in the data folder, or a table with the PostgreSQL read models). Keys are never
 * in the log: destroying one shreds every value sealed with it while every event's bytes,
 * and so the hash chain, stay as they are.
 */
export interface KeyStore {
  /** The subject's key, created (32 random bytes) when the subject has none yet. */
  keyFor(subject: string): Promise<SubjectKey>;
  /** The subject's key, undefined for a subject the store has never seen. */
  find(subject: string): Promise<SubjectKey | undefined>;
  /** Destroys the key (the row stays, keyless, as the erasure's tombstone); a tombstone too for an unseen subject. */
  destroy(subject: string, erasedAt: string): Promise<void>;
  /** The tenant's secret for one purpose (32 random bytes), created when missing. */
  tenantSecret(tenantId: string, purpose: string): Promise<Buffer>;
  close(): Promise<void>;
}
