#!/usr/bin/env python3
"""Build graphs/land-110m.txt, the land outlines that leverage's maps draw (issue #14).

Python 3, standard library only. The input is `land-110m.json` from the npm package
`world-atlas` (version 2: Natural Earth 1:110m land, public domain, as TopoJSON). Get it into a
temporary folder, never into the repository:

    cd "$(mktemp -d)" && npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    # the file is now package/land-110m.json
    # (or: npm install --prefix "$(mktemp -d)" world-atlas@2 -> node_modules/world-atlas/)

then, from anywhere:

    python3 graphs/build/build_land.py PATH/land-110m.json [--out PATH] [--tolerance DEG]
                                       [--min-area KM2] [--per-degree N]

Steps, each written here (no GIS library):

1. Decode the TopoJSON: arcs of delta-encoded quantized positions, scaled and translated by the
   topology's transform; rings are arcs joined end to start (`~i` is arc `i` reversed).
2. Simplify each arc with Douglas-Peucker at `--tolerance` degrees (planar lon/lat), keeping its
   end points, so that arcs shared by two rings stay shared.
3. Cut at the antimeridian, so that the rings are planar in lon/lat: a ring that crosses it
   (Chukotka, Wrangel Island, Fiji) is unwrapped and split into the parts west and east of 180;
   a ring around a pole (Antarctica) is closed along the pole line (lat -90).
4. Snap to a grid of 1/`--per-degree` degree and drop repeated points and the pieces that became
   degenerate. Drop rings (islands, lakes) under `--min-area` km^2, measured before the cut on a
   sinusoidal (equal-area) projection of a sphere of radius 6371.0088 km. At 1:110m the smallest
   island is about 580 km^2, so the default 500 km^2 drops none of Natural Earth's; it guards
   against specks from other inputs.
5. Orient the rings (outer rings counter-clockwise with lat up, holes clockwise) and write them.

The output is deterministic: the same input and options give the same bytes. Its format is
described at the top of the file it writes (and in `src/geo/land.rs`). The script prints the
counts of rings and points and the size; the tests in `src/geo/land.rs` check those counts.
"""

import argparse
import json
import math
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


# --------------------------------------------------------------------------------------------
# 1. TopoJSON
# --------------------------------------------------------------------------------------------

def decode_arcs(topology):
    """The arcs as lists of (lon, lat) in degrees."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry):
    """The polygons of a geometry, each a list of rings, each a list of arc indices."""
    kind = geometry["type"]
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons_of(g)]
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def stitch(indices, arcs):
    """A closed ring (first point repeated last) from arc indices."""
    ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


# --------------------------------------------------------------------------------------------
# 2. Douglas-Peucker
# --------------------------------------------------------------------------------------------

def distance_to_segment(p, a, b):
    """Planar distance from p to the segment a-b (to a itself when a == b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(points, tolerance):
    """The points kept by Douglas-Peucker (end points always kept), iteratively.

    D. H. Douglas and T. K. Peucker, "Algorithms for the reduction of the number of points required
    to represent a digitized line or its caricature", The Canadian Cartographer 10(2), 1973.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_d = None, tolerance
        for i in range(first + 1, last):
            d = distance_to_segment(points[i], points[first], points[last])
            if d > worst_d:
                worst, worst_d = i, d
        if worst is not None:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep) if k]


# --------------------------------------------------------------------------------------------
# 3. Antimeridian
# --------------------------------------------------------------------------------------------

def wrap(d):
    """A longitude difference brought into [-180, 180]."""
    return d - 360.0 * round(d / 360.0)


def clip_band(ring, lo, hi):
    """Sutherland-Hodgman clip of a closed ring (not repeating its first point) to lo <= lon <= hi."""
    def clip(points, inside, cut):
        out = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
        return out

    def at(c):
        def cut(a, b):
            t = (c - a[0]) / (b[0] - a[0])
            return (c, a[1] + t * (b[1] - a[1]))
        return cut

    ring = clip(ring, lambda p: p[0] >= lo, at(lo))
    return clip(ring, lambda p: p[0] <= hi, at(hi)) if ring else []


def unwrap(ring):
    """A closed ring (first point repeated last) with continuous longitudes, not repeating its
    first point; a ring around a pole is closed along the pole line, with a point every 90
    degrees of longitude."""
    unwrapped = [ring[0]]
    for a, b in zip(ring, ring[1:]):
        unwrapped.append((unwrapped[-1][0] + wrap(b[0] - a[0]), b[1]))
    last, first = unwrapped[-1][0], unwrapped[0][0]
    if abs(last - first) > 180.0:
        # Along the pole line in steps of 90 degrees, so that no step spans more than 180.
        pole = -90.0 if sum(p[1] for p in unwrapped) < 0 else 90.0
        line = [(last + (first - last) * i / 4.0, pole) for i in range(5)]
        return unwrapped + line
    return unwrapped[:-1]


def cut_antimeridian(body):
    """The parts of an unwrapped ring within -180 <= lon <= 180, each closed without repeating
    its first point."""
    if all(-180.0 <= p[0] <= 180.0 for p in body):
        return [body]
    parts = []
    for k in (-1, 0, 1):
        part = clip_band(body, -180.0 + 360.0 * k, 180.0 + 360.0 * k)
        if part:
            parts.append([(p[0] - 360.0 * k, p[1]) for p in part])
    return parts


# --------------------------------------------------------------------------------------------
# 4. Grid, area
# --------------------------------------------------------------------------------------------

def snap(ring, grid):
    """The ring on the integer grid (units of `grid` degrees), repeated points removed."""
    out = []
    for lon, lat in ring:
        q = (round(lon / grid), round(lat / grid))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def signed_area(ring):
    """Shoelace area of a closed ring (first point not repeated), positive counter-clockwise."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1])) / 2.0


def area_km2(ring, grid):
    """Area of a gridded ring in km^2 on the sinusoidal projection (equal-area on the sphere)."""
    k = EARTH_RADIUS_KM * math.pi / 180.0
    pts = [(x * grid * math.cos(math.radians(y * grid)) * k, y * grid * k) for x, y in ring]
    return abs(signed_area(pts))


# --------------------------------------------------------------------------------------------
# 5. Build and write
# --------------------------------------------------------------------------------------------

def build(topology, tolerance, min_area, grid):
    """The polygons as (outer, holes) on the grid, each ring a list of integer (lon, lat), and
    the number of rings dropped for their area."""
    arcs = [douglas_peucker(a, tolerance) for a in decode_arcs(topology)]
    polygons = []
    dropped = 0

    def pieces(ring):
        # A ring's area decides before the cut, so that no island loses its part beyond 180.
        body = unwrap(ring)
        if area_km2(snap(body, grid), grid) < min_area:
            return None
        cut = (snap(p, grid) for p in cut_antimeridian(body))
        return [p for p in cut if len(p) >= 3 and signed_area(p) != 0]

    for obj in topology["objects"].values():
        for polygon in polygons_of(obj):
            rings = [pieces(stitch(r, arcs)) for r in polygon]
            dropped += sum(1 for r in rings if r is None)
            if rings[0] is None:
                continue
            holes = [h for r in rings[1:] if r is not None for h in r]
            for outer in rings[0]:
                # A hole belongs to the part that holds its first point (no lake crosses 180).
                mine = [h for h in holes if inside(h[0], outer)]
                polygons.append((orient(outer, 1), [orient(h, -1) for h in mine]))
    return polygons, dropped


def orient(ring, sign):
    """The ring with signed area of the sign given."""
    return ring if signed_area(ring) * sign > 0 else ring[::-1]


def inside(p, ring):
    """Even-odd point in polygon."""
    x, y = p
    result = False
    for a, b in zip(ring, ring[1:] + ring[:1]):
        if (a[1] > y) != (b[1] > y):
            if x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
                result = not result
    return result


def ring_line(tag, ring):
    """One ring: its tag, the first point, then the deltas, all integers."""
    numbers = [ring[0][0], ring[0][1]]
    for a, b in zip(ring, ring[1:]):
        numbers += [b[0] - a[0], b[1] - a[1]]
    return tag + " " + " ".join(str(n) for n in numbers)


def render(polygons, source, tolerance, min_area, per_degree):
    rings = sum(1 + len(h) for _, h in polygons)
    points = sum(len(o) + sum(len(r) for r in h) for o, h in polygons)
    header = f"""\
# leverage land outlines, format 1. Made with Natural Earth: public-domain map data from
# naturalearthdata.com (1:110m land), via the TopoJSON of the npm package world-atlas.
# Built by graphs/build/build_land.py from {source}:
# Douglas-Peucker at {tolerance:g} degree, cut at the antimeridian, snapped to a 1/{per_degree}-degree
# grid, rings under {min_area:g} km2 dropped.
#
# Format: `#` lines are comments. `U N` (before any ring) says that coordinates are integers in
# units of 1/N degree. Every other line is one ring:
#   TAG LON LAT DLON DLAT DLON DLAT ...
# TAG is `P` (the outer ring of a new polygon) or `H` (a hole of the last polygon); then the
# first point, then each next point as the difference from the one before. A ring is closed (its
# first point is not repeated), has at least 3 points, stays within lon -180..180 and lat -90..90
# and does not cross the antimeridian (a ring around the South Pole is closed along lat -90).
# Outer rings run counter-clockwise (lat up), holes clockwise; fill with the even-odd rule.
# polygons {len(polygons)} rings {rings} points {points}
"""
    lines = [f"U {per_degree}"]
    for outer, holes in polygons:
        lines.append(ring_line("P", outer))
        lines.extend(ring_line("H", h) for h in holes)
    return header + "\n".join(lines) + "\n", rings, points


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="land-110m.json from the npm package world-atlas@2")
    parser.add_argument("--out", default=os.path.join(REPO, "graphs", "land-110m.txt"))
    parser.add_argument("--tolerance", type=float, default=0.1,
                        help="Douglas-Peucker tolerance in degrees (default 0.1)")
    parser.add_argument("--min-area", type=float, default=500.0,
                        help="drop rings under this many km^2 (default 500)")
    parser.add_argument("--per-degree", type=int, default=10,
                        help="grid steps per degree (default 10: a 0.1-degree grid)")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        topology = json.load(f)
    if topology.get("type") != "Topology":
        sys.exit(f"error: {args.input}: not a TopoJSON topology (`type` is not `Topology`)")
    if args.per_degree < 1:
        sys.exit(f"error: --per-degree is `{args.per_degree}`, but it must be at least 1")
    grid = 1.0 / args.per_degree
    polygons, dropped = build(topology, args.tolerance, args.min_area, grid)
    source = os.path.basename(args.input)
    package = os.path.join(os.path.dirname(os.path.abspath(args.input)), "package.json")
    if os.path.exists(package):
        with open(package, encoding="utf-8") as f:
            meta = json.load(f)
        source += f" ({meta.get('name', '?')} {meta.get('version', '?')})"
    text, rings, points = render(polygons, source, args.tolerance,
                                 args.min_area, args.per_degree)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{args.out}: {len(polygons)} polygons, {rings} rings, {points} points, "
          f"{len(text.encode())} bytes ({dropped} rings under {args.min_area:g} km2 dropped)")


if __name__ == "__main__":
    main()
