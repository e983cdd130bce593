"""Continuous watch (issue 14): sources polled politely from a local HTTP server the tests start."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from click.testing import CliRunner
from fastapi import FastAPI, Request, Response

from rasad.cli import main
from rasad.errors import InputError
from rasad.extract.base import get_extractor
from rasad.ingest.fetch import PoliteFetcher
from rasad.store.store import open_store
from rasad.watch.sources import Source, read_sources
from rasad.watch.watcher import Watcher
from tests.servers import Server

ITEMS = [
    ("اعتقال مطلوبين", "اعتقلت القوات الأمنية ثلاثة مطلوبين في قضاء الحويجة فجر اليوم."),
    ("انفجار عبوة", "انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية ما أدى إلى إصابة جنديين."),
    ("هجوم على قرية", "هاجم مسلحون قرية في ناحية العباسي جنوب غربي كركوك وقتلوا راعيا."),
]


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.example/{n}</link>"
        f"<pubDate>{(datetime.now(UTC) - timedelta(minutes=5)).strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>"
        f"<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>" for n, (title, text) in enumerate(items))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


PAGE = """<html><head><title>خبر</title><meta property="article:published_time" content="2025-03-02T10:00:00Z"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>هجوم في الحويجة</h1>
<p>قتل مسلحون مجهولون مختار قرية في قضاء الحويجة مساء أمس بعد أن اقتحموا منزله.</p>
<p>وقالت الشرطة إن المسلحين فروا إلى جهة مجهولة وإن التحقيقات جارية.</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">اشتباكات في بادية الميادين</a></li></ul></aside></body></html>"""


class Site:
    """What the local news site serves, and the requests it saw."""

    def __init__(self) -> None:
        self.items = list(ITEMS[:2])
        self.seen: list[tuple[str, str | None]] = []  # (path, If-None-Match)
        self.flaky_failures = 1

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.middleware("http")
        async def record(request: Request, call_next):
            self.seen.append((request.url.path, request.headers.get("if-none-match")))
            return await call_next(request)

        @app.get("/robots.txt")
        def robots() -> Response:
            return Response("User-agent: *\nDisallow: /private/\n", media_type="text/plain")

        @app.get("/feed.xml")
        def feed(request: Request) -> Response:
            etag = f'"v{len(self.items)}"'
            if request.headers.get("if-none-match") == etag:
                return Response(status_code=304, headers={"ETag": etag})
            return Response(rss(self.items), media_type="application/rss+xml", headers={"ETag": etag})

        @app.get("/private/feed.xml")
        def private() -> Response:
            return Response(rss(ITEMS), media_type="application/rss+xml")

        @app.get("/flaky.xml")
        def flaky() -> Response:
            if self.flaky_failures:
                self.flaky_failures -= 1
                return Response("busy", status_code=503)
            return Response(rss(ITEMS[2:]), media_type="application/rss+xml")

        @app.get("/slow.xml")
        def slow() -> Response:
            time.sleep(2.5)
            return Response(rss(ITEMS), media_type="application/rss+xml")

        @app.get("/big.xml")
        def big() -> Response:
            return Response("<rss>" + "x" * 300_000 + "</rss>", media_type="application/rss+xml")

        @app.get("/laughs.xml")
        def laughs() -> Response:
            return Response('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>'
                            "<rss><channel><item><title>&b;</title><description>x</description></item></channel></rss>",
                            media_type="application/rss+xml")

        @app.get("/article.html")
        def article() -> Response:
            return Response(PAGE, media_type="text/html")

        return app


@pytest.fixture
def site():
    state = Site()
    with Server(state.app()) as url:
        state.url = url
        yield state


def fetcher(**kwargs) -> PoliteFetcher:
    options = {"timeout": 1.0, "max_bytes": 100_000, "host_interval": 0.0, "retries": 1, "backoff": 0.0} | kwargs
    return PoliteFetcher(**options)


def watcher(db: str, sources: list[Source], **kwargs) -> Watcher:
    store = open_store(db)
    return Watcher(store, sources, get_extractor("rules"), fetcher(**kwargs))


def test_a_feed_is_stored_and_polled_again_with_a_conditional_get(site, tmp_path):
    source = Source("site", f"{site.url}/feed.xml", interval=900)
    first = watcher(str(tmp_path / "w.db"), [source])
    (result,) = first.run_once()
    assert (result.status, result.documents, result.new) == ("new", 2, 2) and result.mentions >= 2
    assert first.store.counts()["documents"] == 2
    assert first.due() == []  # not due again for 15 minutes
    (again,) = first.run_once(every=True)
    assert again.status == "unchanged" and site.seen[-1] == ("/feed.xml", '"v2"')
    site.items.append(ITEMS[2])  # the site publishes: a new ETag, one new item
    (third,) = first.run_once(every=True)
    assert (third.status, third.documents, third.new) == ("new", 3, 1)
    state = first.store.watch_state(source.url)
    assert state["items"] == 3 and state["failures"] == 0 and 0 < state["lag_seconds"] < 3600
    first.store.close()


def test_a_restart_resumes_from_the_state_in_the_store(site, tmp_path):
    db = str(tmp_path / "w.db")
    source = Source("site", f"{site.url}/feed.xml", interval=900)
    first = watcher(db, [source])
    first.run_once()
    first.store.close()
    again = watcher(db, [source])
    assert again.due() == []  # the restart knows when the source is next due
    (result,) = again.run_once(every=True)
    assert result.status == "unchanged" and site.seen[-1] == ("/feed.xml", '"v2"')
    assert again.store.counts()["documents"] == 2
    again.store.close()


def test_a_failing_source_does_not_stop_the_others_and_each_failure_is_named(site, tmp_path):
    names = ["slow", "big", "laughs", "private/feed", "missing", "feed"]
    sources = [Source(name, f"{site.url}/{name}.xml", interval=600) for name in names]
    w = watcher(str(tmp_path / "w.db"), sources)
    results = {result.source.name: result for result in w.run_once()}
    assert results["feed"].status == "new" and results["feed"].new == 2
    assert "timed out" in results["slow"].error
    assert "larger than the limit" in results["big"].error
    assert "declares XML entities" in results["laughs"].error
    assert "robots.txt" in results["private/feed"].error
    assert "HTTP 404" in results["missing"].error
    assert ("/private/feed.xml", None) not in site.seen  # robots.txt was obeyed, not merely reported
    state = w.store.watch_state(f"{site.url}/big.xml")
    assert state["failures"] == 1 and state["last_success"] is None
    due = datetime.fromisoformat(state["next_due"]) - datetime.fromisoformat(state["last_attempt"])
    assert due >= timedelta(seconds=600)
    w.run_once(every=True)  # a second failure in a row waits twice as long
    state = w.store.watch_state(f"{site.url}/big.xml")
    due = datetime.fromisoformat(state["next_due"]) - datetime.fromisoformat(state["last_attempt"])
    assert state["failures"] == 2 and due >= timedelta(seconds=1200)
    w.store.close()


def test_a_busy_site_is_tried_again_after_a_pause(site, tmp_path):
    slept: list[float] = []
    w = watcher(str(tmp_path / "w.db"), [Source("flaky", f"{site.url}/flaky.xml")], backoff=0.25, sleep=slept.append)
    (result,) = w.run_once()
    assert result.status == "new" and result.new == 1
    assert [path for path, _ in site.seen].count("/flaky.xml") == 2 and 0.25 in slept
    w.store.close()


def test_a_page_source_stores_its_article_without_the_pages_furniture(site, tmp_path):
    w = watcher(str(tmp_path / "w.db"), [Source("page", f"{site.url}/article.html", kind="page")])
    (result,) = w.run_once()
    assert (result.status, result.new) == ("new", 1)
    (document,) = w.store.db.execute("SELECT text FROM documents").fetchall()
    assert "قتل مسلحون مجهولون" in document["text"] and "الأكثر قراءة" not in document["text"]
    w.store.close()


def test_one_host_gets_one_request_at_a_time_per_interval():
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        clock[0] += seconds

    def answer(request: httpx.Request) -> httpx.Response:
        clock[0] += 0.5  # each answer takes half a second
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=b"<rss/>")

    polite = PoliteFetcher(httpx.Client(transport=httpx.MockTransport(answer)), host_interval=2.0,
                           clock=lambda: clock[0], sleep=sleep)
    polite.get("https://a.example/1.xml")  # robots.txt, then the feed: paced apart
    polite.get("https://a.example/2.xml")
    polite.get("https://b.example/1.xml")  # another host waits for nothing but its own robots.txt
    assert slept == [1.5, 1.5, 1.5]


@pytest.mark.parametrize("entry, message", [
    ('url = "ftp://x.example/feed"', "url must be an http(s) address"),
    ('url = "https://x.example/feed"\nkind = "video"', "kind must be one of feed, page"),
    ('url = "https://x.example/feed"\ninterval = "5s"', "not polite"),
    ('url = "https://x.example/feed"\ninterval = "soon"', "not a duration"),
    ('url = "https://x.example/feed"\ntrust = "total"', "trust must be one of"),
])
def test_a_bad_source_list_names_the_file_and_the_entry(tmp_path, entry, message):
    path = tmp_path / "sources.toml"
    path.write_text(f'[[source]]\nurl = "https://ok.example/feed"\n\n[[source]]\n{entry}\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_sources(path)
    assert f"{path} [[source]] 2" in str(raised.value) and message in str(raised.value)


def test_the_cli_polls_once_and_prints_a_status_table(site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "local feed"\nurl = "{site.url}/feed.xml"\ninterval = "15m"\n\n'
                       f'[[source]]\nname = "gone"\nurl = "{site.url}/missing.xml"\n', encoding="utf-8")
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    result = runner.invoke(main, ["watch", str(sources), "--db", db, "--once"])
    assert result.exit_code == 1  # one source failed; the other was stored
    assert "local feed: 2 items, 2 new" in result.output and "gone: failed: " in result.output
    status = runner.invoke(main, ["watch", "--status", "--db", db])
    assert status.exit_code == 0
    lines = status.output.splitlines()
    assert lines[0].split()[:3] == ["source", "kind", "last"] and len(lines) == 3
    assert any(line.startswith("local feed") and " 2 " in line for line in lines)


def test_serving_with_a_watch_polls_in_the_background_until_stopped(site, tmp_path):
    from rasad.cli import _watch_loop

    db = str(tmp_path / "w.db")
    open_store(db).close()
    stop = threading.Event()
    thread = threading.Thread(target=_watch_loop, args=(db, [Source("site", f"{site.url}/feed.xml")], stop))
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with open_store(db) as store:
                if store.counts()["documents"] == 2:
                    break
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    with open_store(db) as store:
        assert store.counts()["documents"] == 2


def test_the_api_shows_each_watched_source(site, tmp_path):
    from fastapi.testclient import TestClient

    from rasad.web.app import create_app

    db = str(tmp_path / "w.db")
    w = watcher(db, [Source("site", f"{site.url}/feed.xml"), Source("gone", f"{site.url}/missing.xml")])
    w.run_once()
    w.store.close()
    rows = {row["name"]: row for row in TestClient(create_app(db), base_url="http://127.0.0.1").get("/api/watch").json()}
    assert rows["site"]["items"] == 2 and rows["site"]["last_error"] is None
    assert rows["gone"]["failures"] == 1 and "HTTP 404" in rows["gone"]["last_error"]


def test_watching_with_alerts_delivers_what_the_poll_brought(site, tmp_path):
    from rasad.alerts.rules import RuleSpec

    db = str(tmp_path / "w.db")
    with open_store(db) as store:
        store.add_alert_rule("layla", "everything", RuleSpec("dashboard").to_dict())
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nurl = "{site.url}/feed.xml"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(sources), "--db", db, "--once", "--alerts"])
    assert result.exit_code == 0 and "alert rule 1 (everything): 2 alerts delivered" in result.output
    with open_store(db) as store:
        assert len(store.alerts("layla")) == 2


def test_the_demo_feed_publishes_one_report_at_a_time_and_the_watch_reads_them(tmp_path):
    from rasad.demo.feed import DemoFeed

    items = [{"doc_id": f"f{n}", "title": title, "text": text} for n, (title, text) in enumerate(ITEMS)]
    feed = DemoFeed(items, tmp_path / "feed", step=3600)
    url = feed.start()
    try:
        w = watcher(str(tmp_path / "w.db"), [Source("demo", url)])
        (first,) = w.run_once()
        assert (first.status, first.documents, first.new) == ("new", 1, 1)
        time.sleep(1.1)  # the standard library's server answers If-Modified-Since to the second
        feed.publish()
        feed.publish()
        (second,) = w.run_once(every=True)
        assert (second.documents, second.new) == (3, 2)
        feed.publish()  # nothing left to publish: the feed stays as it is
        (third,) = w.run_once(every=True)
        assert third.new == 0
        w.store.close()
    finally:
        feed.stop()
