// The funnel by lead source as chart series: framework-free, so the numbers a chart draws have a spec.
import type { components } from './api/schema';

type ConversionBySource = components['schemas']['ConversionBySourceView'];

export interface FunnelSeries {
  /** Sources in the API's order (best converting first). */
  readonly sources: readonly string[];
  readonly captured: readonly number[];
  readonly qualified: readonly number[];
  readonly converted: readonly number[];
  /** Conversion in whole percent, null where a source has no lead in the window. */
  readonly conversionPercent: readonly (number | null)[];
}

export function funnelSeries(view: ConversionBySource): FunnelSeries {
  const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
  return {
    sources: view.sources.map((s) => s.source),
    captured: view.sources.map((s) => s.captured),
    qualified: view.sources.map((s) => s.qualified),
    converted: view.sources.map((s) => s.converted),
    conversionPercent: view.sources.map((s) => percent(s.conversionRate)),
  };
}

/** The window the figures cover, in words ("since 2026-01-01", "all time"). */
export function windowInWords(window: ConversionBySource['window']): string {
  const day = (iso: string) => iso.slice(0, 10);
  if (window.from && window.before) return `${day(window.from)} to before ${day(window.before)}`;
  if (window.from) return `since ${day(window.from)}`;
  if (window.before) return `before ${day(window.before)}`;
  return 'all time';
}
