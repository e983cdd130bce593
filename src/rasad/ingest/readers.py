"""Readers of the document inputs: documents JSONL, folders of .txt/.html/.jsonl, RSS/Atom feeds.

Bad input never stops a run: each problem is reported (naming the file and line) through the
``on_problem`` callback and the reader goes on with the next document.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from rasad.errors import InputError
from rasad.ingest.transport import Transport, default_transport
from rasad.model import Document

Problem = Callable[[InputError], None]
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_SUFFIXES = {".html", ".htm"}
_FEED_SUFFIXES = {".xml", ".rss", ".atom"}
# One report is a few KB; a document over this is a dump, a book or an error, and is refused with a message
# (extraction is linear in the text, but an analyst cannot read evidence out of 2 MB either).
MAX_TEXT_CHARS = 12_000_000


def parse_date(value: object) -> date | None:
    """A publication date from ISO text, RFC 822 (feeds) or None."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page: paragraphs and headings on lines of their own, no scripts or styles."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header"}
    _HIDDEN = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden:
            self.parts.append(data)

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).splitlines()]
        return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, str]:
    """(title, visible text) of an HTML page."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    return parser.title.strip(), parser.text()


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", path=str(path)) from error


def _stable_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _check_size(text: str, path: str, line: int | None = None) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"a document of {len(text):,} characters is over the limit of {MAX_TEXT_CHARS:,}: split it "
                         "into its reports", path=path, line=line)


def document_from_dict(row: dict, path: str, line: int) -> Document:
    """A document from one JSON object of the docs.jsonl form."""
    if not isinstance(row, dict):
        raise InputError("a JSON object was expected", path=path, line=line)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("document without text", path=path, line=line)
    _check_size(text, path, line)
    for name in ("published", "language", "source", "title", "url"):
        if row.get(name) is not None and not isinstance(row[name], str):
            raise InputError(f"{name} must be text, not {type(row[name]).__name__}", path=path, line=line)
    if row.get("doc_id") is not None and not isinstance(row["doc_id"], str | int):
        raise InputError(f"doc_id must be text, not {type(row['doc_id']).__name__}", path=path, line=line)
    doc_id = str(row.get("doc_id") or row.get("id") or _stable_id(path, str(line), text[:200]))
    return Document(
        doc_id=doc_id, text=text, published=parse_date(row.get("published")), language=row.get("language"),
        source=row.get("source"), title=row.get("title"), url=row.get("url"),
    )


def read_jsonl(path: Path, on_problem: Problem) -> Iterator[Document]:
    """Documents of a JSONL file, one a line, streamed (memory stays flat); a bad line is reported and skipped."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
        if not head.strip():
            raise InputError("empty file", path=str(path))
        if b"\x00" in head:
            raise InputError("binary file, not text", path=str(path))
        handle.seek(0)
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                yield document_from_dict(json.loads(line), str(path), number)
            except UnicodeDecodeError as error:
                on_problem(InputError(f"not UTF-8 text (byte {error.start})", path=str(path), line=number))
            except json.JSONDecodeError as error:
                on_problem(InputError(f"not JSON: {error.msg}", path=str(path), line=number))
            except RecursionError:
                on_problem(InputError("JSON nested too deeply", path=str(path), line=number))
            except InputError as error:
                on_problem(error)


def read_file(path: Path, on_problem: Problem) -> Iterator[Document]:
    """Documents of one file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, on_problem)
        return
    if suffix in _FEED_SUFFIXES:
        yield from read_feed(_read_text(path), str(path), on_problem)
        return
    text = _read_text(path)
    title = None
    if suffix in _HTML_SUFFIXES:
        title, text = html_to_text(text)
    if not text.strip():
        raise InputError("empty document", path=str(path))
    yield Document(doc_id=_stable_id(path.name, text[:500]), text=text, title=title or None, source=path.name)


def read_feed(xml_text: str, origin: str, on_problem: Problem) -> Iterator[Document]:
    """Items of an RSS 2.0 or Atom feed; each item's description or content is its text."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as error:
        raise InputError(f"not a valid RSS/Atom feed: {error}", path=origin) from error
    atom = "{http://www.w3.org/2005/Atom}"
    if root.tag not in ("rss", f"{atom}feed", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        raise InputError(f"an XML file, but not an RSS or Atom feed (its root is <{root.tag}>)", path=origin)
    items = root.findall(".//item") or root.findall(f".//{atom}entry")
    for number, item in enumerate(items, 1):

        def field(*names: str, node: ET.Element = item) -> str:
            for name in names:
                found = node.find(name)
                if found is not None:
                    return found.attrib.get("href") or (found.text or "")
            return ""

        title = field("title", f"{atom}title").strip()
        body = field("description", f"{atom}content", f"{atom}summary", "{http://purl.org/rss/1.0/modules/content/}encoded")
        _, body_text = html_to_text(body)
        link = field("link", f"{atom}link").strip()
        text = "\n".join(part for part in (title, body_text) if part)
        if not text.strip():
            on_problem(InputError(f"feed item {number} without text", path=origin))
            continue
        yield Document(
            doc_id=_stable_id(link or title or str(number), text[:300]), text=text, title=title or None, url=link or None,
            published=parse_date(field("pubDate", f"{atom}published", f"{atom}updated")), source=origin,
        )


def read_documents(
    inputs: Iterable[str], on_problem: Problem, transport: Transport | None = None
) -> Iterator[Document]:
    """Documents from files, folders (recursively: .jsonl, .txt, .html, feeds) and feed URLs."""
    transport = transport or default_transport()
    for item in inputs:
        if item.startswith(("http://", "https://")):
            try:
                yield from read_feed(transport.fetch(item), item, on_problem)
            except InputError as error:
                on_problem(error)
            continue
        path = Path(item)
        if not path.exists():
            on_problem(InputError("no such file or folder", path=item))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if path.is_dir() and file.suffix.lower() not in _TEXT_SUFFIXES | _HTML_SUFFIXES | _FEED_SUFFIXES | {".jsonl"}:
                continue
            try:
                for document in read_file(file, on_problem):
                    if file.suffix.lower() != ".jsonl":
                        _check_size(document.text, str(file))
                    yield document
            except InputError as error:
                on_problem(error)
            except OSError as error:
                on_problem(InputError(f"cannot read: {error.strerror}", path=str(file)))
