import { useEffect, useRef } from 'react';
import { BarChart, LineChart, SankeyChart, type BarSeriesOption, type LineSeriesOption, type SankeySeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | SankeySeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * One ECharts chart drawn on canvas, named for assistive technology by `label`; the numbers it
 * draws must also be on the page in words or a table, since a picture is all it is to them.
 */
export function Chart({ option, tooltip, label }: { option: Omit<ChartOption, 'tooltip'>; tooltip: 'axis' | 'item'; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The chart follows its box, which the layout changes without the window's resize event.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Tooltips drawn on the canvas: ECharts' HTML ones carry inline styles the console's CSP refuses.
    chart.current?.setOption({ animation: false, ...option, tooltip: { renderMode: 'richText', trigger: tooltip } }, true);
  }, [option, tooltip]);

  return (
    <div role="img" aria-label={label}>
      <div ref={element} className="chart" />
    </div>
  );
}
