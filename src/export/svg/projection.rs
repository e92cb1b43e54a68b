//! The equirectangular projection of the map, fitted to the actors shown.

/// An equirectangular projection (`x = (lon - lon_min) * cos(lat0) * k`, `y = (lat_max - lat) * k`)
/// with its standard parallel `lat0` at the middle latitude of the actors shown, fitted into a
/// box of pixels with a margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon_min: f64,
    lat_max: f64,
    cos0: f64,
    k: f64,
    x0: f64,
    y0: f64,
    /// Width of the map in pixels.
    pub width: f64,
    /// Height of the map in pixels.
    pub height: f64,
}

/// Degrees of padding around the actors shown.
pub const PAD_DEGREES: f64 = 5.0;

impl Projection {
    /// Fits the points `(lon, lat)` into `width` pixels (height follows from the aspect), with
    /// [`PAD_DEGREES`] around them, placed at `(x0, y0)`. With no points, the whole world.
    pub fn fit(points: &[(f64, f64)], width: f64, x0: f64, y0: f64) -> Projection {
        let (mut lon_min, mut lon_max, mut lat_min, mut lat_max) = if points.is_empty() {
            (-180.0, 180.0, -60.0, 80.0)
        } else {
            points.iter().fold(
                (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
                |(a, b, c, d), &(lon, lat)| (a.min(lon), b.max(lon), c.min(lat), d.max(lat)),
            )
        };
        lon_min = (lon_min - PAD_DEGREES).max(-180.0);
        lon_max = (lon_max + PAD_DEGREES).min(180.0);
        lat_min = (lat_min - PAD_DEGREES).max(-90.0);
        lat_max = (lat_max + PAD_DEGREES).min(90.0);
        // A single point or a line still gets an area.
        if lon_max - lon_min < 20.0 {
            let m = (lon_max + lon_min) / 2.0;
            lon_min = m - 10.0;
            lon_max = m + 10.0;
        }
        if lat_max - lat_min < 10.0 {
            let m = (lat_max + lat_min) / 2.0;
            lat_min = m - 5.0;
            lat_max = m + 5.0;
        }
        let cos0 = ((lat_min + lat_max) / 2.0).to_radians().cos().max(0.2);
        let k = width / ((lon_max - lon_min) * cos0);
        Projection {
            lon_min,
            lat_max,
            cos0,
            k,
            x0,
            y0,
            width,
            height: (lat_max - lat_min) * k,
        }
    }

    /// The pixel position of `(lon, lat)`.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.x0 + (lon - self.lon_min) * self.cos0 * self.k,
            self.y0 + (self.lat_max - lat) * self.k,
        )
    }

    /// The bounds in degrees: `(lon_min, lon_max, lat_min, lat_max)`.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        (
            self.lon_min,
            self.lon_min + self.width / (self.k * self.cos0),
            self.lat_max - self.height / self.k,
            self.lat_max,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_points_inside() {
        let pts = [(16.4, 48.2), (37.6, 55.8), (32.9, 39.9)];
        let p = Projection::fit(&pts, 800.0, 10.0, 20.0);
        for (lon, lat) in pts {
            let (x, y) = p.project(lon, lat);
            assert!(x > 10.0 && x < 810.0 && y > 20.0 && y < 20.0 + p.height);
        }
        // West is left, north is up.
        assert!(p.project(16.4, 48.2).0 < p.project(37.6, 55.8).0);
        assert!(p.project(37.6, 55.8).1 < p.project(32.9, 39.9).1);
        let (lo0, lo1, la0, la1) = p.bounds();
        assert!(
            (lo0 - (16.4 - PAD_DEGREES)).abs() < 1e-9 && (lo1 - (37.6 + PAD_DEGREES)).abs() < 1e-9
        );
        assert!(
            (la0 - (39.9 - PAD_DEGREES)).abs() < 1e-9 && (la1 - (55.8 + PAD_DEGREES)).abs() < 1e-9
        );
    }
}
