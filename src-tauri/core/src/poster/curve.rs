//! The emotion curve's spline, apart from the layout that places it: the editor draws the same
//! curve (`ui/src/board/curve.ts`), and both are checked against one fixture of points, so the
//! board and the poster cannot drift apart.

use super::shapes::Segment;

/// A smooth path through the points, as the editor draws it: a monotone cubic (Fritsch–Carlson),
/// flat at each high and low point, so the line never swings beyond the happiest or the saddest
/// face and never leaves its lane.
pub(crate) fn smooth(p: &[(f32, f32)]) -> Vec<Segment> {
    let m = monotone_tangents(p);
    p.windows(2)
        .enumerate()
        .map(|(i, w)| {
            let (a, b) = (w[0], w[1]);
            let h = (b.0 - a.0) / 3.0;
            Segment::Curve((a.0 + h, a.1 + m[i] * h), (b.0 - h, b.1 - m[i + 1] * h), b)
        })
        .collect()
}

/// Each point's slope: zero where the line turns, else the weighted harmonic mean of its two sides.
fn monotone_tangents(p: &[(f32, f32)]) -> Vec<f32> {
    let h: Vec<f32> = p.windows(2).map(|w| w[1].0 - w[0].0).collect();
    let d: Vec<f32> = p.windows(2).zip(&h).map(|(w, &h)| if h > 0.0 { (w[1].1 - w[0].1) / h } else { 0.0 }).collect();
    (0..p.len())
        .map(|i| {
            if i == 0 {
                return d.first().copied().unwrap_or(0.0);
            }
            if i == p.len() - 1 {
                return d[i - 1];
            }
            let (d0, d1, h0, h1) = (d[i - 1], d[i], h[i - 1], h[i]);
            if d0 * d1 <= 0.0 {
                return 0.0;
            }
            let (w1, w2) = (2.0 * h1 + h0, h1 + 2.0 * h0);
            (w1 + w2) / (w1 / d0 + w2 / d1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The emotion curve turns flat at its highs and lows: sampled along every segment, it stays
    /// between the highest and the lowest face (a Catmull–Rom curve dipped below the lowest).
    #[test]
    fn the_emotion_curve_stays_between_its_highest_and_lowest_points() {
        let points = [(0.0, 40.0), (50.0, 10.0), (80.0, 90.0), (150.0, 88.0), (160.0, 10.0), (230.0, 50.0), (230.0, 60.0)];
        let (top, bottom) = (10.0, 90.0);
        let mut from = points[0];
        for segment in smooth(&points) {
            let Segment::Curve(c1, c2, to) = segment else { panic!("a curve has only cubic segments") };
            for k in 0..=20 {
                let t = k as f32 / 20.0;
                let u = 1.0 - t;
                let y = u * u * u * from.1 + 3.0 * u * u * t * c1.1 + 3.0 * u * t * t * c2.1 + t * t * t * to.1;
                assert!((top - 1e-3..=bottom + 1e-3).contains(&y), "{y} outside {top}..{bottom} between {from:?} and {to:?}");
            }
            from = to;
        }
    }

    /// The editor's curve (`ui/src/board/curve.ts`) is checked against these same segments by
    /// `ui/tests/curve.test.mjs`. A stale fixture fails here, and is rewritten, ready to commit.
    #[test]
    fn the_fixture_the_editor_is_checked_against_holds_the_posters_curve() {
        let inputs: [&[(f32, f32)]; 5] = [
            &[(0.0, 40.0), (50.0, 10.0), (80.0, 90.0), (150.0, 88.0), (160.0, 10.0), (230.0, 50.0), (230.0, 60.0)],
            &[(10.0, 20.0), (90.0, 70.0)],
            &[(0.0, 10.0), (40.0, 20.0), (60.0, 45.0), (140.0, 50.0)],
            &[(0.0, 30.0), (70.0, 30.0), (140.0, 30.0)],
            &[(5.0, 5.0)],
        ];
        let round = |v: f32| (f64::from(v) * 1000.0).round() / 1000.0;
        let cases: Vec<serde_json::Value> = inputs
            .iter()
            .map(|points| {
                let segments: Vec<[f64; 6]> = smooth(points)
                    .into_iter()
                    .map(|s| match s {
                        Segment::Curve(a, b, e) => [a.0, a.1, b.0, b.1, e.0, e.1].map(round),
                        Segment::Line(_) => panic!("a curve has only cubic segments"),
                    })
                    .collect();
                serde_json::json!({ "points": points, "segments": segments })
            })
            .collect();
        // One case a line, so a change reads as the cases it changed.
        let lines: Vec<String> = cases.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        let fresh = format!("[\n{}\n]\n", lines.join(",\n"));
        let committed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/tests/emotion-curve.json");
        if std::fs::read_to_string(committed).ok().as_deref() != Some(fresh.as_str()) {
            std::fs::write(committed, &fresh).unwrap();
            panic!("ui/tests/emotion-curve.json was stale; it has been rewritten: run ui/tests/curve.test.mjs and commit it");
        }
    }
}
