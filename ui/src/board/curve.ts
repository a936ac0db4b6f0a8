/** A point of the emotion curve: x in the board's coordinates, score −2..+2. */
export interface CurvePoint {
  x: number;
  score: number;
}

/** A cubic segment: its two control points and its end, as [x1, y1, x2, y2, x, y]. */
export type Segment = [number, number, number, number, number, number];

/**
 * A smooth path through the points, with y mapped from the score onto `height` (+2 at the top, −2
 * at the bottom, `pad` kept free at both edges).
 */
export function curvePath(points: CurvePoint[], height: number, pad = 14): string {
  const p = points.map((pt) => ({ x: pt.x, y: scoreToY(pt.score, height, pad) }));
  const first = p[0];
  if (!first) return "";
  const n = (v: number) => v.toFixed(1);
  const curves = smooth(p).map(([x1, y1, x2, y2, x, y]) => `C${n(x1)},${n(y1)} ${n(x2)},${n(y2)} ${n(x)},${n(y)}`);
  return [`M${n(first.x)},${n(first.y)}`, ...curves].join(" ");
}

/**
 * The segments through the points: a monotone cubic (Fritsch–Carlson), flat at each high and low
 * point, so the line never swings above the happiest face or below the saddest, and never leaves
 * the lane. The poster draws the same curve (`poster::curve::smooth` in the core); both are
 * checked against `ui/tests/emotion-curve.json`.
 */
export function smooth(p: { x: number; y: number }[]): Segment[] {
  const m = monotoneTangents(p);
  return p.slice(1).map((b, i) => {
    const a = p[i]!;
    const h = (b.x - a.x) / 3;
    return [a.x + h, a.y + m[i]! * h, b.x - h, b.y - m[i + 1]! * h, b.x, b.y];
  });
}

/** Each point's slope: zero where the line turns, else the weighted harmonic mean of its two sides. */
function monotoneTangents(p: { x: number; y: number }[]): number[] {
  const h = p.slice(1).map((b, i) => b.x - p[i]!.x);
  const d = p.slice(1).map((b, i) => (h[i]! > 0 ? (b.y - p[i]!.y) / h[i]! : 0));
  return p.map((_, i) => {
    if (i === 0) return d[0] ?? 0;
    if (i === p.length - 1) return d[i - 1]!;
    const [d0, d1, h0, h1] = [d[i - 1]!, d[i]!, h[i - 1]!, h[i]!];
    if (d0 * d1 <= 0) return 0;
    const w1 = 2 * h1 + h0;
    const w2 = h1 + 2 * h0;
    return (w1 + w2) / (w1 / d0 + w2 / d1);
  });
}

export function scoreToY(score: number, height: number, pad = 14): number {
  return pad + ((2 - score) / 4) * (height - 2 * pad);
}
