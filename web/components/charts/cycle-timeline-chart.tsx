import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { describeTimeline, formatDuration, type CycleTimeline } from '../../charts/phase-timeline';

// One cycle of the autopilot on a time line: a row per phase, its bar from when it began to when the next
// one did, with how long it took beside it. Times are the ones the autopilot recorded.

const WIDTH = 760;
const ROW = 28;
const margin = { top: 8, right: 90, bottom: 48, left: 100 };
const PHASE_FILL = '#1f6feb';

export function CycleTimelineChart({ timeline }: { timeline: CycleTimeline }) {
  const height = margin.top + margin.bottom + ROW * timeline.spans.length;
  const innerWidth = WIDTH - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const y = scaleBand<string>({
    domain: timeline.spans.map((s) => s.label),
    range: [0, innerHeight],
    padding: 0.25,
  });
  const x = scaleLinear<number>({ domain: [0, Math.max(1, timeline.totalMs)], range: [0, innerWidth] });
  const description = describeTimeline(timeline);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={description}
      className="chart"
      data-testid="cycle-timeline"
      data-cycle={timeline.cycle}
      style={{ maxWidth: 880 }}
    >
      <title>{description}</title>
      <Group left={margin.left} top={margin.top}>
        {timeline.spans.map((span) => {
          const top = y(span.label) ?? 0;
          const left = x(span.startMs);
          // A phase of a few milliseconds still shows as a sliver where it happened.
          const width = Math.max(3, x(span.startMs + span.durationMs) - left);
          return (
            <g key={span.phase} data-phase={span.phase} data-duration-ms={span.durationMs}>
              <text
                x={-8}
                y={top + y.bandwidth() / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={13}
              >
                {span.label}
              </text>
              <Bar x={left} y={top} width={width} height={y.bandwidth()} fill={PHASE_FILL} rx={2} />
              <text
                x={left + width + 6}
                y={top + y.bandwidth() / 2}
                dominantBaseline="middle"
                fontSize={12}
                fill="#1c2430"
              >
                {formatDuration(span.durationMs)}
              </text>
            </g>
          );
        })}
        <AxisBottom
          top={innerHeight}
          scale={x}
          numTicks={6}
          tickFormat={(v) => formatDuration(Number(v))}
          label="Time since the cycle began"
          labelProps={{ fontSize: 12, textAnchor: 'middle', fill: '#5b6676' }}
        />
      </Group>
    </svg>
  );
}
