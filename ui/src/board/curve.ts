/** A point of the emotion curve: x in the board's coordinates, score −2..+2. */
export interface CurvePoint {
  x: number;
  score: number;
}

/**
 * A smooth path through the points (Catmull–Rom turned into cubic Béziers), with y mapped from
 * the score onto `height` (+2 at the top, −2 at the bottom, `pad` kept free at both edges).
 */
export function curvePath(points: CurvePoint[], height: number, pad = 14): string {
  const y = (score: number) => pad + ((2 - score) / 4) * (height - 2 * pad);
  const p = points.map((pt) => ({ x: pt.x, y: y(pt.score) }));
  const first = p[0];
  if (!first) return "";
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`;
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[i - 1] ?? p[i]!;
    const p1 = p[i]!;
    const p2 = p[i + 1]!;
    const p3 = p[i + 2] ?? p2;
    const c1x = p1.x + (p2.x - p0.x) / 6;
    const c1y = p1.y + (p2.y - p0.y) / 6;
    const c2x = p2.x - (p3.x - p1.x) / 6;
    const c2y = p2.y - (p3.y - p1.y) / 6;
    d += ` C${c1x.toFixed(1)},${c1y.toFixed(1)} ${c2x.toFixed(1)},${c2y.toFixed(1)} ${p2.x.toFixed(1)},${p2.y.toFixed(1)}`;
  }
  return d;
}

export function scoreToY(score: number, height: number, pad = 14): number {
  return pad + ((2 - score) / 4) * (height - 2 * pad);
}
