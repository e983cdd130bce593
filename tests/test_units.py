"""Districts and sub-districts from OCHA's polygons (issue 15): admin2 and admin3 of a point."""

from __future__ import annotations

import json

import pytest

from rasad.errors import InputError
from rasad.geo.units import AdminUnits, _simplify, build_units, default_units
from rasad.interop.acled import admin_areas


@pytest.mark.parametrize("lat, lon, admin1, admin2", [
    (35.4681, 44.3922, "Kirkuk", "Kirkuk"),  # Kirkuk city (GeoNames)
    (36.4125, 41.1392, "Al-Hasakeh", "Al-Hasakeh"),  # al-Hol camp lies in al-Hasakah district
    (34.4631, 40.9359, "Deir-ez-Zor", "Abu Kamal"),  # al-Bukamal
    (33.0317, 40.2843, "Al-Anbar", "Al-Rutba"),  # ar-Rutbah
])
def test_a_point_lies_in_its_district_and_sub_district(lat, lon, admin1, admin2):
    unit = default_units().locate(lat, lon)
    assert unit is not None and unit.admin1 == admin1 and unit.admin2 == admin2 and unit.admin3 and unit.admin3_ar


def test_a_point_outside_both_countries_lies_in_none():
    assert default_units().locate(31.95, 35.93) is None  # Amman
    assert default_units().locate(None, None) is None


def test_every_shipped_sub_district_has_its_names_and_governorate():
    units = default_units().units
    assert len(units) > 500 and {u.country for u in units} == {"IQ", "SY"}
    assert all(u.admin1 and u.admin2 and u.admin3 and u.pcode for u in units)


def test_the_acled_export_takes_admin2_and_admin3_from_the_polygons_only_for_a_precise_point():
    point = {"latitude": 34.4631, "longitude": 40.9359, "admin1": "Deir-ez-Zor", "geo_precision": 1}
    admin2, admin3 = admin_areas(point)
    assert admin2 == "Abu Kamal" and admin3
    assert admin_areas(dict(point, geo_precision=3, admin2=None)) == ("", "")  # a governorate's point says neither


def test_holes_and_simplification():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    hole = [(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0)]
    wobbly = [(0.0, 0.0), (2.0, 0.0001), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    assert _simplify(wobbly, 0.01) == square
    data = {"units": [{"country": "IQ", "admin1": "Kirkuk", "admin2": "A", "admin3": "B", "admin2_ar": "ا",
                       "admin3_ar": "ب", "pcode": "X", "polygons": [[square, hole]]}]}
    from rasad.geo.units import _unit

    units = AdminUnits(_unit(row) for row in data["units"])
    assert units.locate(0.5, 0.5).admin3 == "B" and units.locate(2.0, 2.0) is None  # the hole is outside


def test_a_polygon_file_of_an_unknown_governorate_is_named(tmp_path):
    path = tmp_path / "adm3.geojson"
    path.write_text(json.dumps({"features": [{"properties": {"ADM3_EN": "x", "ADM3_AR": "x", "ADM3_PCODE": "Z1",
                                                              "ADM2_EN": "y", "ADM2_AR": "y", "ADM1_PCODE": "ZZ9"},
                                               "geometry": {"type": "Polygon", "coordinates": []}}]}), "utf-8")
    with pytest.raises(InputError, match="ZZ9"):
        build_units([path], {"IQG01": "Al-Anbar"})
