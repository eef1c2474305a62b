import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#ltc/event-store';
import { FAULT_POINT_ENV } from '#ltc/kernel';
import { runTypeScriptChild, siblingFile } from '#ltc/testing';

const CHILD = siblingFile(import.meta.url, 'group-commit.child.ts');

describe('SQLite event store killed in the middle of a group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-group-commit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append and nothing of the batch it was writing', async () => {
    const filename = join(dir, 'events.db');
    // Rounds of 10 appends, one group commit each: hit 25 is the 5th append of the third
    // round, whose rows are inserted while its transaction is still open.
    const writer = runTypeScriptChild(CHILD, {
      [FAULT_POINT_ENV]: 'event-store.mid-group-commit:25',
      LTC_TEST_STORE: filename,
    });
    expect(await writer.exited).toBe('SIGKILL');
    const output = writer.output();
    expect(output).toContain(`${FAULT_POINT_ENV}: event-store.mid-group-commit hit 25`);

    const acknowledged = [...output.matchAll(/^ack (\S+) (\d+)$/gm)].map(([, stream, position]) => ({
      stream,
      position: BigInt(position ?? ''),
    }));
    const firstTwoRounds = [0, 1].flatMap((round) => Array.from({ length: 10 }, (_, i) => `round${round}-${i}`));
    expect(acknowledged.map((ack) => ack.stream).sort()).toEqual([...firstTwoRounds].sort());

    const store = new SqliteEventStore({ filename });
    try {
      const log = await store.readAll();
      // Exactly the acknowledged appends, whole: two events each, the second at the acknowledged position.
      expect(log).toHaveLength(40);
      expect([...new Set(log.map((event) => event.stream))].sort()).toEqual([...firstTwoRounds].sort());
      for (const ack of acknowledged) {
        const events = log.filter((event) => event.stream === ack.stream);
        expect(events.map((event) => [event.revision, event.data])).toEqual([
          [0n, expect.objectContaining({ n: 0 })],
          [1n, expect.objectContaining({ n: 1 })],
        ]);
        expect(events.at(-1)?.position).toBe(ack.position);
      }
      // The streams of the lost batch are still new, and the log goes on where the acknowledged part ends.
      const [first] = log;
      if (!first) throw new Error('the log is empty');
      const retried = await store.appendToStream(
        'round2-0',
        [{ type: 'Written', data: {}, metadata: first.metadata }],
        { expectedRevision: 'no_stream' },
      );
      expect(retried).toEqual({ nextRevision: 0n, position: 41n });
    } finally {
      await store.close();
    }
  });
});
