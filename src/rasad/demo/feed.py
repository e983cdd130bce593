"""A local news feed for the demo: the demo's later reports published one at a time on a loopback HTTP server
(the standard library's), so that `make demo` shows the watch, the pipeline and the alerts at work without
the internet."""

from __future__ import annotations

import functools
import html
import threading
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class DemoFeed:
    """Publishes ``items`` (documents as dicts: doc_id, title, text) to ``folder``/feed.xml, one more every
    ``step`` seconds, and serves the folder on 127.0.0.1."""

    def __init__(self, items: list[dict], folder: Path, step: float = 30.0) -> None:
        self.items, self.folder, self.step = items, Path(folder), step
        self.folder.mkdir(parents=True, exist_ok=True)
        self.published = 0
        self._stop = threading.Event()
        handler = functools.partial(_QuietHandler, directory=str(self.folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/feed.xml"

    def start(self) -> str:
        self.publish()
        threading.Thread(target=self.server.serve_forever, daemon=True, name="demo-feed").start()
        threading.Thread(target=self._publish_over_time, daemon=True, name="demo-feed-clock").start()
        return self.url

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def publish(self) -> None:
        """Add the next item to the feed (the newest first, as feeds list them)."""
        self.published = min(len(self.items), self.published + 1)
        now = datetime.now(UTC)
        entries = "".join(
            f"<item><title>{html.escape(item.get('title') or item['text'][:80])}</title>"
            f"<link>{self.url.rsplit('/', 1)[0]}/items/{html.escape(item['doc_id'])}</link>"
            f"<pubDate>{format_datetime(now)}</pubDate>"
            f"<description>{html.escape(item['text'])}</description></item>"
            for item in reversed(self.items[: self.published]))
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Rasad demo feed</title>'
                f"<link>{self.url}</link><description>Demo reports, one at a time</description>{entries}</channel></rss>")
        partial = self.folder / "feed.xml.part"
        partial.write_text(body, encoding="utf-8")
        partial.replace(self.folder / "feed.xml")  # a poll never reads half a feed

    def _publish_over_time(self) -> None:
        while not self._stop.wait(self.step) and self.published < len(self.items):
            self.publish()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        """The demo's terminal shows the watch's lines, not every request."""

