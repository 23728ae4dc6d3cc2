import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
}

/**
 * Stacked bars, one per column (a state's agency), one colour per series (a category). A picture
 * beside the table that carries the same numbers, for those who read the table instead.
 */
export function CountsChart({ columns, series, label }: { columns: string[]; series: ChartSeries[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        aria: { enabled: true },
        animation: false,
        // Drawn on the canvas: ECharts' HTML tooltip sets inline styles, which the console's CSP refuses.
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 56, bottom: 40 },
        xAxis: { type: 'category', data: columns, axisLabel: { interval: 0, rotate: columns.length > 8 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', barMaxWidth: 64, data: s.values })),
      },
      true,
    );
  }, [columns, series]);

  // ECharts writes its own description into the element it draws in: the label sits on a wrapper.
  return (
    <div role="img" aria-label={label}>
      <div ref={element} className="counts-chart" />
    </div>
  );
}
