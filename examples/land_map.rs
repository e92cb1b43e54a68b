//! Draws the world's land in the Natural Earth projection with a Europe inset, as SVG: the proof
//! picture of `leverage::geo` (issue #14).
//!
//! ```text
//! cargo run --example land_map -- target/land_map.svg
//! rsvg-convert -w 1600 target/land_map.svg -o target/land_map.png
//! ```

use std::fmt::Write as _;

use leverage::geo::{
    bounds_path, graticule_path, sphere_path, GeoBounds, Land, MapFrame, Viewport, ATTRIBUTION,
    PROJECTION_NAME,
};

const WIDTH: f64 = 1600.0;
const MARGIN: f64 = 20.0;
const INSET_W: f64 = 440.0;
const SEA: &str = "#eaf1f6";
const LAND: &str = "#d9d4c7";
const COAST: &str = "#a59f90";
const GRID: &str = "#c9d6e0";

fn main() -> std::io::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/land_map.svg".into());
    let land = Land::embedded();

    let world_w = WIDTH - 3.0 * MARGIN - INSET_W;
    let world_h = world_w / GeoBounds::WORLD.aspect();
    let world = MapFrame::fit(
        &GeoBounds::WORLD,
        Viewport {
            x: MARGIN,
            y: 60.0,
            width: world_w,
            height: world_h,
        },
    );
    let inset_h = INSET_W / GeoBounds::EUROPE.aspect();
    let inset = Viewport {
        x: WIDTH - MARGIN - INSET_W,
        y: 60.0,
        width: INSET_W,
        height: inset_h,
    };
    let europe = MapFrame::fit(&GeoBounds::EUROPE, inset);
    let height = 60.0 + world_h.max(inset_h) + 50.0;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        svg,
        r#"<text x="{MARGIN}" y="38" font-size="24" font-weight="bold">The world's land, with a Europe inset</text>"#
    );

    // The world: sea, graticule, land, the inset's area dashed.
    let _ = writeln!(svg, r#"<path d="{}" fill="{SEA}"/>"#, sphere_path(&world));
    let _ = writeln!(
        svg,
        r#"<path d="{}" fill="none" stroke="{GRID}" stroke-width="0.6"/>"#,
        graticule_path(&world, 20.0)
    );
    let _ = writeln!(
        svg,
        r#"<path d="{}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.5" stroke-linejoin="round"/>"#,
        land.svg_path(&world)
    );
    let _ = writeln!(
        svg,
        r#"<path d="{}" fill="none" stroke="{COAST}" stroke-width="0.8"/>"#,
        sphere_path(&world)
    );
    let _ = writeln!(
        svg,
        r##"<path d="{}" fill="none" stroke="#d35400" stroke-width="1.2" stroke-dasharray="4 3"/>"##,
        bounds_path(&GeoBounds::EUROPE, &world)
    );

    // The inset: the same land, cropped to its viewport.
    let _ = writeln!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{:.1}" fill="{SEA}"/>"#,
        inset.x, inset.y, inset.width, inset.height
    );
    let _ = writeln!(
        svg,
        r#"<path d="{}" fill="none" stroke="{GRID}" stroke-width="0.6"/>"#,
        graticule_path(&europe, 10.0)
    );
    let _ = writeln!(
        svg,
        r#"<path d="{}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.6" stroke-linejoin="round"/>"#,
        land.svg_path(&europe)
    );
    let _ = writeln!(
        svg,
        r##"<rect x="{}" y="{}" width="{}" height="{:.1}" fill="none" stroke="#d35400" stroke-width="1.2" stroke-dasharray="4 3"/>"##,
        inset.x, inset.y, inset.width, inset.height
    );
    // Vienna and Moscow, to check the places.
    for (name, lon, lat) in [("Vienna", 16.37, 48.21), ("Moscow", 37.62, 55.75)] {
        for frame in [&world, &europe] {
            let (x, y) = frame.project(lon, lat);
            let _ = writeln!(
                svg,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="#2c3e50"/><text x="{:.1}" y="{:.1}" font-size="11">{name}</text>"##,
                x + 5.0,
                y - 4.0
            );
        }
    }

    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN}" y="{:.0}" font-size="13" fill="#555">{PROJECTION_NAME} (Šavrič et al. 2011). Land: {ATTRIBUTION}, 1:110m, {} polygons, {} points. Inset: lon −12…45, lat 34…72.</text>"##,
        height - 18.0,
        land.polygon_count(),
        land.point_count()
    );
    svg.push_str("</svg>\n");
    std::fs::write(&out, &svg)?;
    eprintln!("{out}: {} bytes", svg.len());
    Ok(())
}
