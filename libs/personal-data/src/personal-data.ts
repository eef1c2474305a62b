import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { contactHashText, normalisedContact, type ContactMethodKind } from './contact-methods.js';
import type { KeyStore, SubjectKey } from './key-store.port.js';
import { ERASED, type SealedValue } from './sealed-value.js';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
/** How long another process's erasure may go unnoticed here at most (a cached key is re-read after it). */
const ACTIVE_KEY_TTL_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;
const MAX_OPENED_VALUES = 50_000;
const CONTACT_HASH_PURPOSE = 'contact-hash';

/** What the store says about a data subject. */
export type SubjectStatus = 'active' | 'erased' | 'unknown';

interface CachedKey {
  /** Undefined: the store had no key for the subject when asked (re-asked after the TTL, or on sealing). */
  readonly key: SubjectKey | undefined;
  readonly until: number;
}

/**
 * Seals and opens personal values with a key per data subject, and erases a subject by
 * destroying its key (crypto-shredding). Keys are cached: an erasure in this process takes
 * effect at once; one in another process as soon as this one reads its `DataSubjectErased`
 * (`forget`), and within a minute at the latest (an active key is re-read after that).
 * An erased key is cached for good: it can never come back.
 */
export class PersonalData {
  private readonly keys = new Map<string, CachedKey>();
  /**
   * Values already opened, by their authentication tag: every projection, process manager and
   * command fold reads the same fresh event, and each would otherwise decrypt it again (a
   * profile of a 10,000-lead import spent ~5 s of CPU there). Used only while the subject's key
   * is cached as active, so an erasure is seen exactly as without it; text and numbers only,
   * so no reader can change what another gets.
   */
  private readonly opened = new Map<string, { readonly subject: string; readonly value: unknown }>();
  private readonly secrets = new Map<string, Buffer>();

  constructor(
    private readonly store: KeyStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value sealed under the subject's key (created on first use); only a marker once the subject is erased. */
  async seal(subject: string, value: unknown): Promise<SealedValue> {
    const key = await this.key(subject, 'create');
    if (key?.state !== 'active') return { $sealed: 'erased', subject };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, key.key, iv);
    cipher.setAAD(Buffer.from(subject, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      $sealed: CIPHER,
      subject,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The value as it was sealed, or `[erased]` when its subject's key is gone. */
  async open(sealed: SealedValue): Promise<unknown> {
    if (sealed.$sealed === 'erased') return ERASED;
    const known = this.opened.get(sealed.tag);
    if (known?.subject === sealed.subject && this.cachedActive(sealed.subject)) return known.value;
    const key = await this.key(sealed.subject, 'find');
    if (key?.state !== 'active') return ERASED;
    const decipher = createDecipheriv(CIPHER, key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealed.subject, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    const value = JSON.parse(plain.toString('utf8')) as unknown;
    if (value === null || typeof value === 'string' || typeof value === 'number') {
      if (this.opened.size >= MAX_OPENED_VALUES) this.opened.clear();
      this.opened.set(sealed.tag, { subject: sealed.subject, value });
    }
    return value;
  }

  /** Whether the subject's key is cached as active and still fresh (then a value opened before reads the same). */
  private cachedActive(subject: string): boolean {
    const cached = this.keys.get(subject);
    return cached !== undefined && cached.until > this.now() && cached.key?.state === 'active';
  }

  async status(subject: string): Promise<SubjectStatus> {
    const key = await this.key(subject, 'find');
    return key === undefined ? 'unknown' : key.state;
  }

  /** Destroys the subject's key: every value sealed with it reads `[erased]` from now on, here at once. */
  async erase(subject: string, erasedAt: Date): Promise<void> {
    await this.store.destroy(subject, erasedAt.toISOString());
    this.keys.set(subject, { key: { state: 'erased', erasedAt: erasedAt.toISOString() }, until: Infinity });
  }

  /** Another process erased the subject (its `DataSubjectErased` was read here): drop the cached key. */
  forget(subject: string): void {
    this.keys.delete(subject);
  }

  /**
   * A keyed hash (HMAC-SHA256 under the tenant's secret) of a contact method, for finding
   * duplicates without keeping the contact in clear: without the secret, a stream name made
   * from it cannot be matched against a list of known emails.
   */
  async contactHash(tenantId: string, text: string): Promise<string> {
    const secret = await this.tenantSecret(tenantId, CONTACT_HASH_PURPOSE);
    return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
  }

  /** The keyed hash of a contact method as duplicate checks and subject lookups compare it; undefined for an empty one. */
  async contactMethodHash(tenantId: string, kind: ContactMethodKind, value: string): Promise<string | undefined> {
    const normalised = normalisedContact(kind, value);
    return normalised === undefined ? undefined : this.contactHash(tenantId, contactHashText(kind, normalised));
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async key(subject: string, mode: 'create' | 'find'): Promise<SubjectKey | undefined> {
    const cached = this.keys.get(subject);
    if (cached && cached.until > this.now() && (cached.key !== undefined || mode === 'find')) return cached.key;
    const key = mode === 'create' ? await this.store.keyFor(subject) : await this.store.find(subject);
    this.remember(subject, key);
    return key;
  }

  private remember(subject: string, key: SubjectKey | undefined): void {
    if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
    this.keys.set(subject, { key, until: key?.state === 'erased' ? Infinity : this.now() + ACTIVE_KEY_TTL_MS });
  }

  private async tenantSecret(tenantId: string, purpose: string): Promise<Buffer> {
    const name = `${tenantId}\u0000${purpose}`;
    let secret = this.secrets.get(name);
    if (!secret) {
      secret = await this.store.tenantSecret(tenantId, purpose);
      this.secrets.set(name, secret);
    }
    return secret;
  }
}
