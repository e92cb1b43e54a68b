//! Greedy label placement: labels in priority order, each at the first candidate position around
//! its point that overlaps nothing placed before (points, labels, reserved areas).

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether the two rectangles overlap (touching edges do not).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// Whether `self` lies inside `o`.
    pub fn inside(&self, o: &Rect) -> bool {
        self.x >= o.x
            && self.y >= o.y
            && self.x + self.w <= o.x + o.w
            && self.y + self.h <= o.y + o.h
    }
}

/// A label to place: next to the circle at `(x, y)` of radius `r`, of size `w` x `h`.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    /// Centre of the point.
    pub x: f64,
    /// Centre of the point.
    pub y: f64,
    /// Radius of the point.
    pub r: f64,
    /// Label width.
    pub w: f64,
    /// Label height.
    pub h: f64,
}

/// Places labels greedily, in the order given (put the important ones first). Candidates are the
/// eight compass positions around the point at growing gaps (2 to 48 px); the first that
/// stays inside `area` and overlaps no obstacle and no earlier label wins. Returns the label
/// rectangle of each wanted label, `None` where none fits.
///
/// Time O(n · c · (n + o)) for n labels, c = 48 candidates and o obstacles.
pub fn place(wanted: &[Wanted], obstacles: &[Rect], area: &Rect) -> Vec<Option<Rect>> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    let mut out = Vec::with_capacity(wanted.len());
    for l in wanted {
        let mut chosen = None;
        'gaps: for gap in [2.0, 6.0, 12.0, 20.0, 32.0, 48.0] {
            let d = l.r + gap;
            // right, left, above, below, then the diagonals
            let candidates = [
                (l.x + d, l.y - l.h / 2.0),
                (l.x - d - l.w, l.y - l.h / 2.0),
                (l.x - l.w / 2.0, l.y - d - l.h),
                (l.x - l.w / 2.0, l.y + d),
                (l.x + d * 0.7, l.y - d * 0.7 - l.h),
                (l.x - d * 0.7 - l.w, l.y - d * 0.7 - l.h),
                (l.x + d * 0.7, l.y + d * 0.7),
                (l.x - d * 0.7 - l.w, l.y + d * 0.7),
            ];
            for (x, y) in candidates {
                let rect = Rect {
                    x,
                    y,
                    w: l.w,
                    h: l.h,
                };
                if rect.inside(area) && !taken.iter().any(|t| t.overlaps(&rect)) {
                    chosen = Some(rect);
                    break 'gaps;
                }
            }
        }
        if let Some(r) = chosen {
            taken.push(r);
        }
        out.push(chosen);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_and_avoid_points() {
        // A dense cluster: 30 points on a small grid.
        let mut wanted = Vec::new();
        let mut points = Vec::new();
        for i in 0..30 {
            let x = 100.0 + f64::from(i % 6) * 18.0;
            let y = 100.0 + f64::from(i / 6) * 14.0;
            points.push(Rect {
                x: x - 3.0,
                y: y - 3.0,
                w: 6.0,
                h: 6.0,
            });
            wanted.push(Wanted {
                x,
                y,
                r: 3.0,
                w: 20.0,
                h: 10.0,
            });
        }
        let area = Rect {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 400.0,
        };
        let placed = place(&wanted, &points, &area);
        let rects: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(rects.len() >= 20, "placed only {}", rects.len());
        for (i, a) in rects.iter().enumerate() {
            assert!(a.inside(&area));
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for p in &points {
                assert!(!a.overlaps(p));
            }
        }
    }

    #[test]
    fn first_choice_is_to_the_right() {
        let area = Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 100.0,
        };
        let w = Wanted {
            x: 50.0,
            y: 50.0,
            r: 4.0,
            w: 20.0,
            h: 10.0,
        };
        let r = place(&[w], &[], &area)[0].unwrap();
        assert_eq!((r.x, r.y), (56.0, 45.0));
    }
}
