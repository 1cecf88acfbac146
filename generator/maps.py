"""Strike maps as inline SVG: Natural Earth country outlines plus one dot per place.

Nothing is fetched when a page is viewed: the outlines ship as data (generator/data/world.json,
made by docs/make_world_outlines.py) and each map is drawn into the page itself. The projection
is equirectangular with longitude scaled by cos(middle latitude), which keeps a region's shape
right without a projection library.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MAX_LABELS = 12    # name the dots on a map with a few places; beyond that, hover titles only
MIN_SPAN = 4.0      # degrees: a single town still shows its surroundings
PAD = 0.25          # share of the span added on each side


@dataclass
class Dot:
    x: float
    y: float
    r: float
    name: str
    url: str            # site path of the place page
    label: str          # "Kramatorsk: 2 strikes"
    name_x: float = 0.0     # where the name is written, beside the dot (when the map names places)
    name_y: float = 0.0


@dataclass
class MapView:
    viewbox: str
    scale_x: float
    outlines: list[tuple[str, str]]     # (iso, svg path in lon / -lat degrees)
    dots: list[Dot]
    label: str
    font: float = 0.0       # label size in map units; 0 when there are too many dots to name


@lru_cache(maxsize=1)
def _world() -> dict:
    return json.loads(resources.files("generator").joinpath("data/world.json").read_text("utf-8"))["countries"]


@dataclass
class MapPoint:
    lat: float
    lon: float
    name: str
    url: str
    count: int


def build_map(points: list[MapPoint], label: str, focus: str | None = None, unit: str = "strike") -> MapView | None:
    """A map framing the points (and the focus country's outline, on a country page)."""
    points = [p for p in points if p.lat is not None and p.lon is not None]
    world = _world()
    lons = [p.lon for p in points]
    lats = [p.lat for p in points]
    if focus in world:
        w, s, e, n = world[focus]["bbox"]
        if e - w < 60:      # skip countries spanning the globe (France with its territories)
            lons += [w, e]
            lats += [s, n]
    if not lons:
        return None
    west, east, south, north = _frame(min(lons), max(lons), min(lats), max(lats))
    k = math.cos(math.radians((north + south) / 2))
    outlines = [(iso, path) for iso, c in world.items()
                if c["bbox"][0] <= east and c["bbox"][2] >= west and c["bbox"][1] <= north and c["bbox"][3] >= south
                and (path := _clipped(iso, math.floor(west), math.floor(south), math.ceil(east), math.ceil(north)))]
    width, height = (east - west) * k, north - south
    r = max(width, height) * 0.012
    font = round(max(width, height) * 0.028, 3) if len(points) <= MAX_LABELS else 0.0
    dots = []
    for p in sorted(points, key=lambda p: (-p.count, p.name)):
        x, y, size = round(p.lon * k, 3), round(-p.lat, 3), round(r * min(2.5, 1 + 0.35 * math.log(p.count)), 3)
        # Rounded like the dots: sums of rounded floats printed as 20.669500000000003.
        dots.append(Dot(x, y, size, p.name, p.url, f"{p.name}: {p.count} {unit}{'s' if p.count != 1 else ''}",
                        name_x=round(x + size * 1.5, 3), name_y=round(y + font * 0.35, 3)))
    return MapView(viewbox=f"{west * k:.3f} {-north:.3f} {width:.3f} {height:.3f}", scale_x=round(k, 4),
                   outlines=outlines, dots=dots, label=label, font=font)


MARGIN = 3.0    # degrees kept around the view, so no simplified edge can cut across it


@lru_cache(maxsize=4096)
def _clipped(iso: str, west: int, south: int, east: int, north: int) -> str:
    """A country's outline cut down to what a view shows: rings outside it are dropped, and
    within a ring, runs of points far outside are pinned to a box around the view. A regional
    map of Ukraine then carries the few hundred bytes of Russia that it shows, not all 7 KB."""
    box = (west - MARGIN, -(north + MARGIN), east + MARGIN, -(south - MARGIN))   # in path (lon, -lat) units
    rings = []
    for ring in _rings(iso):
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        if max(xs) < box[0] or min(xs) > box[2] or max(ys) < box[1] or min(ys) > box[3]:
            continue
        kept, last = [], None
        for i, (x, y) in enumerate(ring):
            outside = not (box[0] <= x <= box[2] and box[1] <= y <= box[3])
            if outside and 0 < i < len(ring) - 1:
                prev_out = not (box[0] <= ring[i - 1][0] <= box[2] and box[1] <= ring[i - 1][1] <= box[3])
                next_out = not (box[0] <= ring[i + 1][0] <= box[2] and box[1] <= ring[i + 1][1] <= box[3])
                if prev_out and next_out:   # deep in an outside run: pin it to the box
                    x, y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
            if (x, y) != last:
                # A point pinned to the box between two others on the same side of it is
                # dropped: the box lies outside the view, so the run along its side only drew
                # what no one sees (a third of an article page's bytes).
                while len(kept) >= 2 and _along_box(kept[-2], kept[-1], (x, y), box):
                    kept.pop()
                kept.append((x, y))
                last = (x, y)
        if len(kept) >= 3:
            rings.append("M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z")
    return "".join(rings)


def _along_box(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float], box: tuple) -> bool:
    """Whether three points lie on one side of the box (the same x on its left or right side,
    or the same y on its top or bottom)."""
    return (a[0] == b[0] == c[0] and a[0] in (box[0], box[2])) or (a[1] == b[1] == c[1] and a[1] in (box[1], box[3]))


@lru_cache(maxsize=None)
def _rings(iso: str) -> list[list[tuple[float, float]]]:
    rings = []
    for part in _world()[iso]["path"].split("M")[1:]:
        rings.append([tuple(map(float, pt.split())) for pt in part.rstrip("Z").split("L")])
    return rings


def _frame(west: float, east: float, south: float, north: float) -> tuple[float, float, float, float]:
    """Pad the points' box and give it a minimum size, clamped to the world."""
    span_lon, span_lat = max(east - west, MIN_SPAN), max(north - south, MIN_SPAN * 0.6)
    mid_lon, mid_lat = (east + west) / 2, (north + south) / 2
    half_lon, half_lat = span_lon * (0.5 + PAD), span_lat * (0.5 + PAD)
    return (max(-180.0, mid_lon - half_lon), min(180.0, mid_lon + half_lon),
            max(-85.0, mid_lat - half_lat), min(85.0, mid_lat + half_lat))
