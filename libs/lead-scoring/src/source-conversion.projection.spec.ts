import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '#ltc/event-store';
import { ProjectionRunner, openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import { eventMetadata } from '../../leads/src/test/event-metadata.js';
import { sourceConversionProjection, sourceConversionDb } from './source-conversion.projection.js';
import { allSourceConversion, sourceConversion } from './source-conversion.queries.js';

/** Appends a lead's capture (and, when asked, its conversion) to its own stream. */
async function lead(
  store: InMemoryEventStore,
  tenantId: string,
  leadId: string,
  source: string,
  converted = false,
): Promise<bigint> {
  const captured = { type: 'LeadCaptured', data: { leadId, source, name: leadId }, metadata: eventMetadata(tenantId) };
  const conversion = {
    type: 'LeadConverted',
    data: { leadId, dealId: `deal-${leadId}` },
    metadata: eventMetadata(tenantId),
  };
  const result = await store.appendToStream(`lead-${leadId}`, converted ? [captured, conversion] : [captured]);
  return result.position;
}

function suite(open: () => Promise<{ handle: ReadModelHandle; dispose(): Promise<void> }>): void {
  let handle: ReadModelHandle;
  let dispose: () => Promise<void>;
  let store: InMemoryEventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    ({ handle, dispose } = await open());
    store = new InMemoryEventStore();
    runner = new ProjectionRunner({ store, db: handle.db, projections: [sourceConversionProjection], batchSize: 3 });
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await dispose();
  });

  it('counts leads captured and converted per tenant and source, with the rate', async () => {
    for (let i = 0; i < 4; i++) await lead(store, 'acme', `w${i}`, 'website', i === 0);
    await lead(store, 'acme', 'l1', 'lead_list');
    await lead(store, 'globex', 'g1', 'website', true);
    await store.appendToStream('lead-l1', [
      { type: 'LeadQualified', data: { leadId: 'l1' }, metadata: eventMetadata('acme') },
    ]);
    const head = await lead(store, 'acme', 'w9', 'website', true);
    await runner.start();
    await runner.waitFor('source_conversion', head);

    expect(await sourceConversion(handle.db, 'acme', 'website')).toEqual({
      source: 'website',
      leads: 5,
      converted: 2,
      rate: 0.4,
    });
    expect(await allSourceConversion(handle.db, 'acme')).toEqual([
      { source: 'lead_list', leads: 1, converted: 0, rate: 0 },
      { source: 'website', leads: 5, converted: 2, rate: 0.4 },
    ]);
    expect(await allSourceConversion(handle.db, 'globex')).toEqual([
      { source: 'website', leads: 1, converted: 1, rate: 1 },
    ]);
  });

  it('answers zero leads for a source with none yet', async () => {
    await runner.start();
    expect(await sourceConversion(handle.db, 'acme', 'partner')).toEqual({
      source: 'partner',
      leads: 0,
      converted: 0,
      rate: 0,
    });
  });

  it('counts a lead once even if its capture or conversion were delivered again', async () => {
    await lead(store, 'acme', 'w1', 'website', true);
    const again = await store.appendToStream('lead-w1', [
      { type: 'LeadCaptured', data: { leadId: 'w1', source: 'website' }, metadata: eventMetadata('acme') },
      { type: 'LeadConverted', data: { leadId: 'w1' }, metadata: eventMetadata('acme') },
      { type: 'LeadConverted', data: { leadId: 'nobody' }, metadata: eventMetadata('acme') },
    ]);
    await runner.start();
    await runner.waitFor('source_conversion', again.position);
    expect(await allSourceConversion(handle.db, 'acme')).toEqual([
      { source: 'website', leads: 1, converted: 1, rate: 1 },
    ]);
  });

  it('rebuilds to exactly the same rows', async () => {
    let head = 0n;
    for (let i = 0; i < 10; i++)
      head = await lead(store, i % 2 ? 'acme' : 'globex', `x${i}`, i % 3 ? 'webinar' : 'event', i % 4 === 0);
    await runner.start();
    await runner.waitFor('source_conversion', head);
    const before = await rows(handle);
    await runner.rebuild('source_conversion');
    await runner.waitFor('source_conversion', head);
    expect(await rows(handle)).toEqual(before);
    expect(before.conversion.length).toBe(4);
  });
}

async function rows(handle: ReadModelHandle) {
  const db = sourceConversionDb(handle.db);
  return {
    conversion: await db.selectFrom('source_conversion').selectAll().orderBy('tenant_id').orderBy('source').execute(),
    index: await db.selectFrom('lead_source_index').selectAll().orderBy('tenant_id').orderBy('lead_id').execute(),
  };
}

describe('Source conversion read model on SQLite', () => {
  suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-source-conversion-'));
    const handle = await openReadModelDb({ sqliteFilename: join(dir, 'rm.sqlite') });
    return {
      handle,
      async dispose() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

await describeWithPostgres('Source conversion read model on PostgreSQL', (url) => {
  suite(async () => {
    const schema = await createTestSchema(url, 'srcconv');
    const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
    return {
      handle,
      async dispose() {
        await handle.close();
        await schema.drop();
      },
    };
  });
});
