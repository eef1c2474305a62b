/**
 * Keeps routing's decisions behind the directory they read: the leads' projection of the
 * organisation's events, fed from the log at its own pace. A decision on the event at
 * position P must see every rep event before P. Checking that from the log costs a scan,
 * so it is done once per process (`verify`); after that routing itself tells which rep
 * events came (it handles each rep event alone, in log order, before anything after it),
 * and a decision waits only for the projection's checkpoint to pass the last of them.
 */
export class DirectoryFreshness {
  /** Through this position the projection is known to have folded every event of its own. */
  private verifiedTo: bigint | undefined;
  /** The last rep event routing has handled since it started. */
  private lastRepEvent = 0n;

  constructor(
    private readonly projection: {
      /** Waits until the projection has folded all of its events up to the position (reads the log). */
      readonly verify: (position: bigint) => Promise<boolean>;
      /** Waits until its checkpoint reaches the position. */
      readonly reach: (position: bigint) => Promise<boolean>;
    },
    private readonly behind: (position: bigint) => void,
  ) {}

  /** Routing is handling a rep event: later decisions must see it. */
  repEventHandled(position: bigint): void {
    if (position > this.lastRepEvent) this.lastRepEvent = position;
  }

  /** Resolves once the directory has folded every rep event before `position` (or the wait timed out, reported). */
  async asOf(position: bigint): Promise<void> {
    if (this.verifiedTo === undefined) {
      if (!(await this.projection.verify(position))) return this.behind(position);
      this.verifiedTo = position;
    }
    if (this.lastRepEvent <= this.verifiedTo) return;
    if (!(await this.projection.reach(this.lastRepEvent))) this.behind(this.lastRepEvent);
  }
}
