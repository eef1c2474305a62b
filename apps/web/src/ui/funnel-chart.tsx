// Apache ECharts, only the parts the chart uses: this module and ECharts load with the analytics
// screen alone (a lazy chunk), never with the first screen.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { FunnelSeries } from '../analytics-series';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function FunnelChart({ series, label }: { readonly series: FunnelSeries; readonly label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = init(host.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: series.sources, axisLabel: { rotate: 30 } },
      yAxis: [
        { type: 'value', name: 'leads', minInterval: 1 },
        { type: 'value', name: 'conversion %', max: 100 },
      ],
      series: [
        { name: 'captured', type: 'bar', data: series.captured },
        { name: 'qualified', type: 'bar', data: series.qualified },
        { name: 'converted', type: 'bar', data: series.converted },
        { name: 'conversion %', type: 'line', yAxisIndex: 1, data: series.conversionPercent, connectNulls: false },
      ],
    });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series]);
  return <div ref={host} className="chart" role="img" aria-label={label} data-testid="funnel-chart" />;
}
