"""`make screenshots`: the dashboard's screenshots in docs/img, from a demo store, in headless Chromium."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from rasad.demo.generator import generate
from rasad.demo.partners import seed_partner
from rasad.extract.base import get_extractor
from rasad.pipeline import run_ingest
from rasad.store.store import EventFilter, open_store
from rasad.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.servers import Server  # noqa: E402
from tests.test_browser import CHROMIUM_ARGS  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.jsonl"
        with open(docs, "w", encoding="utf-8") as out:
            for doc, _ in generate(400):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        db = str(Path(tmp) / "demo.db")
        store = open_store(db)
        run_ingest([str(docs)], store, get_extractor("rules"), lambda e: None)
        camp = store.query_events(EventFilter(tag="camp", limit=1))[0][0]["event_id"]
        seed_partner(store, Path(tmp))
        store.close()
        out = ROOT / "docs" / "img"
        with Server(create_app(db)) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 950})
            for name, query in (("dashboard-ar", f"?event={camp}"), ("dashboard-en", "?lang=en&admin1=Al-Anbar"),
                                ("dashboard-period-en", "?lang=en&since=2025-01-01&until=2025-06-30")):
                page.goto(f"{url}/{query}")
                page.wait_for_selector("#list li")
                if "event=" in query:
                    page.wait_for_selector("#detail ol.history li")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"{name}.png"))
            page.goto(f"{url}/?lang=en&partners=1")
            page.wait_for_selector("#list li.partner")
            page.locator("#list li.partner").first.click()
            page.wait_for_selector("#detail .read-only")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "partners-en.png"))
            for lang in ("ar", "en"):
                # the map zoomed into Deir ez-Zor, the trends panel, the review queue, the phone: in both languages
                page.goto(f"{url}/?lang={lang}")
                page.wait_for_selector("#list li")
                page.evaluate("map.setView([35.2, 40.4], 9)")
                page.wait_for_timeout(600)
                page.screenshot(path=str(out / f"map-deir-ez-zor-{lang}.png"))
                page.click("#trends-button")
                page.wait_for_selector("#trends figure.multiple")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"trends-{lang}.png"))
                page.click("#queue")
                page.wait_for_selector("#detail:not([hidden]) [data-action=verify]")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"review-queue-{lang}.png"))
                phone = browser.new_page(viewport={"width": 390, "height": 844})
                phone.goto(f"{url}/?lang={lang}")
                phone.wait_for_selector("#list li")
                phone.wait_for_timeout(300)
                phone.screenshot(path=str(out / f"phone-{lang}.png"))
                phone.close()
            browser.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
