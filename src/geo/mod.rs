//! Geography for the maps leverage draws: the Natural Earth projection, the land of the world
//! from Natural Earth's public-domain data, and SVG paths of both clipped to a box of pixels.
//!
//! - [`projection`]: [`natural_earth`] (Šavrič et al. 2011), [`GeoBounds`] (a box in degrees,
//!   with [`GeoBounds::WORLD`] and [`GeoBounds::EUROPE`]), [`Viewport`] (a box of pixels) and
//!   [`MapFrame`], which fits the one into the other.
//! - [`land`]: [`Land`], decoded from the embedded asset `graphs/land-110m.txt` (built by
//!   `graphs/build/build_land.py`), and [`Land::svg_path`].
//! - [`path`]: the world's outline ([`sphere_path`]), the [`graticule_path`] and a box's outline
//!   ([`bounds_path`]), clipped like the land.
//!
//! A map that uses this module names the projection ([`PROJECTION_NAME`]) and credits the data
//! ([`ATTRIBUTION`], "Made with Natural Earth").
//!
//! # Examples
//! A world map with a Europe inset:
//! ```
//! use leverage::geo::{graticule_path, sphere_path, GeoBounds, Land, MapFrame, Viewport};
//!
//! let world = MapFrame::fit(&GeoBounds::WORLD, Viewport { x: 0.0, y: 0.0, width: 960.0, height: 500.0 });
//! let europe = MapFrame::fit(&GeoBounds::EUROPE, Viewport { x: 980.0, y: 0.0, width: 400.0, height: 300.0 });
//! let mut svg = String::new();
//! for frame in [&world, &europe] {
//!     svg += &format!(r##"<path d="{}" fill="#eef4f8"/>"##, sphere_path(frame));
//!     svg += &format!(r##"<path d="{}" fill="none" stroke="#ccc"/>"##, graticule_path(frame, 10.0));
//!     svg += &format!(r##"<path d="{}" fill="#ddd" fill-rule="evenodd"/>"##, Land::embedded().svg_path(frame));
//! }
//! assert!(svg.len() > 20_000);
//! ```

pub mod land;
pub mod path;
pub mod projection;

pub use land::{Land, Ring, ATTRIBUTION, LAND_110M};
pub use path::{bounds_path, graticule_path, sphere_path};
pub use projection::{natural_earth, GeoBounds, MapFrame, Viewport, PROJECTION_NAME, X_MAX, Y_MAX};
