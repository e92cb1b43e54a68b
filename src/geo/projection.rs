//! The Natural Earth projection, and the frame that places a projected area in a box of pixels.

/// The projection's name, for the credit line of a map.
pub const PROJECTION_NAME: &str = "Natural Earth projection";

/// Coefficients of `x = λ (A0 + A1 φ² + A2 φ⁴ + A3 φ¹⁰ + A4 φ¹²)` (Šavrič et al. 2011, eq. 1).
const A: [f64; 5] = [0.870_700, -0.131_979, -0.013_791, 0.003_971, -0.001_529];
/// Coefficients of `y = φ (B0 + B1 φ² + B2 φ⁶ + B3 φ⁸ + B4 φ¹⁰)` (Šavrič et al. 2011, eq. 1).
const B: [f64; 5] = [1.007_226, 0.015_085, -0.044_475, 0.028_874, -0.005_916];

/// The Natural Earth projection of `(lon, lat)` in degrees, on a sphere of radius 1: `(x, y)`
/// with `x` east and `y` north.
///
/// A pseudocylindrical compromise projection for world maps: parallels are straight and evenly
/// curved meridians meet flat poles; neither equal-area nor conformal. The world spans
/// `x` in ±[`X_MAX`] and `y` in ±[`Y_MAX`]. Longitudes outside ±180 and latitudes outside ±90 are
/// extrapolated by the polynomial, not wrapped or clamped.
///
/// Symbols: `λ` is `lon` and `φ` is `lat`, in radians; the coefficients are those of the paper's
/// equation 1, as published.
///
/// # Complexity
/// Time and space **O(1)**.
///
/// # References
/// B. Šavrič, B. Jenny, T. Patterson, D. Petrovič and L. Hurni, "A polynomial equation for the
/// Natural Earth projection", Cartography and Geographic Information Science 38(4), 2011.
///
/// # Examples
/// ```
/// use leverage::geo::natural_earth;
///
/// let (x, y) = natural_earth(180.0, 0.0);
/// assert!((x - 0.8707 * std::f64::consts::PI).abs() < 1e-12 && y == 0.0);
/// let (_, north) = natural_earth(0.0, 90.0);
/// assert!(north > 1.42 && north < 1.43);
/// ```
pub fn natural_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let phi = lat.to_radians();
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    let x = lambda * (A[0] + phi2 * (A[1] + phi2 * (A[2] + phi4 * phi2 * (A[3] + phi2 * A[4]))));
    let y = phi * (B[0] + phi2 * (B[1] + phi4 * (B[2] + phi2 * (B[3] + phi2 * B[4]))));
    (x, y)
}

/// The largest `x` of the Natural Earth projection: `natural_earth(180, 0).0`, `0.8707 π`.
pub const X_MAX: f64 = 0.870_700 * std::f64::consts::PI;

/// The largest `y` of the Natural Earth projection: `natural_earth(0, 90).1`.
pub const Y_MAX: f64 = {
    let phi = std::f64::consts::FRAC_PI_2;
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    phi * (B[0] + phi2 * (B[1] + phi4 * (B[2] + phi2 * (B[3] + phi2 * B[4]))))
};

/// A box in longitude and latitude, degrees: the part of the world a map or an inset shows.
///
/// # Examples
/// ```
/// use leverage::geo::GeoBounds;
///
/// assert!(GeoBounds::EUROPE.contains(16.37, 48.21)); // Vienna
/// assert!(!GeoBounds::EUROPE.contains(-77.04, 38.91)); // Washington
/// assert!(GeoBounds::WORLD.aspect() > 1.9 && GeoBounds::WORLD.aspect() < 1.95);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    /// Western edge.
    pub lon_min: f64,
    /// Eastern edge.
    pub lon_max: f64,
    /// Southern edge.
    pub lat_min: f64,
    /// Northern edge.
    pub lat_max: f64,
}

/// Step in degrees at which the edges of a [`GeoBounds`] are sampled for its projected extent.
const EDGE_STEP: f64 = 0.25;

impl GeoBounds {
    /// The whole world.
    pub const WORLD: GeoBounds = GeoBounds {
        lon_min: -180.0,
        lon_max: 180.0,
        lat_min: -90.0,
        lat_max: 90.0,
    };

    /// Europe for an inset: lon -12..45 (Portugal to the Urals' foothills), lat 34..72 (Crete and
    /// Cyprus to the North Cape).
    pub const EUROPE: GeoBounds = GeoBounds {
        lon_min: -12.0,
        lon_max: 45.0,
        lat_min: 34.0,
        lat_max: 72.0,
    };

    /// Whether `(lon, lat)` lies in the box, edges included.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::GeoBounds;
    /// assert!(GeoBounds::WORLD.contains(180.0, -90.0));
    /// ```
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.lon_min..=self.lon_max).contains(&lon) && (self.lat_min..=self.lat_max).contains(&lat)
    }

    /// The box with its edges in order and within lon -180..180, lat -90..90; `NaN` edges become
    /// the world's.
    fn normalized(&self) -> GeoBounds {
        let clamp = |v: f64, lo: f64, hi: f64, default: f64| {
            if v.is_nan() {
                default
            } else {
                v.clamp(lo, hi)
            }
        };
        let (w, e) = (
            clamp(self.lon_min, -180.0, 180.0, -180.0),
            clamp(self.lon_max, -180.0, 180.0, 180.0),
        );
        let (s, n) = (
            clamp(self.lat_min, -90.0, 90.0, -90.0),
            clamp(self.lat_max, -90.0, 90.0, 90.0),
        );
        GeoBounds {
            lon_min: w.min(e),
            lon_max: w.max(e),
            lat_min: s.min(n),
            lat_max: s.max(n),
        }
    }

    /// The extent of the box in the Natural Earth projection, `(x_min, x_max, y_min, y_max)`
    /// (unit sphere, `y` north), found by sampling its meridians every 0.25 degree and at the
    /// equator when the box spans it (the widest parallel). The box is first put in order and
    /// clamped to the world.
    ///
    /// # Complexity
    /// Time **O(height / 0.25°)**, at most about 1,450 projections; space **O(1)**.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, X_MAX, Y_MAX};
    ///
    /// let (x0, x1, y0, y1) = GeoBounds::WORLD.projected_extent();
    /// assert!((x1 - X_MAX).abs() < 1e-12 && (x0 + X_MAX).abs() < 1e-12);
    /// assert!((y1 - Y_MAX).abs() < 1e-12 && (y0 + Y_MAX).abs() < 1e-12);
    /// ```
    pub fn projected_extent(&self) -> (f64, f64, f64, f64) {
        let b = self.normalized();
        let mut ext = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        let mut add = |lon: f64, lat: f64| {
            let (x, y) = natural_earth(lon, lat);
            ext = (ext.0.min(x), ext.1.max(x), ext.2.min(y), ext.3.max(y));
        };
        for (lon, lat) in b.outline(EDGE_STEP) {
            add(lon, lat);
        }
        if b.lat_min <= 0.0 && b.lat_max >= 0.0 {
            add(b.lon_min, 0.0);
            add(b.lon_max, 0.0);
        }
        ext
    }

    /// The width of the projected box over its height.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::GeoBounds;
    /// let aspect = GeoBounds::EUROPE.aspect();
    /// assert!(aspect > 1.0 && aspect < 2.0);
    /// ```
    pub fn aspect(&self) -> f64 {
        let (x0, x1, y0, y1) = self.projected_extent();
        let h = y1 - y0;
        if h > 0.0 {
            (x1 - x0) / h
        } else {
            0.0
        }
    }

    /// The closed outline of the box (first point not repeated), counter-clockwise from the
    /// south-west corner, with a point at least every `step` degrees along the meridians. The
    /// parallels are straight in the Natural Earth projection, with `x` linear in longitude, so
    /// they need only their ends.
    pub(crate) fn outline(&self, step: f64) -> Vec<(f64, f64)> {
        let b = self;
        let mut out = vec![(b.lon_min, b.lat_min)];
        let meridian = |out: &mut Vec<(f64, f64)>, lon: f64, from: f64, to: f64| {
            let n = steps((to - from).abs(), step);
            for i in 0..n {
                out.push((lon, from + (to - from) * i as f64 / n as f64));
            }
        };
        meridian(&mut out, b.lon_max, b.lat_min, b.lat_max);
        out.push((b.lon_max, b.lat_max));
        meridian(&mut out, b.lon_min, b.lat_max, b.lat_min);
        out
    }
}

/// How many pieces of at most `step` a length `len` is cut into: at least 1, at most 100,000
/// (so that no input makes a loop run away).
pub(crate) fn steps(len: f64, step: f64) -> usize {
    let n = (len / step).ceil();
    if n.is_finite() && n >= 1.0 {
        // In range: 1 <= n <= 100_000.
        n.min(100_000.0) as usize
    } else {
        1
    }
}

/// A box of pixels: `x`, `y` of its top-left corner, `width`, `height`.
///
/// # Examples
/// ```
/// use leverage::geo::Viewport;
/// let inset = Viewport { x: 1140.0, y: 94.0, width: 440.0, height: 330.0 };
/// assert_eq!(inset.right(), 1580.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Left edge in pixels.
    pub x: f64,
    /// Top edge in pixels.
    pub y: f64,
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Viewport {
    /// The right edge, `x + width`.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::Viewport;
    /// assert_eq!(Viewport { x: 10.0, y: 0.0, width: 5.0, height: 1.0 }.right(), 15.0);
    /// ```
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge, `y + height`.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::Viewport;
    /// assert_eq!(Viewport { x: 0.0, y: 10.0, width: 1.0, height: 5.0 }.bottom(), 15.0);
    /// ```
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the box has a finite, positive width and height.
    fn is_drawable(&self) -> bool {
        [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite())
            && self.width > 0.0
            && self.height > 0.0
    }
}

/// The Natural Earth projection scaled and moved so that a [`GeoBounds`] fits a [`Viewport`]:
/// `(lon, lat)` in degrees to pixels, `y` down.
///
/// The box's projected extent is scaled as large as fits both the width and the height, keeping
/// its aspect, and centred; the viewport is also the clip box of the paths drawn with the frame
/// ([`crate::geo::Land::svg_path`], [`crate::geo::graticule_path`]). A viewport with no area, or
/// with a non-finite edge, gives a frame that draws nothing.
///
/// # Examples
/// ```
/// use leverage::geo::{GeoBounds, MapFrame, Viewport};
///
/// let world = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 1000.0, height: 520.0 });
/// let (x, y) = world.project(0.0, 0.0);
/// assert!((x - 500.0).abs() < 1e-9 && (y - 260.0).abs() < 1e-9);
/// let (_, north) = world.project(0.0, 90.0);
/// assert!(north < y);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    k: f64,
    cx: f64,
    cy: f64,
    px: f64,
    py: f64,
    viewport: Viewport,
    drawable: bool,
}

impl MapFrame {
    /// The frame that fits `bounds` into `viewport`, centred.
    ///
    /// # Complexity
    /// That of [`GeoBounds::projected_extent`].
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, MapFrame, Viewport};
    ///
    /// let inset = Viewport { x: 1140.0, y: 94.0, width: 440.0, height: 330.0 };
    /// let europe = MapFrame::fit(&GeoBounds::EUROPE, inset);
    /// let (x, y) = europe.project(16.37, 48.21); // Vienna
    /// assert!(x > inset.x && x < inset.right() && y > inset.y && y < inset.bottom());
    /// ```
    pub fn fit(bounds: &GeoBounds, viewport: Viewport) -> MapFrame {
        let (x0, x1, y0, y1) = bounds.projected_extent();
        let (w, h) = (x1 - x0, y1 - y0);
        let k = (viewport.width / w).min(viewport.height / h);
        let drawable = viewport.is_drawable() && k.is_finite() && k > 0.0;
        MapFrame {
            k: if drawable { k } else { 0.0 },
            cx: (x0 + x1) / 2.0,
            cy: (y0 + y1) / 2.0,
            px: viewport.x + viewport.width / 2.0,
            py: viewport.y + viewport.height / 2.0,
            viewport,
            drawable,
        }
    }

    /// The pixel position of `(lon, lat)` in degrees. Points outside the bounds the frame was
    /// fitted to are projected too (they may fall outside the viewport).
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, MapFrame, Viewport};
    /// let f = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 100.0, height: 100.0 });
    /// assert!(f.project(-180.0, 0.0).0.abs() < 1e-9); // the world fills the width
    /// ```
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = natural_earth(lon, lat);
        (
            self.px + (x - self.cx) * self.k,
            self.py - (y - self.cy) * self.k,
        )
    }

    /// The viewport: where the frame draws, and the box paths are clipped to.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, MapFrame, Viewport};
    /// let v = Viewport { x: 0.0, y: 0.0, width: 100.0, height: 50.0 };
    /// assert_eq!(MapFrame::fit(&GeoBounds::WORLD, v).viewport(), v);
    /// ```
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// Pixels per unit of the projection (a radius-1 sphere): `scale * X_MAX` is half the width
    /// of the world on this frame. Zero for a frame that draws nothing.
    ///
    /// # Examples
    /// ```
    /// use leverage::geo::{GeoBounds, MapFrame, Viewport, X_MAX};
    /// let f = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 100.0, height: 100.0 });
    /// assert!((f.scale() * X_MAX - 50.0).abs() < 1e-9);
    /// ```
    pub fn scale(&self) -> f64 {
        self.k
    }

    /// Whether this frame draws anything (a viewport with area and finite edges).
    pub(crate) fn is_drawable(&self) -> bool {
        self.drawable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(lon, lat, x, y)`: lon/lat in degrees; x, y from d3-geo 3.1.2, an independent
    /// implementation, produced with Node 20 by
    /// `geoNaturalEarth1Raw(lon * Math.PI / 180, lat * Math.PI / 180)` (`npm install d3-geo` in a
    /// temporary folder), printed by JavaScript's shortest round-trip `String(x)`. Not this code's
    /// output.
    const D3_REFERENCE: [(f64, f64, f64, f64); 22] = [
        (0.00, 0.00, 0.0, 0.0),
        (180.00, 0.00, 2.735384723480633, 0.0),
        (-180.00, 0.00, -2.735384723480633, 0.0),
        (90.00, 0.00, 1.3676923617403165, 0.0),
        (0.00, 90.00, 0.0, 1.422390506730596),
        (0.00, -90.00, 0.0, -1.422390506730596),
        (180.00, 90.00, 1.5055563920169703, 1.422390506730596),
        (-180.00, -90.00, -1.5055563920169703, -1.422390506730596),
        (30.00, 45.00, 0.41066459266430544, 0.7930513944125289),
        (-30.00, 45.00, -0.41066459266430544, 0.7930513944125289),
        (30.00, -45.00, 0.41066459266430544, -0.7930513944125289),
        (120.00, 60.00, 1.4933510236531362, 1.0445702651848194),
        (-75.50, -33.25, -1.0867316520480708, -0.5866783960276424),
        (16.37, 48.21, 0.22024294981244913, 0.8484280516155203),
        (37.62, 55.75, 0.4827953209036451, 0.9754179364321137),
        (-0.13, 51.51, -0.001715228769407674, 0.9046087259940898),
        (139.69, 35.69, 1.9929688440847684, 0.6298120276847822),
        (-74.00, 40.71, -1.0340889752460642, 0.7181976371818029),
        (151.20, -33.87, 2.1716182131866377, -0.597645181774258),
        (-45.00, 80.00, -0.462496502630191, 1.337035371414347),
        (10.00, -85.00, 0.09507123564656429, -1.391943075000852),
        (179.90, -16.50, 2.6992007415235775, -0.290413617376114),
    ];

    #[test]
    fn matches_d3_geo() {
        for (lon, lat, x, y) in D3_REFERENCE {
            let (px, py) = natural_earth(lon, lat);
            assert!(
                (px - x).abs() < 1e-12 && (py - y).abs() < 1e-12,
                "({lon}, {lat}): ({px}, {py}), d3-geo ({x}, {y})"
            );
        }
        assert!((natural_earth(180.0, 0.0).0 - X_MAX).abs() < 1e-15);
        assert!((natural_earth(0.0, 90.0).1 - Y_MAX).abs() < 1e-15);
    }

    #[test]
    fn monotone_along_the_equator_and_meridians() {
        let mut last = f64::NEG_INFINITY;
        for i in -360..=360 {
            let (x, y) = natural_earth(f64::from(i) / 2.0, 0.0);
            assert!(x > last && y == 0.0, "lon {}", f64::from(i) / 2.0);
            last = x;
        }
        // y grows with latitude on every meridian, and does not depend on longitude.
        for lon in [-180.0, -90.0, 0.0, 45.0, 180.0] {
            let mut last = f64::NEG_INFINITY;
            for i in -180..=180 {
                let lat = f64::from(i) / 2.0;
                let (_, y) = natural_earth(lon, lat);
                assert!(y > last, "lat {lat}");
                assert_eq!(y, natural_earth(0.0, lat).1);
                last = y;
            }
        }
    }

    #[test]
    fn symmetric() {
        for lon in [0.0, 12.5, 45.0, 90.0, 135.0, 180.0] {
            for lat in [0.0, 10.0, 33.3, 60.0, 89.0, 90.0] {
                let (x, y) = natural_earth(lon, lat);
                assert_eq!(natural_earth(-lon, lat), (-x, y));
                assert_eq!(natural_earth(lon, -lat), (x, -y));
                assert_eq!(natural_earth(-lon, -lat), (-x, -y));
            }
        }
    }

    #[test]
    fn frame_fits_and_centres() {
        let v = Viewport {
            x: 10.0,
            y: 20.0,
            width: 800.0,
            height: 800.0,
        };
        let f = MapFrame::fit(&GeoBounds::WORLD, v);
        // The world is wider than tall: it fills the width and is centred vertically.
        let (w, _) = f.project(-180.0, 0.0);
        let (e, _) = f.project(180.0, 0.0);
        assert!((w - 10.0).abs() < 1e-9 && (e - 810.0).abs() < 1e-9);
        let (_, n) = f.project(0.0, 90.0);
        let (_, s) = f.project(0.0, -90.0);
        assert!(((n + s) / 2.0 - 420.0).abs() < 1e-9 && n > 20.0 && s < 820.0);
        // The Europe inset: every corner of the box inside the viewport, one pair on its edges.
        let f = MapFrame::fit(&GeoBounds::EUROPE, v);
        for (lon, lat) in [(-12.0, 34.0), (45.0, 34.0), (45.0, 72.0), (-12.0, 72.0)] {
            let (x, y) = f.project(lon, lat);
            assert!((10.0 - 1e-9..=810.0 + 1e-9).contains(&x));
            assert!((20.0 - 1e-9..=820.0 + 1e-9).contains(&y));
        }
    }

    #[test]
    fn degenerate_frames_draw_nothing() {
        let empty = Viewport {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 10.0,
        };
        assert!(!MapFrame::fit(&GeoBounds::WORLD, empty).is_drawable());
        let nan = Viewport {
            x: f64::NAN,
            ..empty
        };
        assert!(!MapFrame::fit(&GeoBounds::WORLD, nan).is_drawable());
        let point = GeoBounds {
            lon_min: 5.0,
            lon_max: 5.0,
            lat_min: 5.0,
            lat_max: 5.0,
        };
        let v = Viewport {
            width: 10.0,
            ..empty
        };
        assert!(!MapFrame::fit(&point, v).is_drawable());
        let wild = GeoBounds {
            lon_min: f64::NAN,
            lon_max: 1e300,
            lat_min: f64::NEG_INFINITY,
            lat_max: -1e300,
        };
        assert!(MapFrame::fit(&wild, v).is_drawable());
    }
}
