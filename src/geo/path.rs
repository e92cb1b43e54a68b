//! SVG path data (`d` attributes) of projected rings and lines, clipped to a frame's viewport:
//! the world's outline, the graticule, a box's outline; and the writer [`crate::geo::Land`] uses.
//!
//! Every path is projected through a [`MapFrame`] with adaptive resampling: a segment that
//! changes latitude is cut into pieces of at most 10 degrees of latitude, and each piece is
//! halved (at most 6 times) while the projection of its middle lies more than 0.2 pixel off the
//! chord, because meridians are curved in the Natural Earth projection. Parallels are straight,
//! so a segment along one is left alone. The number of points thus follows the scale: a small
//! map gets few. Rings are clipped with Sutherland-Hodgman and lines with Liang-Barsky to the
//! viewport. Coordinates are written in pixels with one decimal, the first point of a subpath
//! absolute (`M`) and the others relative (`l`), differences taken between rounded points so
//! that no error accumulates.

use std::fmt::Write as _;

use super::projection::{steps, GeoBounds, MapFrame, Viewport};

/// The largest change of latitude, in degrees, of a segment before adaptive resampling.
const MAX_STEP_DEGREES: f64 = 10.0;
/// How far, in pixels, a projected middle may lie off its chord.
const RESAMPLE_TOLERANCE_PX: f64 = 0.2;
/// How many times a piece may be halved.
const RESAMPLE_DEPTH: u32 = 6;

/// The outline of the whole world on `frame` (the sphere's edge: curved meridians ±180 and the
/// flat poles), as one closed subpath; fill it for the sea.
///
/// # Complexity
/// Time and space **O(1)**: the points that resampling needs at the frame's scale, about 150
/// on a 1,000-pixel map.
///
/// # Examples
/// ```
/// use leverage::geo::{sphere_path, GeoBounds, MapFrame, Viewport};
///
/// let frame = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 960.0, height: 500.0 });
/// let d = sphere_path(&frame);
/// assert!(d.starts_with('M') && d.ends_with('z'));
/// ```
pub fn sphere_path(frame: &MapFrame) -> String {
    bounds_path(&GeoBounds::WORLD, frame)
}

/// The outline of `bounds` on `frame` (its meridians curved, its parallels straight), clipped to
/// the viewport: the dashed area of an inset on the world map.
///
/// # Complexity
/// Time and space **O(height / 10°)** plus the points that resampling adds.
///
/// # Examples
/// ```
/// use leverage::geo::{bounds_path, GeoBounds, MapFrame, Viewport};
///
/// let frame = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 960.0, height: 500.0 });
/// assert!(bounds_path(&GeoBounds::EUROPE, &frame).starts_with('M'));
/// ```
pub fn bounds_path(bounds: &GeoBounds, frame: &MapFrame) -> String {
    let mut out = String::new();
    let ring = bounds.outline(MAX_STEP_DEGREES);
    write_ring(&mut out, &ring, frame);
    out
}

/// The graticule on `frame`: meridians and parallels every `step` degrees (parallels from
/// `-90 + step` to `90 - step`, meridians from pole to pole), clipped to the viewport. A `step`
/// below 1 degree or not finite draws nothing.
///
/// # Complexity
/// Time and space **O(360 / step)** lines, each of the points that resampling needs.
///
/// # Examples
/// ```
/// use leverage::geo::{graticule_path, GeoBounds, MapFrame, Viewport};
///
/// let frame = MapFrame::fit(&GeoBounds::EUROPE, Viewport { x: 0.0, y: 0.0, width: 440.0, height: 330.0 });
/// let d = graticule_path(&frame, 10.0);
/// assert!(d.starts_with('M') && !d.contains('z'));
/// assert!(graticule_path(&frame, f64::NAN).is_empty());
/// ```
pub fn graticule_path(frame: &MapFrame, step: f64) -> String {
    let mut out = String::new();
    if !(step.is_finite() && step >= 1.0) {
        return out;
    }
    let n_lon = steps(360.0, step);
    for i in 0..=n_lon {
        let lon = (-180.0 + i as f64 * step).min(180.0);
        write_line(&mut out, &[(lon, -90.0), (lon, 90.0)], frame);
        if lon >= 180.0 {
            break;
        }
    }
    let mut lat = -90.0 + step;
    while lat < 90.0 {
        write_line(&mut out, &[(-180.0, lat), (180.0, lat)], frame);
        lat += step;
    }
    out
}

/// Appends one closed ring of `(lon, lat)` points (first not repeated) to `out` as a subpath,
/// clipped to the viewport; nothing if fewer than 3 distinct pixel points remain.
///
/// Time **O(n + m)** for `n` points and `m` points added by resampling.
pub(crate) fn write_ring(out: &mut String, ring: &[(f64, f64)], frame: &MapFrame) {
    if !frame.is_drawable() || ring.len() < 3 {
        return;
    }
    let mut pts = Vec::with_capacity(ring.len() + 8);
    for (i, &a) in ring.iter().enumerate() {
        let b = ring[(i + 1) % ring.len()];
        densify(a, b, frame, &mut pts);
    }
    let v = frame.viewport();
    let (x0, x1, y0, y1) = extent(&pts);
    if x1 < v.x || x0 > v.right() || y1 < v.y || y0 > v.bottom() {
        return;
    }
    if x0 < v.x || x1 > v.right() || y0 < v.y || y1 > v.bottom() {
        pts = clip_polygon(&pts, &v);
    }
    let tenths = rounded(&pts, true);
    if tenths.len() >= 3 {
        write_subpath(out, &tenths);
        out.push('z');
    }
}

/// Appends an open line of `(lon, lat)` points to `out`, clipped to the viewport (each piece
/// inside it a subpath).
fn write_line(out: &mut String, line: &[(f64, f64)], frame: &MapFrame) {
    if !frame.is_drawable() || line.len() < 2 {
        return;
    }
    let mut pts = Vec::new();
    for w in line.windows(2) {
        densify(w[0], w[1], frame, &mut pts);
    }
    if let Some(&last) = line.last() {
        pts.push(frame.project(last.0, last.1));
    }
    let v = frame.viewport();
    let mut piece: Vec<(f64, f64)> = Vec::new();
    for w in pts.windows(2) {
        match clip_segment(w[0], w[1], &v) {
            Some((a, b)) => {
                if piece.last() != Some(&a) {
                    flush(out, &mut piece);
                    piece.push(a);
                }
                piece.push(b);
            }
            None => flush(out, &mut piece),
        }
    }
    flush(out, &mut piece);
}

/// Writes `piece` as an open subpath if it has two distinct rounded points, and empties it.
fn flush(out: &mut String, piece: &mut Vec<(f64, f64)>) {
    let tenths = rounded(piece, false);
    if tenths.len() >= 2 {
        write_subpath(out, &tenths);
    }
    piece.clear();
}

/// Projects `a` and the points between `a` and `b` (not `b`) into `out`.
fn densify(a: (f64, f64), b: (f64, f64), frame: &MapFrame, out: &mut Vec<(f64, f64)>) {
    let dlat = b.1 - a.1;
    if dlat == 0.0 {
        out.push(frame.project(a.0, a.1));
        return;
    }
    let n = steps(dlat.abs(), MAX_STEP_DEGREES);
    let at = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * dlat);
    for i in 0..n {
        let (p, q) = (at(i as f64 / n as f64), at((i + 1) as f64 / n as f64));
        let (pp, pq) = (frame.project(p.0, p.1), frame.project(q.0, q.1));
        out.push(pp);
        resample(p, pp, q, pq, frame, RESAMPLE_DEPTH, out);
    }
}

/// Pushes the points strictly between `p` and `q` (projected `pp`, `pq`) that keep the path
/// within [`RESAMPLE_TOLERANCE_PX`] of the projected curve, halving at most `depth` times.
fn resample(
    p: (f64, f64),
    pp: (f64, f64),
    q: (f64, f64),
    pq: (f64, f64),
    frame: &MapFrame,
    depth: u32,
    out: &mut Vec<(f64, f64)>,
) {
    if depth == 0 {
        return;
    }
    let m = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
    let pm = frame.project(m.0, m.1);
    let (dx, dy) = (pq.0 - pp.0, pq.1 - pp.1);
    let chord = dx.hypot(dy);
    let off = if chord > 0.0 {
        ((pm.0 - pp.0) * dy - (pm.1 - pp.1) * dx).abs() / chord
    } else {
        (pm.0 - pp.0).hypot(pm.1 - pp.1)
    };
    // Also false for NaN: a non-finite point is not refined.
    if off > RESAMPLE_TOLERANCE_PX {
        resample(p, pp, m, pm, frame, depth - 1, out);
        out.push(pm);
        resample(m, pm, q, pq, frame, depth - 1, out);
    }
}

/// `(x_min, x_max, y_min, y_max)` of the points.
fn extent(pts: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    pts.iter().fold(
        (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ),
        |e, &(x, y)| (e.0.min(x), e.1.max(x), e.2.min(y), e.3.max(y)),
    )
}

/// Sutherland-Hodgman clip of a closed polygon to the viewport: one pass per edge, each keeping
/// the points inside it and adding the crossings. A concave polygon that leaves and re-enters
/// gets edges along the viewport's border, which an even-odd or non-zero fill leaves correct.
///
/// I. E. Sutherland and G. W. Hodgman, "Reentrant polygon clipping", CACM 17(1), 1974.
fn clip_polygon(pts: &[(f64, f64)], v: &Viewport) -> Vec<(f64, f64)> {
    // Each edge: (axis, limit, keep the side where the coordinate is >= limit).
    let edges = [
        (0, v.x, true),
        (0, v.right(), false),
        (1, v.y, true),
        (1, v.bottom(), false),
    ];
    let mut poly = pts.to_vec();
    for (axis, limit, above) in edges {
        if poly.is_empty() {
            break;
        }
        let coord = |p: (f64, f64)| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: (f64, f64)| {
            if above {
                coord(p) >= limit
            } else {
                coord(p) <= limit
            }
        };
        let cross = |a: (f64, f64), b: (f64, f64)| {
            let t = (limit - coord(a)) / (coord(b) - coord(a));
            if axis == 0 {
                (limit, a.1 + t * (b.1 - a.1))
            } else {
                (a.0 + t * (b.0 - a.0), limit)
            }
        };
        let mut next = Vec::with_capacity(poly.len() + 4);
        let mut prev = poly[poly.len() - 1];
        for &cur in &poly {
            match (inside(prev), inside(cur)) {
                (true, true) => next.push(cur),
                (true, false) => next.push(cross(prev, cur)),
                (false, true) => {
                    next.push(cross(prev, cur));
                    next.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
        poly = next;
    }
    poly
}

/// Liang-Barsky clip of the segment `a`-`b` to the viewport: the part inside, if any.
///
/// Y.-D. Liang and B. A. Barsky, "A new concept and method for line clipping", ACM TOG 3(1), 1984.
fn clip_segment(a: (f64, f64), b: (f64, f64), v: &Viewport) -> Option<((f64, f64), (f64, f64))> {
    if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
        return None;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - v.x),
        (dx, v.right() - a.0),
        (-dy, a.1 - v.y),
        (dy, v.bottom() - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 <= t1 {
        Some((
            (a.0 + t0 * dx, a.1 + t0 * dy),
            (a.0 + t1 * dx, a.1 + t1 * dy),
        ))
    } else {
        None
    }
}

/// The points in tenths of a pixel, without non-finite points and repeats (and, for a closed
/// ring, without a last point equal to the first).
fn rounded(pts: &[(f64, f64)], closed: bool) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(pts.len());
    for &(x, y) in pts {
        // Pixels stay far inside i64 once finite: a viewport's coordinates are the caller's.
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    if closed {
        while out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
    }
    out
}

/// Writes `M x y` and then `l dx dy` for each next point.
fn write_subpath(out: &mut String, pts: &[(i64, i64)]) {
    let Some((&first, rest)) = pts.split_first() else {
        return;
    };
    out.push('M');
    number(out, first.0);
    separate(out, first.1);
    number(out, first.1);
    out.push('l');
    let mut prev = first;
    for (i, &p) in rest.iter().enumerate() {
        let (dx, dy) = (p.0.saturating_sub(prev.0), p.1.saturating_sub(prev.1));
        if i > 0 {
            separate(out, dx);
        }
        number(out, dx);
        separate(out, dy);
        number(out, dy);
        prev = p;
    }
}

/// A space before `next`, unless its minus sign separates it already.
fn separate(out: &mut String, next: i64) {
    if next >= 0 {
        out.push(' ');
    }
}

/// Writes `tenths / 10` with at most one decimal and no leading zero (`12.3`, `-.5`, `4`).
fn number(out: &mut String, tenths: i64) {
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    let (whole, frac) = (a / 10, a % 10);
    if whole > 0 || frac == 0 {
        let _ = write!(out, "{whole}");
    }
    if frac > 0 {
        let _ = write!(out, ".{frac}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(v: Viewport) -> MapFrame {
        MapFrame::fit(&GeoBounds::WORLD, v)
    }

    const V: Viewport = Viewport {
        x: 0.0,
        y: 0.0,
        width: 100.0,
        height: 100.0,
    };

    #[test]
    fn numbers_are_compact() {
        let mut s = String::new();
        for t in [0, 5, -5, 10, -123, 40] {
            number(&mut s, t);
            s.push(',');
        }
        assert_eq!(s, "0,.5,-.5,1,-12.3,4,");
        let mut s = String::new();
        write_subpath(&mut s, &[(10, 20), (15, 20), (15, 10), (10, 12)]);
        assert_eq!(s, "M1 2l.5 0 0-1-.5 .2");
    }

    #[test]
    fn polygon_clipped_to_the_viewport() {
        let v = Viewport {
            x: 0.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        };
        // A square half outside on the right.
        let sq = [(5.0, 2.0), (15.0, 2.0), (15.0, 8.0), (5.0, 8.0)];
        let c = clip_polygon(&sq, &v);
        assert!(c
            .iter()
            .all(|&(x, y)| (0.0..=10.0).contains(&x) && (0.0..=10.0).contains(&y)));
        let area = c
            .iter()
            .zip(c.iter().cycle().skip(1))
            .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
            .sum::<f64>()
            .abs()
            / 2.0;
        assert!((area - 30.0).abs() < 1e-9);
        // Wholly outside: nothing.
        assert!(clip_polygon(&[(20.0, 2.0), (30.0, 2.0), (25.0, 8.0)], &v).is_empty());
    }

    #[test]
    fn segment_clipping() {
        let v = V;
        assert_eq!(
            clip_segment((-50.0, 50.0), (150.0, 50.0), &v),
            Some(((0.0, 50.0), (100.0, 50.0)))
        );
        assert_eq!(clip_segment((-50.0, -1.0), (150.0, -1.0), &v), None);
        assert_eq!(clip_segment((f64::NAN, 0.0), (1.0, 1.0), &v), None);
    }

    #[test]
    fn world_outline_spans_the_frame() {
        let f = frame(Viewport {
            x: 0.0,
            y: 0.0,
            width: 200.0,
            height: 104.0,
        });
        let d = sphere_path(&f);
        assert!(d.starts_with('M') && d.ends_with('z') && !d.contains("NaN"));
        assert_eq!(d.matches('M').count(), 1);
    }

    #[test]
    fn nothing_drawn_on_a_degenerate_frame() {
        let f = frame(Viewport { width: 0.0, ..V });
        assert!(sphere_path(&f).is_empty());
        assert!(graticule_path(&f, 10.0).is_empty());
        let mut s = String::new();
        write_ring(
            &mut s,
            &[(0.0, 0.0), (f64::NAN, 1.0), (2.0, f64::INFINITY)],
            &frame(V),
        );
        assert!(s.is_empty());
    }

    #[test]
    fn graticule_lines_stay_inside_an_inset() {
        let v = Viewport {
            x: 100.0,
            y: 50.0,
            width: 440.0,
            height: 330.0,
        };
        let f = MapFrame::fit(&GeoBounds::EUROPE, v);
        let d = graticule_path(&f, 10.0);
        // Absolute points (after M) are inside the viewport.
        for sub in d.split('M').skip(1) {
            let head: String = sub.chars().take_while(|&c| c != 'l').collect();
            let mut it = head.split(' ');
            let x: f64 = it.next().and_then(|s| s.parse().ok()).expect("x");
            let y: f64 = it.next().and_then(|s| s.parse().ok()).expect("y");
            assert!(
                (100.0..=540.0).contains(&x) && (50.0..=380.0).contains(&y),
                "{x} {y}"
            );
        }
        // Meridians -10, 0, ..., 40 and parallels 40, 50, 60, 70 cross the inset at least.
        assert!(d.matches('M').count() >= 10);
    }
}
