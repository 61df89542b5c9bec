import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { binLabel, type ScoreBin } from '../../charts/score-bins';
import type { ScoreThreshold } from '../../charts/score-thresholds';

// How the job's people scored, in bands of ten, with the score lines its rules draw across it (dashed,
// labelled in words at the top), so a recruiter sees how many people each rule lets through.

const WIDTH = 560;
const HEIGHT = 260;
const LABEL_ROW = 16;

export function ScoreHistogram({
  bins,
  thresholds,
}: {
  bins: readonly ScoreBin[];
  thresholds: readonly ScoreThreshold[];
}) {
  // One row of labels per threshold above the bars, so labels of close lines never overlap.
  const margin = { top: 8 + LABEL_ROW * thresholds.length, right: 20, bottom: 40, left: 40 };
  const innerWidth = WIDTH - margin.left - margin.right;
  const innerHeight = HEIGHT - margin.top - margin.bottom;
  const x = scaleLinear<number>({ domain: [0, 100], range: [0, innerWidth] });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...bins.map((b) => b.people))],
    range: [innerHeight, 0],
    nice: true,
  });
  const lines = thresholds.map((t) => x(t.value));
  const countX = (left: number, width: number) => {
    const middle = left + width / 2;
    return lines.some((at) => Math.abs(at - middle) < 9) ? left + width / 4 : middle;
  };
  const total = bins.reduce((sum, b) => sum + b.people, 0);
  const description =
    `Scores of ${total} matched people: ` +
    bins.map((b) => `${binLabel(b)}: ${b.people}`).join(', ') +
    (thresholds.length > 0 ? `. Rule lines: ${thresholds.map((t) => t.label).join(', ')}` : '');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={description}
      className="chart"
      data-testid="score-histogram"
      style={{ maxWidth: WIDTH }}
    >
      <title>{description}</title>
      <Group left={margin.left} top={margin.top}>
        {bins.map((bin) => {
          const left = x(bin.from) + 1;
          const width = Math.max(0, x(bin.from + 10) - x(bin.from) - 2);
          const top = y(bin.people);
          // The count sits inside a bar tall enough to hold it, beside any rule line that crosses the bar.
          const inside = innerHeight - top >= 20;
          return (
            <g key={bin.from} data-bin={binLabel(bin)} data-people={bin.people}>
              <Bar x={left} y={top} width={width} height={innerHeight - top} fill="#9aa3ad" />
              {bin.people > 0 ? (
                <text
                  x={countX(left, width)}
                  y={inside ? top + 14 : top - 4}
                  textAnchor="middle"
                  fontSize={11}
                  fill={inside ? '#fff' : '#1c2430'}
                >
                  {bin.people}
                </text>
              ) : null}
            </g>
          );
        })}
        {thresholds.map((threshold, index) => {
          const at = x(threshold.value);
          const labelY = -margin.top + 8 + LABEL_ROW * index + 11;
          // Labels right of their line, unless that would run off the chart.
          const anchor = at > innerWidth * 0.6 ? 'end' : 'start';
          return (
            <g
              key={`${threshold.op}${threshold.value}`}
              data-testid="score-threshold"
              data-value={threshold.value}
            >
              <Line
                from={{ x: at, y: labelY + 3 }}
                to={{ x: at, y: innerHeight }}
                stroke="#cf222e"
                strokeWidth={2}
                strokeDasharray="5 3"
              />
              <text
                x={anchor === 'start' ? at + 4 : at - 4}
                y={labelY}
                textAnchor={anchor}
                fontSize={12}
                fill="#a40e26"
              >
                {threshold.label}
              </text>
            </g>
          );
        })}
        <AxisLeft scale={y} tickValues={y.ticks(4).filter(Number.isInteger)} tickFormat={(v) => String(v)} />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]}
          label="Match score"
          labelProps={{ fontSize: 12, textAnchor: 'middle', fill: '#5b6676' }}
        />
      </Group>
    </svg>
  );
}
