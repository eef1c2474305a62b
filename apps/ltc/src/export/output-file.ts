import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** A file that did not exist: an export never overwrites an earlier one. */
export function openNew(path: string): Promise<Writable> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path, { flags: 'wx' });
    file.once('open', () => resolve(file));
    file.once('error', reject);
  });
}
