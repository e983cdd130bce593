"""The weekly briefing (issue 14): PDF in Arabic and English, rendered to images and read back; addressed to
a partner, only what was released to it."""

from __future__ import annotations

from datetime import date, timedelta

import pypdfium2
import pytest
from click.testing import CliRunner

from rasad.brief.render import render_html
from rasad.brief.report import gather
from rasad.cli import main
from rasad.model import Document, Event
from rasad.share.node import Node
from rasad.store.store import open_store

WEEK = date(2026, 11, 16)  # Monday of 2026-W47


def build_store(path) -> list[str]:
    """Kirkuk: one clash a week for eight weeks, then six this week (a surge); one arrest in Anbar this week;
    one event near al-Hol camp this week. Returns this week's event IDs."""
    store = open_store(str(path))
    n = 0
    with store.transaction():
        def add(day: date, admin1: str, lat: float, lon: float, kind: str = "Battles", sub: str = "Armed clash",
                **counts) -> None:
            nonlocal n
            n += 1
            store.add_document(Document(doc_id=f"d{n}", text=f"تقرير رقم {n}", source=f"وكالة {n % 3}",
                                        url=f"https://news.example/{n}", published=day))
            store.add_mention(Event(doc_id=f"d{n}", event_type=kind, sub_event_type=sub, event_date=day.isoformat(),
                                    time_precision=1, country="IQ" if admin1 != "Al-Hasakeh" else "SY", admin1=admin1,
                                    location=f"place {n}", latitude=lat, longitude=lon, geo_precision=1,
                                    confidence=0.9, **counts), 0, day)

        for weeks_ago in range(8, 0, -1):
            add(WEEK - timedelta(weeks=weeks_ago), "Kirkuk", 35.3, 44.0)
        for k in range(6):
            add(WEEK + timedelta(days=k), "Kirkuk", 34.6 + k * 0.3, 44.2, fatalities=k + 1)
        add(WEEK + timedelta(days=2), "Al-Anbar", 33.4, 43.3, "Strategic developments", "Arrests", arrested=4)
        add(WEEK + timedelta(days=3), "Al-Hasakeh", 36.40, 41.15, "Violence against civilians", "Attack", fatalities=1)
    ids = [e["event_id"] for e in store.query_events(__import__("rasad.store.store", fromlist=["EventFilter"])
                                                      .EventFilter(since=WEEK.isoformat(), limit=50))[0]]
    store.close()
    return ids


def pdf_pages(path) -> list[tuple[str, object]]:
    document = pypdfium2.PdfDocument(str(path))
    pages = [(page.get_textpage().get_text_range(), page.render(scale=1).to_pil()) for page in document]
    document.close()
    return pages


@pytest.mark.parametrize("lang, title, area", [("ar", "التقرير الأسبوعي للوضع", "كركوك"),
                                               ("en", "Weekly situation report", "Kirkuk")])
def test_the_briefing_pdf_has_its_pages_text_charts_and_marking(tmp_path, lang, title, area):
    build_store(tmp_path / "b.db")
    out = tmp_path / f"brief-{lang}.pdf"
    result = CliRunner().invoke(main, ["brief", "--db", str(tmp_path / "b.db"), "--week", "2026-W47", "--lang", lang,
                                       "--tlp", "AMBER", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = pdf_pages(out)
    assert pages and all("TLP:AMBER" in text for text, _ in pages)  # the marking on every page
    text = "".join(text for text, _ in pages)
    assert title in text and area in text and "2026-11-16" in text
    # the charts are drawn: the trend's bars and the map's event colours are on the first page
    image = pages[0][1].convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    bars = sum(count for count, rgb in colours if rgb == (0x1f, 0x4e, 0x8c))
    clash_red = sum(count for count, rgb in colours if abs(rgb[0] - 0xc0) < 12 and abs(rgb[1] - 0x39) < 12
                    and abs(rgb[2] - 0x2b) < 12)
    assert bars > 500 and clash_red > 50


def test_the_briefing_names_the_surge_the_facility_and_the_main_incidents(tmp_path):
    build_store(tmp_path / "b.db")
    with open_store(str(tmp_path / "b.db")) as store:
        brief = gather(store, WEEK, "AMBER")
    assert [(s.value, s.count) for s in brief.surges] == [("Kirkuk", 6)]
    assert brief.totals == {"events": 8, "fatalities": 22, "wounded": 0, "arrested": 4}
    assert brief.before["events"] == 1.0  # one a week in the four weeks before
    assert any("Hol" in name for name, _ in brief.facilities)
    event, sources = brief.top[0]
    assert event["fatalities"] == 6 and sources[0]["url"].startswith("https://news.example/")
    page = render_html(brief, "ar")
    assert 'dir="rtl"' in page and "<bdi>2026-W47</bdi>" in page


def test_a_briefing_for_a_partner_holds_only_what_was_released_to_it(tmp_path):
    ids = build_store(tmp_path / "b.db")
    store = open_store(str(tmp_path / "b.db"))
    node = Node(store)
    node.init("IQ")
    peer = Node(open_store(str(tmp_path / "sy.db")))
    peer.init("SY")
    node.add_partner("SY", peer.identity()["public_key"])
    amber, red = ids[0], ids[1]
    node.release("event", amber, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER",
                                  "coarsen": {"SY": "admin1"}}, "t")
    node.release("event", red, {"distribution": "partners", "partners": ["SY"], "tlp": "RED"}, "t")
    brief = gather(store, WEEK, "AMBER", recipient="SY")
    assert [e["event_id"] for e in brief.events] == [amber]  # not the unreleased ones, not the RED one
    (event,) = brief.events
    assert event["geo_precision"] == 3 and "mentions" not in event  # as released: the governorate only
    assert all(sources == [] for _, sources in brief.top)  # no report leaves with it
    html = render_html(brief, "en")
    assert "For <bdi>SY</bdi>: only records released to it" in html and "rejected" not in html
    store.close()
