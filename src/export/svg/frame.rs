//! Which part of the world a map shows: a box in degrees around the actors drawn, and the box of
//! the inset where the sources crowd. The boxes are drawn in the Natural Earth projection
//! ([`crate::geo::MapFrame`]).

use crate::geo::GeoBounds;

/// Degrees of padding around the actors shown.
pub const PAD_DEGREES: f64 = 8.0;

/// A box spanning more than this many degrees of longitude becomes the whole width of the world.
pub const WORLD_SPAN: f64 = 150.0;

/// The box around `points` (`(lon, lat)` in degrees) with [`PAD_DEGREES`] of padding, at least
/// 24 by 14 degrees. A box wider than [`WORLD_SPAN`] spans the whole world's width, from 60°S
/// (or 12 degrees below the southernmost point, if higher) to 84°N, so that the land of the
/// northern continents shows whole; no points give the world from 58°S to 84°N.
///
/// # Examples
/// ```
/// use leverage::export::svg::frame::view_bounds;
///
/// let b = view_bounds(&[(16.4, 48.2), (37.6, 55.8)]);
/// assert!(b.contains(16.4, 48.2) && b.lon_max - b.lon_min < 60.0);
/// let w = view_bounds(&[(-47.9, -15.8), (116.4, 39.9)]);
/// assert_eq!((w.lon_min, w.lon_max, w.lat_max), (-180.0, 180.0, 84.0));
/// ```
pub fn view_bounds(points: &[(f64, f64)]) -> GeoBounds {
    if points.is_empty() {
        return GeoBounds {
            lat_min: -58.0,
            lat_max: 84.0,
            ..GeoBounds::WORLD
        };
    }
    let (lon0, lon1, lat0, lat1) = points.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), &(lon, lat)| (a.min(lon), b.max(lon), c.min(lat), d.max(lat)),
    );
    if lon1 - lon0 > WORLD_SPAN {
        return GeoBounds {
            lon_min: -180.0,
            lon_max: 180.0,
            lat_min: (lat0 - 12.0).max(-60.0),
            lat_max: 84.0,
        };
    }
    let widen = |lo: f64, hi: f64, min: f64| {
        let (lo, hi) = (lo - PAD_DEGREES, hi + PAD_DEGREES);
        if hi - lo < min {
            let m = (lo + hi) / 2.0;
            (m - min / 2.0, m + min / 2.0)
        } else {
            (lo, hi)
        }
    };
    let (lon_min, lon_max) = widen(lon0, lon1, 24.0);
    let (lat_min, lat_max) = widen(lat0, lat1, 14.0);
    GeoBounds {
        lon_min: lon_min.max(-180.0),
        lon_max: lon_max.min(180.0),
        lat_min: lat_min.max(-90.0),
        lat_max: lat_max.min(90.0),
    }
}

/// The inset's box for the sources at `sources` (`(lon, lat)`), or `None` when they do not
/// crowd: at least four sources whose longitudes span less than 30% of the span of `all`
/// points. The box is [`GeoBounds::EUROPE`] when every source lies in it, else the box around
/// the sources ([`view_bounds`]).
///
/// # Examples
/// ```
/// use leverage::export::svg::frame::inset_bounds;
/// use leverage::geo::GeoBounds;
///
/// let eu = [(16.4, 48.2), (13.4, 52.5), (2.35, 48.9), (-3.7, 40.4)];
/// let all = [(16.4, 48.2), (-47.9, -15.8), (116.4, 39.9), (77.2, 28.6)];
/// assert_eq!(inset_bounds(&eu, &all), Some(GeoBounds::EUROPE));
/// assert_eq!(inset_bounds(&eu[..2], &all), None);
/// ```
pub fn inset_bounds(sources: &[(f64, f64)], all: &[(f64, f64)]) -> Option<GeoBounds> {
    let span = |v: &[(f64, f64)]| {
        v.iter().map(|p| p.0).fold(f64::MIN, f64::max)
            - v.iter().map(|p| p.0).fold(f64::MAX, f64::min)
    };
    if sources.len() < 4 || span(sources) + 10.0 >= 0.3 * (span(all) + 10.0) {
        return None;
    }
    if sources
        .iter()
        .all(|&(lon, lat)| GeoBounds::EUROPE.contains(lon, lat))
    {
        Some(GeoBounds::EUROPE)
    } else {
        Some(view_bounds(sources))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_box_is_padded_and_widened() {
        // One point: padded by 8 to 16 x 16 degrees, then widened to 24 degrees of longitude;
        // 16 degrees of latitude already exceed the minimum of 14.
        let b = view_bounds(&[(10.0, 50.0)]);
        assert_eq!((b.lon_min, b.lon_max), (-2.0, 22.0));
        assert_eq!((b.lat_min, b.lat_max), (42.0, 58.0));
        // Two points 40 degrees apart: padded by 8 on each side.
        let b = view_bounds(&[(0.0, 40.0), (40.0, 60.0)]);
        assert_eq!(
            (b.lon_min, b.lon_max, b.lat_min, b.lat_max),
            (-8.0, 48.0, 32.0, 68.0)
        );
    }

    #[test]
    fn the_world_stops_at_sixty_south() {
        let b = view_bounds(&[(-170.0, -80.0), (170.0, 10.0)]);
        assert_eq!(b.lat_min, -60.0);
    }
}
