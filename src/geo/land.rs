//! The land of the world as rings of longitude and latitude, from the embedded Natural Earth
//! asset `graphs/land-110m.txt`, and its SVG path on a [`MapFrame`].
//!
//! # The asset
//! `graphs/land-110m.txt` is built by `graphs/build/build_land.py` from Natural Earth's 1:110m
//! land (public domain; "Made with Natural Earth"), simplified with Douglas-Peucker at 0.1
//! degree and snapped to a 0.1-degree grid: about 23 KB. Format 1, as its header says:
//!
//! - a line starting with `#` is a comment;
//! - `U N`, before any ring: coordinates are integers in units of `1/N` degree;
//! - every other line is one ring, `TAG LON LAT DLON DLAT ...`: `TAG` is `P` (the outer ring of a
//!   new polygon) or `H` (a hole of the last polygon); the first point, then each next point as
//!   the difference from the one before.
//!
//! A ring is closed (its first point not repeated), has at least 3 points, lies within
//! lon -180..180 and lat -90..90, and does not cross the antimeridian (no step of more than 180
//! degrees of longitude: the build script cuts such rings, and closes Antarctica along lat -90).
//! Outer rings run counter-clockwise with latitude up, holes clockwise; the path is filled with
//! the even-odd rule.

use std::sync::OnceLock;

use super::path::write_ring;
use super::projection::MapFrame;
use crate::io::location::Location;
use crate::{Error, Result};

/// The embedded land asset, `graphs/land-110m.txt` (format in the [module docs](self)).
pub const LAND_110M: &str = include_str!("../../graphs/land-110m.txt");

/// The credit Natural Earth asks for; a map that draws the land shows it.
pub const ATTRIBUTION: &str = "Made with Natural Earth";

/// The name errors in the embedded asset are reported at.
const EMBEDDED_NAME: &str = "graphs/land-110m.txt";

/// One ring of a land polygon: its points `(lon, lat)` in degrees, closed (the first point is
/// not repeated).
///
/// # Examples
/// ```
/// use leverage::geo::Land;
///
/// let land = Land::parse("U 1\nP 0 0 10 0 0 10\n", "<memory>")?;
/// let ring = &land.rings()[0];
/// assert_eq!(ring.points(), &[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
/// assert!(!ring.is_hole());
/// # Ok::<(), leverage::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    points: Vec<(f64, f64)>,
    hole: bool,
}

impl Ring {
    /// The points `(lon, lat)` in degrees.
    ///
    /// # Examples
    /// ```
    /// let ring = &leverage::geo::Land::embedded().rings()[0];
    /// assert!(ring.points().len() >= 3);
    /// ```
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// Whether the ring is a hole (a lake such as the Caspian Sea) in the polygon before it.
    ///
    /// # Examples
    /// ```
    /// let land = leverage::geo::Land::embedded();
    /// assert!(land.rings().iter().any(|r| r.is_hole()));
    /// ```
    pub fn is_hole(&self) -> bool {
        self.hole
    }
}

/// Land as polygons: each an outer [`Ring`] followed by its holes, in file order.
///
/// # Examples
/// ```
/// use leverage::geo::{GeoBounds, Land, MapFrame, Viewport};
///
/// let frame = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 960.0, height: 500.0 });
/// let d = Land::embedded().svg_path(&frame);
/// let svg = format!(r##"<path d="{d}" fill="#ddd" fill-rule="evenodd"/>"##);
/// assert!(svg.len() > 10_000);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Land {
    rings: Vec<Ring>,
    polygons: usize,
}

impl Land {
    /// The land of the embedded asset [`LAND_110M`], decoded once.
    ///
    /// # Panics
    /// Never in a released build: the asset ships in the binary and its test decodes it; a
    /// broken asset is a programmer error.
    ///
    /// # Complexity
    /// The first call decodes the asset, time **O(n)** for its `n` points (about 4,000);
    /// later calls are **O(1)**.
    ///
    /// # Examples
    /// ```
    /// let land = leverage::geo::Land::embedded();
    /// assert!(land.polygon_count() > 100);
    /// ```
    pub fn embedded() -> &'static Land {
        static LAND: OnceLock<Land> = OnceLock::new();
        LAND.get_or_init(|| {
            Land::parse(LAND_110M, EMBEDDED_NAME)
                .expect("graphs/land-110m.txt decodes: checked by geo::land::tests::embedded_asset")
        })
    }

    /// Decodes land in the asset format (the [module docs](self)); `file` names the input in
    /// error messages.
    ///
    /// # Errors
    /// [`Error::Invalid`] at the line and column of the first problem: a tag other than `P`, `H`
    /// or `U`; a hole before any polygon; a missing or repeated `U`; a token that is not an
    /// integer; an odd count of numbers; a ring of fewer than 3 points; a point out of range;
    /// or a step of more than 180 degrees of longitude (a ring across the antimeridian).
    ///
    /// # Complexity
    /// Time **O(text length)**; space **O(n)** for `n` points.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::Land;
    ///
    /// let land = Land::parse("# a square with a square hole\nU 10\nP 0 0 100 0 0 100 -100 0\nH 20 20 0 20 20 0 0 -20\n", "sq.txt")?;
    /// assert_eq!((land.polygon_count(), land.rings().len(), land.point_count()), (1, 2, 8));
    ///
    /// let err = Land::parse("U 10\nP 1790 0 20 0 -10 10\n", "bad.txt").unwrap_err();
    /// assert!(err.to_string().starts_with("bad.txt:2:"));
    /// # Ok::<(), leverage::Error>(())
    /// ```
    pub fn parse(text: &str, file: &str) -> Result<Land> {
        let mut land = Land::default();
        let mut per_degree: Option<i64> = None;
        for (index, line) in text.lines().enumerate() {
            let n = index + 1;
            let at = |column: usize| Location::file(file).at(n, column);
            let trimmed = line.trim_end();
            if trimmed.trim_start().is_empty() || trimmed.trim_start().starts_with('#') {
                continue;
            }
            let mut tokens = Tokens::new(trimmed);
            let Some((tag_col, tag)) = tokens.next() else {
                continue;
            };
            match tag {
                "U" => {
                    if per_degree.is_some() || !land.rings.is_empty() {
                        return Err(Error::invalid(
                            at(tag_col),
                            "`U` appears after the first ring or twice",
                            Some("write one `U N` line before the rings".into()),
                        ));
                    }
                    let (col, value) = tokens.integer(&at)?.ok_or_else(|| {
                        Error::invalid(
                            at(trimmed.len() + 1),
                            "`U` needs the number of units per degree",
                            Some("write `U 10` for a 0.1-degree grid".into()),
                        )
                    })?;
                    if !(1..=1_000_000).contains(&value) {
                        return Err(Error::invalid(
                            at(col),
                            format!("units per degree is `{value}`, but it must be in 1..=1000000"),
                            Some("write `U 10` for a 0.1-degree grid".into()),
                        ));
                    }
                    per_degree = Some(value);
                }
                "P" | "H" => {
                    let Some(unit) = per_degree else {
                        return Err(Error::invalid(
                            at(tag_col),
                            "a ring comes before the `U` line",
                            Some("write `U N` (units per degree) before the rings".into()),
                        ));
                    };
                    if tag == "H" && land.polygons == 0 {
                        return Err(Error::invalid(
                            at(tag_col),
                            "a hole (`H`) comes before any polygon (`P`)",
                            Some("start each polygon with its outer ring, tagged `P`".into()),
                        ));
                    }
                    let points = ring_points(&mut tokens, unit, &at, trimmed.len() + 1)?;
                    land.polygons += usize::from(tag == "P");
                    land.rings.push(Ring {
                        points,
                        hole: tag == "H",
                    });
                }
                other => {
                    return Err(Error::invalid(
                        at(tag_col),
                        format!("line starts with `{other}`, but a ring starts with `P` or `H`"),
                        Some("comments start with `#`".into()),
                    ));
                }
            }
        }
        Ok(land)
    }

    /// The rings: each polygon's outer ring, then its holes.
    ///
    /// # Examples
    /// ```
    /// let land = leverage::geo::Land::embedded();
    /// assert!(!land.rings()[0].is_hole());
    /// ```
    pub fn rings(&self) -> &[Ring] {
        &self.rings
    }

    /// The number of polygons (outer rings).
    ///
    /// # Examples
    /// ```
    /// let land = leverage::geo::Land::embedded();
    /// assert!(land.polygon_count() <= land.rings().len());
    /// ```
    pub fn polygon_count(&self) -> usize {
        self.polygons
    }

    /// The number of points in all rings.
    ///
    /// # Examples
    /// ```
    /// assert!(leverage::geo::Land::embedded().point_count() > 3_000);
    /// ```
    pub fn point_count(&self) -> usize {
        self.rings.iter().map(|r| r.points.len()).sum()
    }

    /// The land on `frame` as SVG path data, clipped to the frame's viewport: one closed subpath
    /// per ring that shows, in pixels with one decimal. Fill it with `fill-rule="evenodd"`. A
    /// frame that draws nothing gives an empty string.
    ///
    /// For a Europe inset, fit a frame to [`crate::geo::GeoBounds::EUROPE`] and the inset's
    /// viewport: the same land is drawn, cropped to the viewport's rectangle.
    ///
    /// # Complexity
    /// Time and space **O(n + m)** for the `n` points and the `m` points that resampling adds
    /// where the projection curves a segment (a few, mostly on the antimeridian).
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, Land, MapFrame, Viewport};
    ///
    /// let inset = Viewport { x: 1140.0, y: 94.0, width: 440.0, height: 330.0 };
    /// let d = Land::embedded().svg_path(&MapFrame::fit(&GeoBounds::EUROPE, inset));
    /// assert!(d.starts_with('M') && d.len() < Land::embedded().point_count() * 12);
    /// ```
    pub fn svg_path(&self, frame: &MapFrame) -> String {
        let mut out = String::new();
        for ring in &self.rings {
            write_ring(&mut out, &ring.points, frame);
        }
        out
    }
}

/// The points of a ring from the rest of its line, in degrees.
fn ring_points(
    tokens: &mut Tokens<'_>,
    unit: i64,
    at: &dyn Fn(usize) -> Location,
    end_col: usize,
) -> Result<Vec<(f64, f64)>> {
    let deg = |v: i64| v as f64 / unit as f64;
    let (lon_max, lat_max) = (180 * unit, 90 * unit);
    let mut points = Vec::new();
    let mut cur = (0_i64, 0_i64);
    while let Some((col, dx)) = tokens.integer(at)? {
        let Some((_, dy)) = tokens.integer(at)? else {
            return Err(Error::invalid(
                at(end_col),
                "a ring ends with half a point (an odd count of numbers)",
                Some("each point is two integers, longitude then latitude".into()),
            ));
        };
        // Saturating: a sum that overflows is out of range, as the check below reports.
        let next = (cur.0.saturating_add(dx), cur.1.saturating_add(dy));
        if next.0.unsigned_abs() > lon_max.unsigned_abs()
            || next.1.unsigned_abs() > lat_max.unsigned_abs()
        {
            return Err(Error::invalid(
                at(col),
                format!(
                    "point ({}, {}) is out of range, but longitude is in -180..180 and latitude in -90..90",
                    deg(next.0),
                    deg(next.1)
                ),
                Some("rebuild the asset with graphs/build/build_land.py".into()),
            ));
        }
        // Both points are in range here, so the difference cannot overflow.
        if !points.is_empty() && (next.0 - cur.0).abs() > lon_max {
            return Err(Error::invalid(
                at(col),
                format!(
                    "the ring steps {} degrees of longitude, across the antimeridian",
                    deg(next.0 - cur.0)
                ),
                Some("cut rings at the antimeridian (graphs/build/build_land.py does)".into()),
            ));
        }
        points.push((deg(next.0), deg(next.1)));
        cur = next;
    }
    if points.len() < 3 {
        return Err(Error::invalid(
            at(end_col),
            format!(
                "a ring has {} points, but it needs at least 3",
                points.len()
            ),
            None,
        ));
    }
    Ok(points)
}

/// The whitespace-separated tokens of a line, with their 1-based columns.
struct Tokens<'a> {
    line: &'a str,
    offset: usize,
}

impl<'a> Tokens<'a> {
    fn new(line: &'a str) -> Self {
        Tokens { line, offset: 0 }
    }

    /// The next token and its column.
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.line.get(self.offset..)?;
        let start = self.offset + (rest.len() - rest.trim_start().len());
        let tail = self.line.get(start..)?;
        if tail.is_empty() {
            return None;
        }
        let len = tail.find(char::is_whitespace).unwrap_or(tail.len());
        self.offset = start + len;
        let column = self.line.get(..start).map_or(1, |s| s.chars().count() + 1);
        Some((column, tail.get(..len)?))
    }

    /// The next token as an integer, `None` at the end of the line.
    fn integer(&mut self, at: &dyn Fn(usize) -> Location) -> Result<Option<(usize, i64)>> {
        let Some((col, token)) = self.next() else {
            return Ok(None);
        };
        match token.parse::<i64>() {
            Ok(v) => Ok(Some((col, v))),
            Err(_) => Err(Error::invalid(
                at(col),
                format!("`{token}` is not an integer"),
                Some("coordinates are integers in the units of the `U` line".into()),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{GeoBounds, MapFrame, Viewport};

    #[test]
    fn embedded_asset() {
        let land = Land::parse(LAND_110M, EMBEDDED_NAME).expect("the asset decodes");
        // The counts graphs/build/build_land.py printed when it wrote the asset:
        // "127 polygons, 128 rings, 3961 points".
        assert_eq!(land.polygon_count(), 127);
        assert_eq!(land.rings().len(), 128);
        assert_eq!(land.point_count(), 3961);
        assert_eq!(land.rings().iter().filter(|r| r.is_hole()).count(), 1);
        for ring in land.rings() {
            assert!(ring.points().len() >= 3);
            for &(lon, lat) in ring.points() {
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
            }
        }
        assert_eq!(Land::embedded(), &land);
        assert!(LAND_110M.contains(ATTRIBUTION));
    }

    #[test]
    fn embedded_asset_orientation() {
        // Outer rings counter-clockwise (positive shoelace area), holes clockwise.
        for ring in Land::embedded().rings() {
            let p = ring.points();
            let area: f64 = p
                .iter()
                .zip(p.iter().cycle().skip(1))
                .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
                .sum();
            assert_eq!(area > 0.0, !ring.is_hole(), "ring at {:?}", p[0]);
        }
    }

    #[test]
    fn known_places_are_land() {
        // Even-odd point in polygon over all rings: capitals on land, the Caspian Sea and the
        // oceans not.
        let land = Land::embedded();
        let on_land = |lon: f64, lat: f64| {
            land.rings().iter().fold(false, |acc, r| {
                let p = r.points();
                let mut inside = false;
                for (a, b) in p.iter().zip(p.iter().cycle().skip(1)) {
                    if (a.1 > lat) != (b.1 > lat)
                        && lon < a.0 + (lat - a.1) * (b.0 - a.0) / (b.1 - a.1)
                    {
                        inside = !inside;
                    }
                }
                acc ^ inside
            })
        };
        for (name, lon, lat) in [
            ("Vienna", 16.37, 48.21),
            ("Moscow", 37.62, 55.75),
            ("Brasilia", -47.88, -15.79),
            ("Canberra", 149.13, -35.28),
            ("South Pole", 0.0, -89.0),
            ("Anadyr", 177.5, 64.7),
        ] {
            assert!(on_land(lon, lat), "{name}");
        }
        for (name, lon, lat) in [
            ("Caspian Sea", 50.5, 41.0),
            ("Atlantic", -30.0, 30.0),
            ("Pacific", -150.0, 0.0),
        ] {
            assert!(!on_land(lon, lat), "{name}");
        }
    }

    #[test]
    fn svg_path_fits_the_viewport() {
        let v = Viewport {
            x: 20.0,
            y: 30.0,
            width: 440.0,
            height: 330.0,
        };
        for bounds in [GeoBounds::WORLD, GeoBounds::EUROPE] {
            let d = Land::embedded().svg_path(&MapFrame::fit(&bounds, v));
            assert!(d.starts_with('M') && d.ends_with('z') && !d.contains("NaN"));
            // Walk the path: every point inside the viewport (to the rounding).
            for sub in d.split('M').skip(1) {
                let body = sub.trim_end_matches('z');
                let (head, rest) = body.split_once('l').expect("an l after M");
                let nums = |s: &str| -> Vec<f64> {
                    let s = s.replace('-', " -");
                    s.split_whitespace()
                        .map(|t| t.parse().expect("a number"))
                        .collect()
                };
                let h = nums(head);
                let mut pos = (h[0], h[1]);
                let check = |p: (f64, f64)| {
                    assert!(
                        p.0 >= 19.9 && p.0 <= 460.1 && p.1 >= 29.9 && p.1 <= 360.1,
                        "{p:?}"
                    );
                };
                check(pos);
                for pair in nums(rest).chunks(2) {
                    pos = (pos.0 + pair[0], pos.1 + pair[1]);
                    check(pos);
                }
            }
        }
    }

    #[test]
    fn errors_name_the_place() {
        let cases = [
            ("U 10\nX 1 2\n", "f:2:1: line starts with `X`"),
            ("P 0 0 1 0 0 1\n", "f:1:1: a ring comes before the `U` line"),
            ("U 10\nH 0 0 1 0 0 1\n", "f:2:1: a hole (`H`) comes before"),
            (
                "U 10\nP 0 0 1 0 0\n",
                "f:2:12: a ring ends with half a point",
            ),
            ("U 10\nP 0 0 1 x 0 1\n", "f:2:9: `x` is not an integer"),
            ("U 10\nP 0 0 1 0\n", "f:2:10: a ring has 2 points"),
            (
                "U 10\nP 0 901 1 0 0 1\n",
                "f:2:3: point (0, 90.1) is out of range",
            ),
            (
                "U 10\nP 1790 0 -3580 0 0 1\n",
                "f:2:10: the ring steps -358 degrees",
            ),
            ("U 0\n", "f:1:3: units per degree is `0`"),
            ("U\n", "f:1:2: `U` needs"),
            ("U 10\nU 10\n", "f:2:1: `U` appears"),
            (
                "U 1\nP 9223372036854775807 0 9223372036854775807 0 0 1\n",
                "f:2:3: point",
            ),
        ];
        for (text, want) in cases {
            let err = Land::parse(text, "f").expect_err(text);
            assert!(err.to_string().starts_with(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn parses_comments_blank_lines_and_crlf() {
        let land =
            Land::parse("# c\r\n\r\n  # indented\nU 2\r\nP 0 0 2 0 0 2\r\n", "f").expect("parses");
        assert_eq!(
            land.rings()[0].points(),
            &[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
        );
        assert_eq!(
            Land::parse("", "f").expect("empty is no land"),
            Land::default()
        );
    }
}
