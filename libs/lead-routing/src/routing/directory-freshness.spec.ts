import { DirectoryFreshness } from './directory-freshness.js';

/** Routing decides with the directory only once it has folded the rep events before the decision. */
describe('Lead routing › a decision waits for the directory', () => {
  function world() {
    const calls: string[] = [];
    const behind: bigint[] = [];
    const answers = { verify: true, reach: true };
    const freshness = new DirectoryFreshness(
      {
        verify: async (position) => (calls.push(`verify ${position}`), answers.verify),
        reach: async (position) => (calls.push(`reach ${position}`), answers.reach),
      },
      (position) => behind.push(position),
    );
    return { freshness, calls, behind, answers };
  }

  it('reads the log once, then waits only for the checkpoint to pass the last rep event routing handled', async () => {
    const { freshness, calls } = world();
    await freshness.asOf(10n);
    await freshness.asOf(12n);
    freshness.repEventHandled(15n);
    await freshness.asOf(16n);
    freshness.repEventHandled(14n); // an older one changes nothing
    await freshness.asOf(20n);
    expect(calls).toEqual(['verify 10', 'reach 15', 'reach 15']);
  });

  it('a rep event before the first check is covered by that check, not waited for again', async () => {
    const { freshness, calls } = world();
    freshness.repEventHandled(5n);
    await freshness.asOf(8n);
    await freshness.asOf(9n);
    expect(calls).toEqual(['verify 8']);
  });

  it('a projection that stays behind is reported and the decision goes on; the check is tried again next time', async () => {
    const { freshness, calls, behind, answers } = world();
    answers.verify = false;
    await freshness.asOf(10n);
    answers.verify = true;
    await freshness.asOf(11n);
    freshness.repEventHandled(12n);
    answers.reach = false;
    await freshness.asOf(13n);
    expect(calls).toEqual(['verify 10', 'verify 11', 'reach 12']);
    expect(behind).toEqual([10n, 12n]);
  });
});
