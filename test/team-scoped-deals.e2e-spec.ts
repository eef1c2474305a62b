import { contractWorld, signedContract, wonDeal, type ContractWorld } from './support/contract-world.js';
import { expectCode } from './support/opportunity-world.js';
import { eventually, type TestResponse } from './support/test-app.js';

/**
 * A sales manager sees the deals and contracts of their team (ADR 0030): two teams, each with
 * its manager and deals. maria manages emea-north, magnus emea-south; hedda is a sales manager in
 * no team, the head of sales, who sees every deal.
 */
describe('Deals and contracts scoped to the sales manager’s team', () => {
  let w: ContractWorld;
  let maria: string;
  let magnus: string;
  let hedda: string;
  let bo: string;
  const deals: Record<'north' | 'north2' | 'south' | 'southSponsoredByMaria' | 'won', string> = {
    north: '',
    north2: '',
    south: '',
    southSponsoredByMaria: '',
    won: '',
  };

  const get = (token: string, path: string): Promise<TestResponse> => w.sales.app.request('GET', path, { token });
  const open = async (token: string, name: string, team: string): Promise<string> => {
    const opened = await w.deals.post(token, '/opportunities', { name, account: `${name} AB`, team });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };
  /** The ids of the deals the token lists, once the list holds `count` of them (the read model follows the log). */
  const listed = (token: string, path: string, count: number): Promise<string[]> =>
    eventually(async () => {
      const read = await get(token, path);
      const ids = ((read.body?.items ?? []) as { id: string }[]).map((item) => item.id);
      return read.status === 200 && ids.length === count ? ids.sort() : undefined;
    }, 15_000);
  const boardCount = async (token: string): Promise<number> => {
    const board = await get(token, '/pipeline-board');
    return (board.body.stages as { count: number }[]).reduce((sum, stage) => sum + stage.count, 0);
  };

  beforeAll(async () => {
    w = await contractWorld();
    const app = w.sales.app;
    await w.sales.team('emea-south', 'magnus');
    await w.sales.rep('bo', { roles: ['ar'], team: 'emea-south' });
    maria = w.maria;
    magnus = await app.token(['sales_manager'], 'magnus');
    hedda = await app.token(['sales_manager'], 'hedda');
    bo = await app.token(['ar'], 'bo');
    // The won deal (converted from a lead of emea-north) and its signed contract; maria is its sponsor.
    deals.won = (await wonDeal(w)).dealId;
    await signedContract(w, deals.won);
    deals.north = await open(w.ingrid, 'Nordfrakt', 'emea-north');
    deals.north2 = await open(w.ingrid, 'Fjordlast', 'emea-north');
    deals.south = await open(bo, 'Sydgods', 'emea-south');
    deals.southSponsoredByMaria = await open(bo, 'Skånetrans', 'emea-south');
    const triangle = { ar: 'bo', sponsor: 'maria' };
    const seated = await w.deals.put(bo, `/opportunities/${deals.southSponsoredByMaria}/triangle`, triangle);
    expect(seated.status).toBe(200);
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it("lists a team's manager their team's deals and those they sit in, in the list and the board's counts", async () => {
    const mine = [deals.won, deals.north, deals.north2, deals.southSponsoredByMaria].sort();
    expect(await listed(maria, '/opportunities', 4)).toEqual(mine);
    expect(await boardCount(maria)).toBe(4);
    // Paging counts only what the caller sees: two pages of two, then none.
    const first = await get(maria, '/opportunities?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await get(maria, `/opportunities?limit=2&cursor=${String(first.body.nextCursor)}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();

    expect(await listed(magnus, '/opportunities', 2)).toEqual([deals.south, deals.southSponsoredByMaria].sort());
    expect(await boardCount(magnus)).toBe(2);
  });

  it("answers 404 on another team's deal, its commands and its history, exactly like an unknown one", async () => {
    expectCode(await get(maria, `/opportunities/${deals.south}`), 404, 'OPPORTUNITY_NOT_FOUND');
    const moved = await w.deals.post(maria, `/opportunities/${deals.south}/stage`, { stage: 'develop_solution' });
    expectCode(moved, 404, 'OPPORTUNITY_NOT_FOUND');
    expect(await w.deals.types(deals.south)).toEqual(['OpportunityOpened']);
    expect((await get(magnus, `/deals/${deals.won}/history`)).status).toBe(404);
    expect((await get(maria, `/deals/${deals.won}/history`)).status).toBe(200);
    // Its own team's deal, and another team's whose triangle the manager sits in.
    expect((await get(maria, `/opportunities/${deals.north}`)).status).toBe(200);
    expect((await get(maria, `/opportunities/${deals.southSponsoredByMaria}`)).status).toBe(200);
    const ownTeam = await w.deals.post(magnus, `/opportunities/${deals.south}/stage`, { stage: 'develop_solution' });
    expect(ownTeam.status).toBe(200);
  });

  it('lets a sales manager in no team see every deal of the tenant', async () => {
    expect(await listed(hedda, '/opportunities', 5)).toEqual(Object.values(deals).sort());
    expect(await boardCount(hedda)).toBe(5);
    expect((await get(hedda, `/opportunities/${deals.south}`)).status).toBe(200);
  });

  it("shows the contracts of the team's deals only: list, detail, balance and commands", async () => {
    const contractId = deals.won;
    const contracts = (token: string, count: number) =>
      eventually(async () => {
        const read = await get(token, '/contracts');
        const ids = ((read.body?.items ?? []) as { id: string }[]).map((item) => item.id);
        return read.status === 200 && ids.length === count ? ids : undefined;
      }, 15_000);
    expect(await contracts(maria, 1)).toEqual([contractId]);
    expect(await contracts(hedda, 1)).toEqual([contractId]);
    expect(await contracts(magnus, 0)).toEqual([]);
    expect((await get(maria, `/contracts/${contractId}`)).status).toBe(200);
    expectCode(await get(magnus, `/contracts/${contractId}`), 404, 'CONTRACT_NOT_FOUND');
    expectCode(await get(magnus, `/contracts/${contractId}/balance`), 404, 'CONTRACT_NOT_FOUND');
    const totals = await get(magnus, '/contracts/balance');
    expect(totals.status).toBe(200);
    expect(JSON.stringify(totals.body)).not.toContain('4000000');
    const amended = await w.deals.post(magnus, `/contracts/${contractId}/amend`, {
      value: { amountMinor: 5_000_000, currency: 'EUR' },
      reason: 'Two more depots',
    });
    expectCode(amended, 404, 'CONTRACT_NOT_FOUND');
    expect((await get(hedda, `/contracts/${contractId}`)).status).toBe(200);
  });
});
