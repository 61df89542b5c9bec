import { AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { describeFunnel, type FunnelStep } from '../../charts/funnel-steps';

// The job's funnel: one bar per step, as long as the people who reached it, with the count and the share
// of the step before at its end. Drawn by visx as plain SVG, so the server renders it.

const WIDTH = 560;
const ROW = 34;
const margin = { top: 8, right: 160, bottom: 8, left: 132 };

export function FunnelChart({ steps }: { steps: readonly FunnelStep[] }) {
  const height = margin.top + margin.bottom + ROW * steps.length;
  const innerWidth = WIDTH - margin.left - margin.right;
  const y = scaleBand<string>({
    domain: steps.map((s) => s.label),
    range: [0, height - margin.top - margin.bottom],
    padding: 0.2,
  });
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...steps.map((s) => s.people))],
    range: [0, innerWidth],
  });
  const description = `Funnel: ${describeFunnel(steps)}`;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={description}
      className="chart"
      data-testid="funnel-chart"
      style={{ maxWidth: WIDTH }}
    >
      <title>{description}</title>
      <Group left={margin.left} top={margin.top}>
        {steps.map((step) => {
          const top = y(step.label) ?? 0;
          const length = x(step.people);
          return (
            <g key={step.key} data-step={step.key} data-people={step.people}>
              <Bar x={0} y={top} width={Math.max(length, 2)} height={y.bandwidth()} fill="#1f6feb" rx={3} />
              <text x={length + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" fontSize={13}>
                <tspan fontWeight={600}>{step.people}</tspan>
                {step.percentOfPrevious !== null ? (
                  <tspan fill="#5b6676"> · {step.percentOfPrevious}% of previous</tspan>
                ) : null}
              </text>
            </g>
          );
        })}
        <AxisLeft scale={y} hideTicks hideAxisLine tickLabelProps={{ fontSize: 13, fill: '#1c2430' }} />
      </Group>
    </svg>
  );
}
