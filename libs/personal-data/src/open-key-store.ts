import { join } from 'node:path';
import { EnvelopedKeyStore, KeyEnvelope } from './key-envelope.js';
import type { KeyStore } from './key-store.port.js';
import { PostgresKeyStore } from './postgres-key-store.js';
import { SqliteKeyStore } from './sqlite-key-store.js';

export interface KeyStoreSelection {
  /** The read models' URL: a PostgreSQL one puts the keys there too. */
  readonly readModelUrl: string | undefined;
  /** The data folder: the SQLite key file `personal-data.sqlite` lives beside `events.sqlite`. */
  readonly dataDir: string;
  /** LTC_PERSONAL_DATA_KEY: the master key that wraps every stored key; none = keys stored as they are. */
  readonly masterKey?: Buffer;
}

/** The key store configuration asks for: with the PostgreSQL read models, else a SQLite file in the data folder. */
export function openKeyStore(selection: KeyStoreSelection): KeyStore {
  const envelope = new KeyEnvelope(selection.masterKey);
  const fresh = (name: string): Buffer => envelope.fresh(name);
  const url = selection.readModelUrl ?? '';
  const stored =
    url.startsWith('postgres://') || url.startsWith('postgresql://')
      ? new PostgresKeyStore(url, fresh)
      : new SqliteKeyStore(join(selection.dataDir, 'personal-data.sqlite'), fresh);
  // Opened through the envelope even without a master key: a wrapped key then says what is missing.
  return new EnvelopedKeyStore(stored, envelope);
}

/** Injection token for the process's `PersonalData`. */
export const PERSONAL_DATA = Symbol('PersonalData');
