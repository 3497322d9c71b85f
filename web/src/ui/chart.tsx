import { useEffect, useRef } from 'preact/hooks';
import type { ChartOption } from './echarts';

/*
 * ECharts (tree-shaken to bars + SVG, see ./echarts) is loaded with the first chart, as its own
 * chunk: people who never open 概览 (an employee on a phone) never download it.
 */
const echarts = () => import('./echarts');

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

/** A bar chart of labelled values; `label` describes it for screen readers (the table says the same). */
export function BarsChart(props: {
  bars: Bar[];
  label: string;
  id?: string;
  horizontal?: boolean;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let dispose = () => {};
    let gone = false;
    void echarts().then(({ init }) => {
      if (gone) return;
      const chart = init(node, undefined, { renderer: 'svg' });
      const categories = {
        type: 'category' as const,
        data: props.bars.map((b) => b.label),
        axisLabel: { interval: 0, hideOverlap: true },
      };
      const values = { type: 'value' as const, minInterval: 1 };
      const option: ChartOption = {
        animation: false,
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: props.horizontal ? values : categories,
        yAxis: props.horizontal ? { ...categories, inverse: true } : values,
        series: [
          {
            type: 'bar',
            data: props.bars.map((b) => ({
              value: b.value,
              itemStyle: b.color ? { color: b.color } : undefined,
            })),
            itemStyle: { color: '#0b5cad' },
            label: { show: true, position: props.horizontal ? 'right' : 'top' },
          },
        ],
      };
      chart.setOption(option);
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(node);
      dispose = () => {
        resize.disconnect();
        chart.dispose();
      };
    });
    return () => {
      gone = true;
      dispose();
    };
  }, [JSON.stringify(props.bars), props.horizontal]);
  return (
    <div
      ref={el}
      id={props.id}
      class="chart"
      role="img"
      aria-label={props.label}
      style={{ height: `${props.height ?? 220}px` }}
    />
  );
}
