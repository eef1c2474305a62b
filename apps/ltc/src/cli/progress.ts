import { performance } from 'node:perf_hooks';

export interface ProgressFigures {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** What is counted; default `rows`. */
  readonly unit?: string;
}

/** Where progress goes: stderr, or anything with the same shape (tests). */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
/** Without a terminal to redraw, a plain line every this many rows (by default). */
const PLAIN_EVERY_ROWS = 5_000;

/** `[#########---------------]  3,000/8,000 rows  1,250 rows/s  ETA 4s` */
export function progressBar(figures: ProgressFigures): string {
  const share = figures.total === 0 ? 1 : Math.min(1, figures.done / figures.total);
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]  ${progressText(figures)}`;
}

/** `3,000/8,000 rows  1,250 rows/s  ETA 4s` */
export function progressText({ done, total, elapsedMs, unit = 'rows' }: ProgressFigures): string {
  const rate = rowsPerSecond(done, elapsedMs);
  const eta = rate > 0 && done < total ? `  ETA ${duration((total - done) / rate)}` : '';
  return `${count(done)}/${count(total)} ${unit}  ${count(Math.round(rate))} ${unit}/s${eta}`;
}

export function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** 4s, 2m05s, 1h03m */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A bar redrawn in place on a terminal; a plain line now and then when output goes to a file or a pipe. */
export class Progress {
  private readonly started = performance.now();
  private done = 0;
  private lastPlain = 0;

  constructor(
    private readonly out: ProgressOutput,
    private total: number,
    private readonly unit = 'rows',
    private readonly plainEvery = PLAIN_EVERY_ROWS,
  ) {}

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  advance(rows: number): void {
    this.moveTo(this.done + rows);
  }

  /**
   * Sets how much is done (for work measured by a position rather than counted), and the
   * total when it moves too: a log still being appended to while it is read.
   */
  moveTo(done: number, total = this.total): void {
    this.done = done;
    this.total = total;
    const figures = { done: this.done, total: this.total, elapsedMs: this.elapsedMs, unit: this.unit };
    if (this.out.isTTY) {
      this.out.write(`\r${progressBar(figures)}\x1b[K`);
    } else if (this.done - this.lastPlain >= this.plainEvery) {
      this.lastPlain = this.done;
      this.out.write(`${progressText(figures)}\n`);
    }
  }

  /** A line of its own above the bar, which the next move draws again. */
  note(text: string): void {
    this.out.write(this.out.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`);
  }

  /** Ends the bar's line, so what follows starts on a fresh one. */
  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
