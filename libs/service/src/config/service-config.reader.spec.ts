import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { ALWAYS } from '../domain/clock/business-calendar.js';
import { DEFAULT_SLA_POLICY } from '../domain/config/index.js';
import { ServiceConfigReader } from './service-config.reader.js';
import { serviceGroupMembersProjection } from './service-group-members.projection.js';
import { ConfigHistory, GOLD, STOCKHOLM } from './test/config-history.js';

describe('ServiceConfigReader (from the configuration streams)', () => {
  let history: ConfigHistory;
  let handle: ReadModelHandle;
  let config: ServiceConfigReader;

  beforeEach(async () => {
    history = new ConfigHistory();
    handle = await openReadModelDb({ sqliteFilename: ':memory:' });
    await serviceGroupMembersProjection.setup(handle.db);
    config = new ServiceConfigReader(history.store, handle);
  });
  afterEach(async () => {
    await handle.close();
    await history.store.close();
  });

  it('answers the built-in default policy, version 0 around the clock, before the tenant stores one', async () => {
    const policy = await config.policy('acme', 'default');
    expect(policy).toMatchObject({ policyId: 'default', version: 0, calendarId: null, calendarVersion: null });
    expect(policy?.calendar).toEqual(ALWAYS);
    expect(policy?.targets).toEqual(DEFAULT_SLA_POLICY.targets);
    expect(await config.policy('acme', 'gold')).toBeNull();
  });

  it('answers the latest policy version with the current version of its calendar resolved in, at once', async () => {
    await history.calendar('acme', 'stockholm');
    await history.policy('acme', 'gold');
    await history.calendar('acme', 'stockholm', { ...STOCKHOLM, holidays: ['2026-06-19', '2026-12-24'] });
    const policy = await config.policy('acme', 'gold');
    expect(policy).toMatchObject({ policyId: 'gold', version: 1, calendarId: 'stockholm', calendarVersion: 2 });
    expect(policy?.calendar).toMatchObject({ kind: 'business', holidays: ['2026-06-19', '2026-12-24'] });
    await history.policy('acme', 'gold', { ...GOLD, warnAtPercent: 60 });
    expect(await config.policy('acme', 'gold')).toMatchObject({ version: 2, warnAtPercent: 60 });
    expect(await config.policy('globex', 'gold')).toBeNull();
  });

  it("answers the contract's entitlement with its deal team and the deal's customer", async () => {
    await history.calendar('acme', 'stockholm');
    await history.policy('acme', 'gold');
    await history.deal('acme', 'd-1', 'Nordic Freight AB');
    await history.contract('acme', 'c-1', 'd-1', 'fred-fr');
    await history.entitlement('acme', 'c-1', { policyId: 'gold', warrantyEndsOn: '2028-06-30' });
    const entitlement = await config.entitlementFor('acme', 'c-1');
    expect(entitlement).toMatchObject({
      entitlement: 'contract',
      warrantyEndsOn: '2028-06-30',
      dealTeam: ['ann-ar', 'sam-sr', 'vera-vp', 'fred-fr'],
      account: 'Nordic Freight AB',
    });
    expect(entitlement.policy).toMatchObject({ policyId: 'gold', version: 1, calendarVersion: 1 });
  });

  it('falls back to the default policy: no contract, a contract without entitlement, or one of another tenant', async () => {
    await history.contract('acme', 'c-2', 'd-2');
    expect(await config.entitlementFor('acme', null)).toMatchObject({
      entitlement: 'default',
      warrantyEndsOn: null,
      dealTeam: [],
      account: null,
      policy: { policyId: 'default', version: 0 },
    });
    expect(await config.entitlementFor('acme', 'c-2')).toMatchObject({
      entitlement: 'default',
      dealTeam: ['ann-ar', 'sam-sr', 'vera-vp'],
      account: null,
    });
    await history.entitlement('acme', 'c-2', { policyId: 'default', warrantyEndsOn: null });
    expect(await config.entitlementFor('globex', 'c-2')).toMatchObject({ entitlement: 'default', dealTeam: [] });
  });

  it('answers groups and calendars at their latest version, null when unknown in the tenant', async () => {
    await history.calendar('acme', 'stockholm');
    const hotline = { name: 'Hotline', line: 1 as const, lead: 'lena', members: ['lena'], calendarId: 'stockholm' };
    await history.group('acme', 'hotline', hotline);
    await history.group('acme', 'hotline', { ...hotline, members: ['lena', 'olle'] });
    expect(await config.group('acme', 'hotline')).toEqual({
      groupId: 'hotline',
      ...hotline,
      members: ['lena', 'olle'],
    });
    expect(await config.group('globex', 'hotline')).toBeNull();
    expect(await config.calendar('acme', 'stockholm')).toMatchObject({
      kind: 'business',
      timeZone: 'Europe/Stockholm',
    });
    expect(await config.calendar('acme', 'oslo')).toBeNull();
  });
});
