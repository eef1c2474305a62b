import { MS_PER_DAY } from '../distribution/domain/distribution-policy.js';
import { NO_LOAD, type RepLoad } from '../distribution/domain/rep-candidate.js';
import { PERFORMANCE_WINDOW_DAYS } from '../distribution/ledger/ledger.queries.js';
import { dayOf } from '../distribution/ledger/rep-days.js';

interface Assignment {
  readonly leadId: string;
  readonly repId: string;
  readonly at: string;
  readonly seq: string;
  converted: boolean;
}

interface RepBook {
  readonly open: Set<string>;
  /** Assignments per UTC day of `at`, in the order made. */
  readonly days: Map<string, Assignment[]>;
  lastAt: string | null;
  lastSeq: string | null;
}

/**
 * The distribution ledger of a simulated world, in memory: who holds each lead, and each
 * rep's load counted exactly as `repLoads` counts the real ledger (open leads, assignments
 * since the start of the UTC day, the last assignment, the trailing window's assignments
 * and conversions), so a replay under the recorded policy decides as routing did.
 */
export class ReplayLedger {
  private readonly books = new Map<string, RepBook>();
  private readonly holding = new Map<string, Assignment>();

  holderOf(leadId: string): string | null {
    return this.holding.get(leadId)?.repId ?? null;
  }

  /** The lead goes to `repId` (ending its earlier open assignment, as a reassignment). */
  assign(leadId: string, repId: string, at: string, seq: string): void {
    this.close(leadId, 'reassigned');
    const book = this.bookOf(repId);
    const assignment: Assignment = { leadId, repId, at, seq, converted: false };
    book.open.add(leadId);
    const day = dayOf(at);
    book.days.set(day, [...(book.days.get(day) ?? []), assignment]);
    if (book.lastAt === null || at > book.lastAt) book.lastAt = at;
    if (book.lastSeq === null || seq > book.lastSeq) book.lastSeq = seq;
    this.holding.set(leadId, assignment);
  }

  /** The lead's open assignment ends (pooled, recycled, closed); returns the rep who had room freed, if any. */
  close(leadId: string, outcome: string): string | null {
    const assignment = this.holding.get(leadId);
    if (!assignment) return null;
    this.holding.delete(leadId);
    this.books.get(assignment.repId)?.open.delete(leadId);
    if (outcome === 'converted') assignment.converted = true;
    return assignment.repId;
  }

  loadOf(repId: string, now: Date): RepLoad {
    const book = this.books.get(repId);
    if (!book || book.lastSeq === null) return NO_LOAD;
    const today = dayOf(new Date(Math.floor(now.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString());
    const windowStart = new Date(now.getTime() - PERFORMANCE_WINDOW_DAYS * MS_PER_DAY).toISOString();
    const firstDay = dayOf(windowStart);
    let assignedToday = 0;
    let recentAssigned = 0;
    let recentConverted = 0;
    for (const [day, assignments] of book.days) {
      if (day >= today) assignedToday += assignments.length;
      if (day < firstDay) continue;
      const counted = day === firstDay ? assignments.filter((a) => a.at >= windowStart) : assignments;
      recentAssigned += counted.length;
      recentConverted += counted.filter((a) => a.converted).length;
    }
    return {
      openLeads: book.open.size,
      assignedToday,
      lastAssignedAt: book.lastAt,
      lastAssignedSeq: book.lastSeq,
      recentAssigned,
      recentConverted,
    };
  }

  private bookOf(repId: string): RepBook {
    let book = this.books.get(repId);
    if (!book) this.books.set(repId, (book = { open: new Set(), days: new Map(), lastAt: null, lastSeq: null }));
    return book;
  }
}
