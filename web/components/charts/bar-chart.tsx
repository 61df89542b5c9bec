import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';

// One small bar chart for the report pages, drawn as plain SVG by visx so the server renders it (no
// script needed to see the figures) and a screen reader gets the table beside it.

export type ChartBar = { label: string; value: number; tone?: 'good' | 'bad' | 'muted' };

const toneFill = { good: '#2f7d4f', bad: '#b3261e', muted: '#9aa3ad' } as const;

export function BarChart({
  bars,
  title,
  maxValue,
  threshold,
  width = 560,
  height = 220,
  formatValue = (v: number) => String(v),
}: {
  bars: readonly ChartBar[];
  title: string;
  maxValue?: number;
  /** A dashed line across the chart (the four-fifths line). */
  threshold?: { value: number; label: string };
  width?: number;
  height?: number;
  formatValue?: (value: number) => string;
}) {
  const margin = { top: 16, right: 16, bottom: 40, left: 44 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>({ domain: bars.map((b) => b.label), range: [0, innerWidth], padding: 0.25 });
  const top = Math.max(maxValue ?? 0, ...bars.map((b) => b.value), threshold?.value ?? 0, 1);
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: true });
  return (
    <svg width={width} height={height} role="img" aria-label={title} className="chart">
      <title>{title}</title>
      <Group left={margin.left} top={margin.top}>
        {bars.map((bar) => {
          const barHeight = innerHeight - y(bar.value);
          const left = x(bar.label) ?? 0;
          return (
            <g key={bar.label}>
              <Bar
                x={left}
                y={innerHeight - barHeight}
                width={x.bandwidth()}
                height={barHeight}
                fill={toneFill[bar.tone ?? 'good']}
              />
              <text
                x={left + x.bandwidth() / 2}
                y={innerHeight - barHeight - 4}
                textAnchor="middle"
                fontSize={11}
              >
                {formatValue(bar.value)}
              </text>
            </g>
          );
        })}
        {threshold ? (
          <g>
            <Line
              from={{ x: 0, y: y(threshold.value) }}
              to={{ x: innerWidth, y: y(threshold.value) }}
              stroke="#444"
              strokeDasharray="4 3"
            />
            <text x={innerWidth} y={y(threshold.value) - 4} textAnchor="end" fontSize={11}>
              {threshold.label}
            </text>
          </g>
        ) : null}
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => formatValue(Number(v))} />
        <AxisBottom top={innerHeight} scale={x} />
      </Group>
    </svg>
  );
}
