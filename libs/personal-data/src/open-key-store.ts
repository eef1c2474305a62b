import { join } from 'node:path';
import type { KeyStore } from './key-store.port.js';
import { PostgresKeyStore } from './postgres-key-store.js';
import { SqliteKeyStore } from './sqlite-key-store.js';

export interface KeyStoreSelection {
  /** The read models' URL: a PostgreSQL one puts the keys there too. */
  readonly readModelUrl: string | undefined;
  /** The data folder: the SQLite key file `personal-data.sqlite` lives beside `events.sqlite`. */
  readonly dataDir: string;
}

/** The key store configuration asks for: with the PostgreSQL read models, else a SQLite file in the data folder. */
export function openKeyStore(selection: KeyStoreSelection): KeyStore {
  const url = selection.readModelUrl ?? '';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return new PostgresKeyStore(url);
  return new SqliteKeyStore(join(selection.dataDir, 'personal-data.sqlite'));
}

/** Injection token for the process's `PersonalData`. */
export const PERSONAL_DATA = Symbol('PersonalData');
