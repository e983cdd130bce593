"""The dashboard in a real headless Chromium (Debian's, driven by Playwright): map, filters, event page,
evidence, both languages, sign-in, and report text that must never run as code."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter

import pytest

from rasad.demo.generator import generate
from rasad.extract.base import get_extractor
from rasad.geo.build import governorate_names_ar
from rasad.pipeline import run_ingest
from rasad.store.store import EventFilter, open_store
from rasad.web.app import create_app
from tests.servers import Server

playwright_api = pytest.importorskip("playwright.sync_api")
HOSTILE = ("انفجرت عبوة ناسفة يوم الاثنين في مدينة الرمادي <img src=x onerror=\"window.__pwned=1\">"
           "<script>window.__pwned=1</script> ما أدى إلى مقتل اثنين.")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = os.environ.get("RASAD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is not installed: run `make test` (it installs Debian's chromium)")
    return path


@pytest.fixture(scope="module")
def stocked_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for doc, _ in generate(120, seed=5):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        out.write(json.dumps({"doc_id": "hostile", "published": "2025-03-12", "text": HOSTILE,
                              "url": "https://news.example/ramadi-blast"}, ensure_ascii=False))
    db = str(folder / "browser.db")
    store = open_store(db)
    run_ingest([str(path)], store, get_extractor("rules"), lambda e: None)
    store.close()
    return db


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(stocked_db):
    with Server(create_app(stocked_db)) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def loaded(page, url: str):
    page.goto(url)
    page.wait_for_selector("#list li")
    page.wait_for_selector("#timeline rect.bar")
    page.wait_for_load_state("networkidle")
    return page


def wait_for_query(page, text: str) -> None:
    """The dashboard keeps its state in the URL with history.replaceState, which is no navigation."""
    page.wait_for_function(f"location.search.includes({text!r})")


def shown_total(page) -> int:
    return int(page.locator("#summary").inner_text().split()[0])


def test_the_map_loads_offline_with_boundaries_border_facilities_and_events(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    loaded(page, site)
    assert page.locator("#govs path.gov").count() == 32
    assert page.locator("#govs path.border").count() == 1
    assert page.locator(".facility").count() >= 10
    assert page.locator("#water path.river").count() >= 10 and page.locator("#water path.lake").count() >= 5
    assert "بغداد" in page.locator(".town span").all_inner_texts()  # towns in the UI's language
    # every placed event is drawn: on its own or counted in a cluster of its types
    single = page.locator("#points .event").count()
    clustered = sum(int(n) for n in page.locator("#points .cluster").evaluate_all("ns => ns.map(n => n.dataset.count)"))
    placed = page.evaluate("state.mapEvents.filter(e => e.latitude != null).length")
    assert single + clustered == placed > 10
    assert page.locator("#timeline rect.bar").count() > 10
    assert all(url.startswith(site) for url in requests)  # nothing from a CDN or tile server


def test_arabic_is_the_default_and_english_is_one_click_away(page, site):
    loaded(page, site)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1 [data-i18n=title]").inner_text() == "رصد"
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    assert page.locator("h1 [data-i18n=title]").inner_text() == "Rasad"
    assert "lang=en" in page.url


def test_filter_to_the_map_view_and_by_sub_type(page, site, stocked_db):
    loaded(page, site)
    before = shown_total(page)
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.45)
    for _ in range(6):
        page.mouse.wheel(0, -300)
    page.check("#in-view")
    wait_for_query(page, "bbox=")
    page.wait_for_function(f"!document.querySelector('#summary').innerText.startsWith('{before} ')")
    page.select_option("#filters [name=sub_type]", "Arrests")
    page.click("#filters button[type=submit]")
    wait_for_query(page, "sub_type=Arrests")
    page.wait_for_load_state("networkidle")
    assert all("اعتقالات" in text for text in page.locator("#list li div:nth-child(2)").all_inner_texts())


def test_filter_by_period_and_governorate_kept_in_the_url(page, site, stocked_db):
    store = open_store(stocked_db)
    period = EventFilter(since="2025-01-01", until="2025-06-30", limit=1000)
    governorates = Counter(event["admin1"] for event in store.query_events(period)[0])
    governorate = governorates.most_common(1)[0][0]  # the generated corpus decides which; one with events
    expected = store.query_events(EventFilter(since="2025-01-01", until="2025-06-30", admin1=governorate))[1]
    store.close()
    assert expected > 0
    loaded(page, site)
    page.fill("#filters [name=since]", "2025-01-01")
    page.fill("#filters [name=until]", "2025-06-30")
    page.select_option("#filters [name=admin1]", governorate)
    page.click("#filters button[type=submit]")
    wait_for_query(page, f"admin1={governorate}")
    page.wait_for_function(f"document.querySelector('#summary').innerText.startsWith('{expected}')")
    arabic = governorate_names_ar()[governorate]  # the list speaks the UI's language
    assert all(arabic in text for text in page.locator("#list li .when").all_inner_texts())
    shared = page.context.new_page()
    loaded(shared, page.url)  # the link reproduces the view
    assert shown_total(shared) == expected and shared.locator("#filters [name=admin1]").input_value() == governorate


def test_brushing_the_timeline_filters_map_and_list(page, site):
    loaded(page, site)
    before = shown_total(page)
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
    page.mouse.up()
    wait_for_query(page, "since=")
    page.wait_for_function(f"!document.querySelector('#summary').innerText.startsWith('{before} ')")
    assert 0 < shown_total(page) < before
    page.wait_for_selector("#timeline rect.bar.active")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_event_page_shows_its_sources_with_the_evidence_marked(page, site, lang):
    loaded(page, f"{site}/?lang={lang}")
    page.locator("#list li").first.click()
    page.wait_for_selector("#detail blockquote mark")
    assert page.locator("#detail h2").inner_text()
    assert page.locator("#detail blockquote").count() >= 1
    page.wait_for_selector("#detail ol.history li")
    wait_for_query(page, "event=evt_")
    page.locator("#detail button.full-report").first.click()  # the whole report, the evidence marked in it
    page.wait_for_selector("#detail .report-text mark")
    report = page.locator("#detail .report-text").first.inner_text()
    assert page.locator("#detail .report-text mark").first.inner_text() in report and len(report) > 200


def test_report_text_never_runs_in_the_page(page, site, stocked_db):
    store = open_store(stocked_db)
    (event,) = [e for e in store.query_events(EventFilter(limit=1000))[0] if e["location"] == "Ramadi"]
    store.close()
    loaded(page, f"{site}/?event={event['event_id']}")
    page.wait_for_selector("#detail blockquote")
    assert "<script>" in page.locator("#detail blockquote").first.inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#detail img").count() == 0


def test_an_analyst_verifies_an_event_from_its_page(page, site):
    loaded(page, site)
    page.locator("#list li").nth(2).click()
    page.wait_for_selector("#detail [data-action=verify]")
    page.fill("#detail [name=reason]", "checked against two outlets")
    page.click("#detail [data-action=verify]")
    page.wait_for_function(
        "[...document.querySelectorAll('#detail ol.history li')].some(li => li.innerText.includes('verified'))")
    page.locator("#detail ol.history li", has_text="verified").locator("[data-undo]").click()
    page.wait_for_function(
        "[...document.querySelectorAll('#detail ol.history li')].some(li => li.innerText.includes('review undone'))")


def test_with_authentication_the_dashboard_asks_for_a_token(browser, tmp_path, stocked_db):
    store = open_store(stocked_db)
    token = store.add_user("browser-viewer", "viewer")
    store.close()
    with Server(create_app(stocked_db, auth=True)) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#login:not([hidden])")
        assert page.locator("#list li").count() == 0
        page.fill("#login [name=token]", token)
        page.click("#login button")
        page.wait_for_selector("#list li")
        # the token is in an HttpOnly cookie: no script of the page can read it, and the page keeps no copy
        assert token not in page.evaluate("document.cookie")
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        assert any(c["name"] == "rasad_session" and c["httpOnly"] and c["sameSite"] == "Strict"
                   for c in context.cookies())
        page.locator("#list li").first.click()
        page.wait_for_selector("#detail ol.history li")
        assert page.locator("#detail [data-action=verify]").count() == 0  # viewers do not review
        context.close()


def test_an_optional_tile_layer_lines_up_under_the_map(browser, stocked_db):
    with Server(create_app(stocked_db, tiles="/static/tile-{z}-{x}-{y}.png")) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("img.leaflet-tile", state="attached")  # no such tiles here: they fail, hidden
        hrefs = page.eval_on_selector_all("img.leaflet-tile", "nodes => nodes.map(n => n.getAttribute('src'))")
        # tiles covering Iraq and Syria at the zoom of the full view, under the governorates
        assert any("-5-" in href or "-6-" in href for href in hrefs) and len(hrefs) >= 4
        assert page.locator("#govs.over-tiles").count() == 1
        context.close()


@pytest.fixture
def partner_sites(tmp_path):
    """Two nodes: IQ released one event to SY (coarsened to the governorate) and kept another."""
    from tests.test_sharing import field_report, make_nodes, sync

    nodes = make_nodes(tmp_path, ("IQ", "SY"))
    released = field_report(nodes["IQ"], "raid", day="2026-11-18")
    field_report(nodes["IQ"], "kept", day="2026-10-02", at=(36.50, 40.74))
    nodes["IQ"].release("event", released, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER",
                                            "coarsen": {"SY": "admin1"}}, "iq-analyst")
    sync(nodes, "SY", "IQ")
    with Server(create_app(str(tmp_path / "IQ.db"))) as iq_url, Server(create_app(str(tmp_path / "SY.db"))) as sy_url:
        yield {"nodes": nodes, "IQ": iq_url, "SY": sy_url, "released": released}
    for node in nodes.values():
        node.store.close()


def test_partners_records_show_on_the_map_read_only_and_take_a_corroboration(page, partner_sites):
    page.goto(partner_sites["SY"] + "/?lang=en&partners=1")
    page.wait_for_selector("#points .partner-event")
    assert page.locator("#points .partner-event").count() == 1  # the kept event never reached SY
    assert "1 partners' records" in page.locator("#summary").inner_text()
    page.locator("#list li.partner").click()
    page.wait_for_selector("#detail .read-only")
    assert "Owner IQ" in page.locator("#detail .read-only").inner_text()
    assert page.locator("#detail .tlp").inner_text() == "TLP:AMBER"
    assert "governorate" in page.locator("#detail dl").inner_text()
    assert page.locator("#detail [data-action=verify]").count() == 0  # no review of a partner's record
    page.select_option("#detail .comment-form [name=note]", "corroboration")
    page.fill("#detail .comment-form [name=text]", "Our post saw the convoy too.")
    page.click("#detail [data-action=comment]")
    page.wait_for_function("document.querySelector('#detail .comment-form [role=status]').innerText === '✓'")
    notes, _ = partner_sites["nodes"]["SY"].received("annotation")
    own = partner_sites["nodes"]["SY"].db.execute("SELECT data FROM shared_records WHERE kind = 'annotation'").fetchone()
    assert notes == [] and json.loads(own["data"])["note"] == "corroboration"


def test_an_analyst_releases_an_event_from_its_page_and_contradictions_are_shown(page, partner_sites):
    iq = partner_sites["nodes"]["IQ"]
    kept = next(e["event_id"] for e in iq.store.query_events(EventFilter())[0] if e["event_id"] != partner_sites["released"])
    page.goto(f"{partner_sites['IQ']}/?lang=en&event={kept}")
    page.wait_for_selector("#detail .release-form")
    assert "not released" in page.locator("#detail .release-state").inner_text()
    page.select_option("#detail .release-form [name=distribution]", "all")
    page.select_option("#detail .release-form [name=tlp]", "RED")
    page.click("#detail [data-action=release]")
    page.wait_for_function("document.querySelector('#detail .form-error')?.innerText.includes('TLP:RED contradicts')")
    assert iq.releasability("event", kept)["version"] == 0  # refused, nothing stored
    page.select_option("#detail .release-form [name=tlp]", "GREEN")
    page.click("#detail [data-action=release]")
    page.wait_for_function("document.querySelector('#detail .release-state')?.innerText.includes('all partners')")
    assert iq.releasability("event", kept)["releasability"]["tlp"] == "GREEN"


# -- issue 13: no silent cap, a time axis, keyboard and history, clusters that open, Arabic names --------------

@pytest.fixture(scope="module")
def small_limits_site(stocked_db):
    """The same store, served with a map that draws 20 events one by one and a list of 10 at a time."""
    with Server(create_app(stocked_db, map_points=20, list_page=10)) as url:
        yield url


def test_no_silent_cap_the_list_pages_through_all_and_the_map_counts_every_event(page, small_limits_site, stocked_db):
    store = open_store(stocked_db)
    total = store.query_events(EventFilter())[1]
    placed = sum(1 for e in store.iter_events(EventFilter()) if e["latitude"] is not None)
    store.close()
    assert total > 20
    loaded(page, f"{small_limits_site}/?lang=en")
    summary = page.locator("#summary").inner_text()
    assert summary.startswith(f"{total} events") and "list: 10 of them" in summary and "map: all of them in" in summary
    counts = [int(n) for n in page.locator("#points .cell").evaluate_all("nodes => nodes.map(n => n.dataset.count)")]
    assert sum(counts) == placed  # every placed event is on the map, in its cell
    assert page.locator("#list li").count() == 10
    shown = 10
    while shown < total:
        page.click("#more")
        shown = min(total, shown + 10)
        page.wait_for_function(f"document.querySelectorAll('#list li').length === {shown}")
    page.wait_for_selector("#more", state="hidden")  # all of them listed: nothing more to show


def test_the_timeline_is_a_time_axis_with_its_empty_weeks_and_a_count_scale(page, site, stocked_db):
    store = open_store(stocked_db)
    weeks = store.stats(EventFilter(), "week")
    store.close()
    first, last = (__import__("datetime").date.fromisoformat(weeks[k]["key"]) for k in (0, -1))
    span = (last - first).days // 7 + 1
    loaded(page, site)
    assert page.locator("#timeline rect.bar").count() == span > len(weeks)  # empty weeks are weeks too
    assert page.locator("#timeline .count-max").text_content() == str(max(w["count"] for w in weeks))
    assert page.locator("#timeline text.month").count() >= 2
    # the fatalities beside the events, on a scale of their own
    killed = max(w["fatalities"] for w in weeks)
    assert page.locator("#timeline .killed-max").text_content() == f"{killed} قتلى"
    assert page.locator("#timeline polyline.fatalities-line").count() == 1


def test_keyboard_escape_and_back_close_the_event(page, site):
    loaded(page, site)
    page.locator("#list li").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) h2")
    wait_for_query(page, "event=evt_")
    page.keyboard.press("Escape")
    page.wait_for_selector("#detail", state="hidden")
    assert "event=" not in page.url
    page.locator("#list li").nth(1).click()
    page.wait_for_selector("#detail:not([hidden]) h2")
    page.go_back()
    page.wait_for_selector("#detail", state="hidden")
    page.locator("#list li").nth(1).click()
    page.wait_for_selector("#detail:not([hidden]) button.close")
    page.click("#detail button.close")
    page.wait_for_selector("#detail", state="hidden")


def test_a_double_click_resets_the_zoom_without_filtering(page, site):
    loaded(page, site)
    box = page.locator("#map").bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    page.wait_for_timeout(600)
    assert page.locator("#filters [name=admin1]").input_value() == "" and "admin1=" not in page.url


def test_labels_and_marks_keep_their_screen_size_when_zoomed(page, site):
    loaded(page, site)

    def sizes():
        label = page.locator(".gov-label").first.bounding_box()
        mark = page.locator(".facility").first.bounding_box()
        return round(label["height"]), round(mark["width"])

    before = sizes()
    zoom = page.evaluate("map.getZoom()")
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(3):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(300)
    page.wait_for_function(f"map.getZoom() >= {zoom + 1}")
    assert sizes() == before  # the map grew, its labels and marks did not


def test_events_at_one_place_open_as_a_list(page, browser, tmp_path):
    from rasad.model import Document, Event

    db = str(tmp_path / "camp.db")
    store = open_store(db)
    with store.transaction():
        for n, (kind, sub) in enumerate([("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
                                         ("Strategic developments", "Arrests")]):
            store.add_document(Document(doc_id=f"c{n}", text=f"تقرير رقم {n} عن مخيم الهول"))
            store.add_mention(Event(doc_id=f"c{n}", event_type=kind, sub_event_type=sub, event_date=f"2025-0{n + 3}-10",
                                    admin1="Al-Hasakeh", country="SY", location="Al-Hol camp", latitude=36.3867,
                                    longitude=41.1488, geo_precision=1), 0)
    store.close()
    with Server(create_app(db)) as url:
        loaded(page, url)
        cluster = page.locator("#points .cluster")
        assert cluster.count() == 1 and cluster.get_attribute("data-count") == "3"
        assert page.locator("#points .cluster .slice").count() == 3  # its mix of types, not its majority
        cluster.click()
        page.wait_for_selector("#detail .cluster-list li")
        assert page.locator("#detail .cluster-list li").count() == 3


def test_arabic_names_for_governorates_actors_and_a_link_to_the_article(page, site, stocked_db):
    loaded(page, site)
    options = page.locator("#filters [name=admin1] option").all_inner_texts()
    assert "كركوك" in options and "Kirkuk" not in options
    assert "تنظيم الدولة الإسلامية" in page.locator("#filters [name=actor] option").all_inner_texts()
    assert not any(text.isascii() and text.strip() for text in
                   (t.split(" · ")[1] for t in page.locator("#list li .when").all_inner_texts() if " · " in t))
    store = open_store(stocked_db)
    (event,) = [e for e in store.query_events(EventFilter(limit=1000))[0] if e["location"] == "Ramadi"]
    store.close()
    loaded(page, f"{site}/?event={event['event_id']}")
    link = page.locator("#detail a.source-link").first
    link.wait_for()
    assert link.get_attribute("href") == "https://news.example/ramadi-blast"
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    assert page.locator("link[rel=icon]").get_attribute("href") == "/static/favicon.svg"
    assert page.request.get(f"{site}/static/favicon.svg").status == 200


def test_an_imported_acled_layer_is_drawn_beside_our_events_for_the_filters_period(page, tmp_path, stocked_db):
    import shutil as files
    from collections import Counter as Tally

    from rasad.interop.acled import read_acled
    from tests.test_interop import acled_file_row, write_acled_file

    db = str(tmp_path / "layers.db")
    files.copy(stocked_db, db)
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(1), acled_file_row(2, event_date="2025-04-02", latitude=35.47, longitude=44.39,
                                                               admin1="Kirkuk", location="Kirkuk"),
                            acled_file_row(3, event_date="2024-06-01")])
    store = open_store(db)
    with store.transaction():
        for record in read_acled(path, Tally()):
            store.add_reference("acled", record, str(path), "test")
    store.close()
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en&layers=1")
        assert page.locator("#layers-toggle").is_visible() and page.locator("#layers").is_checked()
        page.wait_for_function("document.querySelectorAll('#points .reference-event').length === 3")
        assert "3 reference records" in page.locator("#summary").inner_text()
        page.fill("#filters [name=since]", "2025-01-01")
        page.click("#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#points .reference-event').length === 2")
        page.uncheck("#layers")
        page.wait_for_function("document.querySelectorAll('#points .reference-event').length === 0")


def test_on_a_phone_the_map_comes_first_and_the_filters_open_in_a_drawer(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    loaded(phone, site)
    box = phone.locator("#map").bounding_box()
    assert box["height"] >= 400 and box["width"] >= 370  # the map is most of the screen
    assert not phone.locator("#filters").is_visible()
    phone.click("#filters-toggle")
    assert phone.locator("#filters").is_visible()
    assert phone.locator("#filters-toggle").get_attribute("aria-expanded") == "true"
    phone.select_option("#filters [name=type]", "Battles")
    phone.click("#filters button[type=submit]")
    wait_for_query(phone, "type=Battles")
    assert not phone.locator("#filters").is_visible()  # applying closes the drawer
    phone.locator("#list li").first.click()
    phone.wait_for_selector("#detail:not([hidden]) h2")
    sheet = phone.locator("#detail").bounding_box()
    assert sheet["y"] > 200 and sheet["width"] >= 380  # the event as a sheet from the bottom
    context.close()


def test_an_event_prints_without_controls(page, site):
    loaded(page, site)
    page.locator("#list li").first.click()
    page.wait_for_selector("#detail:not([hidden]) h2")
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible() and not page.locator("#detail button").first.is_visible()
    assert page.locator("#detail h2").is_visible() and page.locator("#map").is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


AXE = "build/axe/node_modules/axe-core/axe.min.js"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_axe_core_finds_nothing_critical_or_serious(page, site, lang):
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / AXE
    if not script.exists():
        raise RuntimeError("axe-core is not installed: run `make test` (scripts/ensure-axe.sh installs it)")
    loaded(page, f"{site}/?lang={lang}")
    page.locator("#list li").first.click()
    page.wait_for_selector("#detail:not([hidden]) ol.history li")
    page.add_script_tag(content=script.read_text("utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [(v["impact"], v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
             if v["impact"] in ("critical", "serious")]
    assert found == []


def test_the_trends_panel_shows_small_multiples_with_their_surges(page, site, stocked_db):
    loaded(page, f"{site}/?lang=en")
    page.click("#trends-button")
    page.wait_for_selector("#trends figure.multiple")
    areas = page.locator("#trends figure.multiple").evaluate_all("nodes => nodes.map(n => n.dataset.area)")
    newest = page.evaluate("state.mapEvents.find(e => e.event_date).event_date")
    from fastapi.testclient import TestClient

    api = TestClient(create_app(stocked_db), base_url="http://127.0.0.1").get(
        "/api/trends", params={"by": "admin1", "weeks": 12, "until": newest}).json()
    expected = [s for s in api["series"] if s["event_type"] is None][:8]
    assert areas == [s["value"] for s in expected] and len(areas) >= 2
    assert page.locator("#trends figure.multiple canvas").count() == len(areas)  # a uPlot chart each
    assert page.locator("#trends tr.trend-week").count() == 12 * len(areas)
    assert page.locator("#trends tr.trend-week.surge").count() == sum(len(s["surges"]) for s in expected)
    # stacked by type: the tallest series of each chart is the area's total, its weeks on a time axis
    plotted = page.locator("#trends figure.multiple").evaluate_all(
        "fs => fs.map(f => ({top: Array.from(f._plot.data[1]), weeks: f._plot.data[0].length}))")
    assert [p["top"] for p in plotted] == [s["counts"] for s in expected]
    assert {p["weeks"] for p in plotted} == {12}
    kinds = {s["event_type"] for s in api["series"] if s["event_type"]}
    assert page.locator("#trends .trend-key i").count() == len(kinds)  # a swatch a type, then the dead's line
    # the dead beside the events: each chart's last series, and its table's third column
    killed = [s for s in expected if sum(s["fatalities"])]
    assert killed
    shown = page.locator(f"#trends figure.multiple[data-area='{killed[0]['value']}']")
    assert shown.evaluate("f => Array.from(f._plot.data[f._plot.data.length - 1])") == killed[0]["fatalities"]
    cells = shown.locator("tr.trend-week td:nth-child(3)").all_text_contents()
    assert [int(c) for c in cells] == killed[0]["fatalities"]
    page.select_option("#trends [name=trends-weeks]", "26")
    page.wait_for_function("document.querySelectorAll('#trends figure.multiple')[0]?._plot?.data[0].length === 26")
    page.click("#trends-button")
    assert not page.locator("#trends").is_visible()


def test_the_alerts_panel_lists_what_my_rules_delivered_and_opens_the_event(page, tmp_path, stocked_db):
    import getpass
    import shutil as files

    from rasad.alerts.engine import AlertEngine
    from rasad.alerts.rules import RuleSpec
    from rasad.model import Document
    from rasad.pipeline import ingest_documents

    db = str(tmp_path / "alerts.db")
    files.copy(stocked_db, db)
    store = open_store(db)
    store.add_alert_rule(getpass.getuser(), "Anbar", RuleSpec("dashboard", admin1=["Al-Anbar"]).to_dict())
    ingest_documents([Document(doc_id="new", text="انفجرت عبوة ناسفة على دورية للجيش في قضاء هيت يوم الاثنين.",
                               published=__import__("datetime").date(2025, 3, 12))], store, get_extractor("rules"))
    (run,) = AlertEngine(store).run()
    store.close()
    assert run.delivered == 1
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en")
        page.wait_for_function("document.querySelector('#alerts-count').textContent === '(1)'")
        page.click("#alerts-button")
        item = page.locator("#alerts .alert-list li")
        item.wait_for()
        assert "Anbar" in item.inner_text() and "Hit" in item.inner_text()
        item.click()
        page.wait_for_selector("#detail:not([hidden]) h2")
        wait_for_query(page, "event=evt_")


def test_the_weeks_hotspots_are_drawn_as_their_cells(page, tmp_path):
    from datetime import date, timedelta

    from rasad.model import Document, Event

    db = str(tmp_path / "hot.db")
    store = open_store(db)
    monday = date(2025, 3, 10)
    with store.transaction():
        spots = [(monday - timedelta(weeks=6), 33.40, 43.30)] + [(monday + timedelta(days=2 * k), 35.30 + k * 0.04, 43.80)
                                                                 for k in range(4)]
        for n, (day, lat, lon) in enumerate(spots):
            store.add_document(Document(doc_id=f"h{n}", text=f"تقرير رقم {n}"))
            store.add_mention(Event(doc_id=f"h{n}", event_type="Battles", sub_event_type="Armed clash",
                                    event_date=day.isoformat(), time_precision=1, country="IQ", admin1="Kirkuk",
                                    location=f"place {n}", latitude=lat, longitude=lon, geo_precision=1), 0)
    store.close()
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?hotspots=1")
        page.wait_for_selector("#points path.hotspot")
        assert page.locator("#points path.hotspot").count() == 1
        assert page.locator("#points path.hotspot").get_attribute("data-cell") == "35.25,43.75"
        page.uncheck("#hotspots")
        page.wait_for_function("document.querySelectorAll('#points path.hotspot').length === 0")


def test_town_labels_follow_the_language_and_markers_open_with_the_keyboard(page, site):
    loaded(page, site)
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    assert "Baghdad" in page.locator(".town span[data-name]").all_inner_texts()
    page.evaluate("map.setView([34.5, 43.5], 12)")  # close enough that events stand alone
    page.wait_for_timeout(500)
    marker = page.locator(".event-icon[tabindex='0']").first
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) h2")
    wait_for_query(page, "event=evt_")


def test_an_analyst_writes_an_alert_rule_in_the_dashboard_and_sees_a_refusal_beside_the_form(page, tmp_path, stocked_db):
    import getpass
    import shutil as files

    db = str(tmp_path / "rules.db")
    files.copy(stocked_db, db)
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en")
        page.click("#alerts-button")
        page.locator("#alerts .rule-form").wait_for()

        def add_rule(fills: dict[str, str], selects: dict[str, str]) -> None:
            form = page.locator("#alerts .rule-form")  # drawn again after each rule
            for name, value in selects.items():
                form.locator(f"[name={name}]").select_option(value)
            for name, value in fills.items():
                form.locator(f"[name={name}]").fill(value)
            form.locator("[data-action=add-rule]").click()

        def stored_rules() -> dict[str, dict]:
            store = open_store(db)
            rules = {rule["name"]: rule["spec"] for rule in store.alert_rules(getpass.getuser())}
            store.close()
            return rules

        add_rule({"name": "mail without an address"}, {"channel": "email"})
        page.wait_for_function("document.querySelector('#alerts .rule-form [role=status]').innerText.length > 0")
        assert page.locator("#alerts .rule-list li").count() == 0  # refused, said, nothing stored
        add_rule({"name": "al-Hol watch", "radius_km": "10"},
                 {"channel": "dashboard", "facility": "Al-Hol camp", "event_type": "Battles"})
        page.wait_for_selector("#alerts .rule-list li")
        assert "al-Hol watch" in page.locator("#alerts .rule-list li").inner_text()
        spec = stored_rules()["al-Hol watch"]
        assert (spec["facility"], spec["radius_km"], spec["event_types"]) == ("Al-Hol camp", 10.0, ["Battles"])
        add_rule({"name": "busy Kirkuk", "threshold": "5"},
                 {"kind": "threshold", "admin1": "Kirkuk", "actor": "Islamic State"})
        page.wait_for_function("document.querySelectorAll('#alerts .rule-list li').length === 2")
        spec = stored_rules()["busy Kirkuk"]
        assert (spec["kind"], spec["threshold"], spec["actors"]) == ("threshold", 5, ["Islamic State"])
        page.locator("#alerts .rule-list [data-action=remove-rule]").first.click()
        page.wait_for_function("document.querySelectorAll('#alerts .rule-list li').length === 1")
        page.locator("#alerts .rule-list [data-action=remove-rule]").click()
        page.wait_for_function("document.querySelectorAll('#alerts .rule-list li').length === 0")


def test_review_in_the_browser_errors_beside_the_form_merge_split_and_keys(page, tmp_path, stocked_db):
    import shutil as files

    db = str(tmp_path / "review.db")
    files.copy(stocked_db, db)
    store = open_store(db)
    events = store.query_events(EventFilter(limit=1000))[0]
    one, other = events[0]["event_id"], events[1]["event_id"]
    store.close()
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en&event={one}")
        page.wait_for_selector("#detail [data-action=edit]")
        assert page.locator("#detail [name=field] option").count() == 20  # every field the API edits
        page.select_option("#detail [name=field]", "fatalities")
        page.fill("#detail [name=value]", "many")
        page.click("#detail [data-action=edit]")
        page.wait_for_function("document.querySelector('#detail .actions [role=alert]').innerText.includes('fatalities')")
        page.fill("#detail [name=other_event_id]", other)
        page.click("#detail [data-action=merge]")
        # the detail drawn again after the merge (its history names it), not the one before it, whose mentions
        # the re-drawing would replace under the click
        page.wait_for_function(
            "[...document.querySelectorAll('#detail ol.history li')].some(li => li.innerText.includes('merge'))"
            " && document.querySelectorAll('#detail input[name=mention]').length >= 2")
        page.locator("#detail input[name=mention]").last.check()
        page.click("#detail [data-action=split]")
        page.wait_for_function(
            "[...document.querySelectorAll('#detail ol.history li')].some(li => li.innerText.includes('split'))")
        page.locator("#detail h2").click()  # out of any field: the keys are the review queue's
        page.keyboard.press("v")
        page.wait_for_function(
            "[...document.querySelectorAll('#detail ol.history li')].some(li => li.innerText.includes('verified'))")
        page.keyboard.press("n")
        page.wait_for_function(f"!location.search.includes('event={one}')")
        page.click("#queue")  # the unreviewed that need an analyst, least confident first
        wait_for_query(page, "review_state=unreviewed")
        page.wait_for_selector("#detail:not([hidden]) h2")
        assert "sort=confidence" in page.url and "order=asc" in page.url and "queue=true" in page.url
        store = open_store(db)
        queued = store.query_events(EventFilter(queue=True, limit=1))[1]
        store.close()
        page.wait_for_function(f"document.querySelector('#summary').innerText.startsWith('{queued} ')")
        page.click("#clear")  # the queue, its sort and its order go with the other filters
        page.wait_for_function("!location.search.includes('queue=') && !location.search.includes('sort=')")
    store = open_store(db)
    history = [h["action"] for h in store.history(one)]
    store.close()
    assert "merge" in history and "split" in history and "verified" in history


def test_every_printed_page_carries_the_strictest_tlp_of_what_it_shows(page, partner_sites):
    import io

    import pypdfium2

    page.goto(partner_sites["SY"] + "/?lang=en&partners=1")
    page.wait_for_selector("#points .partner-event")
    assert page.locator("#print-tlp").is_hidden()  # on screen the badges say it
    page.locator("#list li.partner").click()  # the record printed on a page of its own
    page.wait_for_selector("#detail .read-only")
    page.emulate_media(media="print")
    assert page.locator("#print-tlp").inner_text() == "TLP:AMBER" and page.locator("#print-tlp").is_visible()
    pdf = pypdfium2.PdfDocument(io.BytesIO(page.pdf(format="A4")))
    texts = [pdf[number].get_textpage().get_text_range() for number in range(len(pdf))]
    assert len(texts) >= 2 and all("TLP:AMBER" in text for text in texts)


def test_a_named_view_is_saved_per_user_and_opens_from_the_list_as_a_link(page, tmp_path, stocked_db):
    import getpass
    import shutil as files

    db = str(tmp_path / "views.db")
    files.copy(stocked_db, db)
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en&type=Battles&since=2025-01-01")
        page.fill("#views [name=name]", "battles this year")
        page.click("#views button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#views [name=view] option').length === 2")
        store = open_store(db)
        (view,) = store.views(getpass.getuser())
        store.close()
        assert view["name"] == "battles this year"
        assert "type=Battles" in view["query"] and "since=2025-01-01" in view["query"]
        loaded(page, f"{url}/?lang=en")
        page.select_option("#views [name=view]", label="battles this year")
        wait_for_query(page, "type=Battles")
        page.wait_for_selector("#list li")
        assert page.locator("#filters [name=type]").input_value() == "Battles"


def test_arabic_indic_digits_as_the_user_chooses_kept_in_the_link(page, site):
    loaded(page, site)
    assert page.locator("#summary").inner_text()[0].isascii()  # Latin by default
    page.click("#digits")
    wait_for_query(page, "digits=arab")
    page.wait_for_function("/^[٠-٩]/.test(document.querySelector('#summary').innerText)")
    assert all(text[0] in "٠١٢٣٤٥٦٧٨٩" for text in page.locator("#list li .when").all_inner_texts()[:5])
    shared = page.context.new_page()
    loaded(shared, page.url)
    assert shared.locator("#summary").inner_text()[0] in "٠١٢٣٤٥٦٧٨٩"


def test_trends_by_border_sector_and_a_week_brushed_filters_everything(page, site, stocked_db):
    loaded(page, f"{site}/?lang=en")
    before = shown_total(page)
    page.click("#trends-button")
    page.wait_for_selector("#trends figure.multiple")
    first = page.locator("#trends figure.multiple").first
    assert "%" in first.locator("figcaption").inner_text() or "▲" in first.locator("figcaption").inner_text()
    area = first.get_attribute("data-area")
    # the last week with events, clicked on the chart itself: the week of that governorate, everything follows
    week, x, y = first.evaluate("""f => {
        const u = f._plot, top = u.data[1], i = top.map((n, k) => n ? k : -1).filter(k => k >= 0).pop();
        const box = u.over.getBoundingClientRect();
        return [new Date(u.data[0][i] * 1000).toISOString().slice(0, 10),
                box.left + u.valToPos(u.data[0][i], 'x'), box.top + u.valToPos(top[i] / 2, 'y')];
    }""")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_query(page, f"since={week}")
    page.wait_for_function(f"!document.querySelector('#summary').innerText.startsWith('{before} ')")
    assert 0 < shown_total(page) < before and page.locator("#filters [name=admin1]").input_value() == area
    page.select_option("#trends [name=trends-by]", "sector")
    from fastapi.testclient import TestClient

    api = TestClient(create_app(stocked_db), base_url="http://127.0.0.1").get(
        "/api/trends", params={"by": "sector", "weeks": 12, "until": page.locator("#filters [name=until]").input_value()}
    ).json()
    sectors = [s_["value"] for s_ in api["series"] if s_["event_type"] is None][:8]
    page.wait_for_function("(document.querySelector('#trends figure.multiple') || {dataset: {area: ''}}).dataset.area"
                           ".includes('\u2013')")  # sectors are named by their two ends: "Sinjar–al-Hol"
    shown = page.locator("#trends figure.multiple").evaluate_all("fs => fs.map(f => f.dataset.area)")
    assert shown == sectors, (shown, sectors)
    # by actor, worked from the keyboard: the chart's table, a button a week
    page.select_option("#trends [name=trends-by]", "actor")
    actors = [s_["value"] for s_ in TestClient(create_app(stocked_db), base_url="http://127.0.0.1").get(
        "/api/trends", params={"by": "actor", "weeks": 12, "until": page.locator("#filters [name=until]").input_value()}
    ).json()["series"] if s_["event_type"] is None][:8]
    page.wait_for_function("(document.querySelector('#trends figure.multiple') || {dataset: {area: ''}}).dataset.area"
                           f" === {actors[0]!r}")
    actor = page.locator("#trends figure.multiple").first
    actor.locator("summary").focus()
    page.keyboard.press("Enter")
    actor.locator("tr.trend-week button").last.focus()
    page.keyboard.press("Enter")
    wait_for_query(page, "actor=")
    assert page.locator("#filters [name=actor]").input_value() == actors[0]


def test_the_event_page_says_where_its_sources_disagree_on_a_figure(page, tmp_path):
    from rasad.model import Document, Event

    db = str(tmp_path / "differ.db")
    store = open_store(db)
    with store.transaction():
        for n, killed in enumerate((6, 8)):
            store.add_document(Document(doc_id=f"o{n}", text=f"تقرير المنفذ رقم {n}"))
            store.add_mention(Event(doc_id=f"o{n}", event_type="Violence against civilians", sub_event_type="Attack",
                                    event_date="2025-03-10", admin1="Deir-ez-Zor", country="SY", location="Al-Shoula",
                                    latitude=35.1, longitude=40.2, geo_precision=1, fatalities=killed), 0)
    (event,) = store.query_events(EventFilter())[0]
    store.close()
    with Server(create_app(db)) as url:
        loaded(page, f"{url}/?lang=en&event={event['event_id']}")
        page.wait_for_selector("#detail dd.conflict")
        assert "killed: 6 / 8" in page.locator("#detail dd.conflict").inner_text()
        assert "6 killed" in page.locator("#detail dl").inner_text()  # the lowest credible figure


def test_the_timelines_months_are_named_in_the_uis_language(page, site):
    loaded(page, site)
    arabic = page.locator("#timeline text.month").all_text_contents()
    assert arabic and all(not text[0].isascii() for text in arabic)  # "تشرين الأول 2025"
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    page.wait_for_function("[...document.querySelectorAll('#timeline text.month')]"
                           ".every(t => /^[A-Z][a-z]{2} \\d{4}$/.test(t.textContent))")


def test_the_chosen_days_are_said_in_the_uis_language_and_digits(page, site):
    loaded(page, f"{site}/?since=2025-03-03&until=2025-10-09&digits=arab")
    since = page.locator("#filters .date-echo[data-for=since]").inner_text()
    assert "آذار" in since and "٢٠٢٥" in since  # the Levantine month, Arabic-Indic digits
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    page.click("#digits")
    page.wait_for_function("document.querySelector('#filters .date-echo[data-for=until]').innerText === '9 Oct 2025'")
    page.fill("#filters [name=since]", "2025-02-01")
    page.wait_for_function("document.querySelector('#filters .date-echo[data-for=since]').innerText === '1 Feb 2025'")
