"""Strike maps: the view frames every place, and country outlines are cut down to it."""
import re

from generator.maps import MARGIN, MapPoint, _clipped, _rings, build_map


def points(path: str) -> list[list[tuple[float, float]]]:
    return [[tuple(map(float, pt.split())) for pt in ring.split("L")] for ring in re.findall(r"M([^MZ]*)Z", path)]


def test_the_view_frames_every_place_and_names_them():
    view = build_map([MapPoint(50.45, 30.52, "Kyiv", "places/kyiv.html", 3),
                      MapPoint(46.48, 30.72, "Odesa", "places/odesa.html", 1)], "Places hit")
    x, y, w, h = map(float, view.viewbox.split())
    for dot in view.dots:
        assert x <= dot.x <= x + w and y <= dot.y <= y + h
    assert [d.label for d in view.dots] == ["Kyiv: 3 strikes", "Odesa: 1 strike"]
    assert view.dots[0].r > view.dots[1].r and view.font > 0
    assert {iso for iso, _ in view.outlines} >= {"UA", "MD"}
    assert build_map([MapPoint(None, None, "Nowhere", "places/x.html", 1)], "x") is None


def test_an_outline_keeps_what_the_view_shows_and_drops_runs_along_the_box():
    west, south, east, north = 30, 46, 36, 52
    box = (west - MARGIN, -(north + MARGIN), east + MARGIN, -(south - MARGIN))
    for iso in ("UA", "RU", "BY", "RO"):
        kept = points(_clipped(iso, west, south, east, north))
        flat = [p for ring in kept for p in ring]
        # Every point of the outline inside the box is still there, in the same order.
        inside = [p for ring in _rings(iso) for p in ring if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]]
        shown = iter(flat)
        assert all(any(q == p for q in shown) for p in inside), iso
        for ring in kept:
            for a, b, c in zip(ring, ring[1:], ring[2:]):
                assert not (a[0] == b[0] == c[0] and a[0] in (box[0], box[2])), (iso, a, b, c)
                assert not (a[1] == b[1] == c[1] and a[1] in (box[1], box[3])), (iso, a, b, c)
    assert len(_clipped("RU", west, south, east, north)) < 2500      # not Russia's whole outline
    assert _clipped("PT", west, south, east, north) == ""           # nowhere near the view
