import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyStore, SubjectKey } from './key-store.port.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of a wrapped key: the envelope's format, so a later one can be told apart. */
const WRAPPED_V1 = 0x01;
const WRAPPED_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES;

/** A key store holds wrapped keys but this process was given no master key to open them. */
export class PersonalDataLockedError extends Error {
  constructor(name: string) {
    super(
      `The personal-data key of ${name} is wrapped with a master key: set LTC_PERSONAL_DATA_KEY to the one it was made with`,
    );
    this.name = 'PersonalDataLockedError';
  }
}

/**
 * Envelope encryption of the keys themselves (ADR 0029): with a master key (LTC_PERSONAL_DATA_KEY,
 * held outside the data folder, e.g. in a secret manager), every subject key and tenant secret is
 * stored AES-256-GCM-wrapped, with its name as associated data, so a copy of the data folder or a
 * backup of the key tables opens nothing. Keys stored before a master key was set (32 plain bytes)
 * are still read; new ones are wrapped.
 */
export class KeyEnvelope {
  private readonly master: Buffer | undefined;

  constructor(masterKey?: Buffer) {
    if (masterKey !== undefined && masterKey.length !== KEY_BYTES) {
      throw new RangeError(`A master key has ${KEY_BYTES} bytes, not ${masterKey.length}`);
    }
    this.master = masterKey;
  }

  /** New key bytes for `name`, as the store keeps them: wrapped when there is a master key. */
  fresh(name: string): Buffer {
    const key = randomBytes(KEY_BYTES);
    if (!this.master) return key;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(Buffer.from(name, 'utf8'));
    const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([Buffer.of(WRAPPED_V1), iv, cipher.getAuthTag(), wrapped]);
  }

  /** The usable key from what the store keeps. */
  open(name: string, stored: Buffer): Buffer {
    if (stored.length === KEY_BYTES) return stored;
    if (stored.length !== WRAPPED_BYTES || stored[0] !== WRAPPED_V1) {
      throw new Error(`The personal-data key of ${name} is in no known format`);
    }
    if (!this.master) throw new PersonalDataLockedError(name);
    const iv = stored.subarray(1, 1 + IV_BYTES);
    const tag = stored.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.master, iv);
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** The subject key as the store answered it, opened. */
  openSubjectKey(subject: string, key: SubjectKey): SubjectKey {
    return key.state === 'active' ? { state: 'active', key: this.open(subjectKeyName(subject), key.key) } : key;
  }
}

export const subjectKeyName = (subject: string): string => `subject\u0000${subject}`;
export const tenantSecretName = (tenantId: string, purpose: string): string =>
  `tenant\u0000${tenantId}\u0000${purpose}`;

/** A key store whose keys are made and opened through an envelope (see `KeyEnvelope`). */
export class EnvelopedKeyStore implements KeyStore {
  constructor(
    private readonly inner: KeyStore,
    private readonly envelope: KeyEnvelope,
  ) {}

  async keyFor(subject: string): Promise<SubjectKey> {
    return this.envelope.openSubjectKey(subject, await this.inner.keyFor(subject));
  }

  async find(subject: string): Promise<SubjectKey | undefined> {
    const key = await this.inner.find(subject);
    return key === undefined ? undefined : this.envelope.openSubjectKey(subject, key);
  }

  destroy(subject: string, erasedAt: string): Promise<void> {
    return this.inner.destroy(subject, erasedAt);
  }

  async tenantSecret(tenantId: string, purpose: string): Promise<Buffer> {
    return this.envelope.open(tenantSecretName(tenantId, purpose), await this.inner.tenantSecret(tenantId, purpose));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
