// A small horizontal bar chart in SVG: each bar has its label above it and its value as text beside it, so nothing
// rests on colour; the chart is one image with a name, and the same figures follow in a table (the caller's).
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What is printed beside the bar, e.g. "12" or "45.0%". */
  text: string;
}

const W = 320;
const ROW = 44;
const BAR_H = 16;
const TEXT_W = 56;

export function BarChart({
  title,
  bars,
  max,
  describedBy,
}: {
  title: string;
  bars: Bar[];
  max?: number;
  describedBy?: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${W} ${height}`}
      width="100%"
      role="img"
      aria-label={title}
      aria-describedby={describedBy}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((b, i) => {
        const y = i * ROW;
        const width = Math.max(b.value > 0 ? 2 : 0, ((W - TEXT_W) * b.value) / top);
        return (
          <g key={b.key}>
            <text x={0} y={y + 15} className="bar-label">
              {b.label}
            </text>
            <rect x={0} y={y + 22} width={W - TEXT_W} height={BAR_H} className="bar-track" rx={3} />
            <rect x={0} y={y + 22} width={width} height={BAR_H} className="bar" rx={3} />
            <text x={W - TEXT_W + 6} y={y + 35} className="bar-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
