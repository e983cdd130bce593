"""Readers of the document inputs: documents JSONL, folders of .txt/.html/.jsonl, RSS/Atom feeds, web pages.

Bad input never stops a run: each problem is reported (naming the file and line) through the
``on_problem`` callback and the reader goes on with the next document.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

import defusedxml.ElementTree as defused
import feedparser
import lxml.etree
import lxml.html
import trafilatura
from defusedxml import DefusedXmlException

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
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


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


def read_page(html: str, url: str | None = None) -> tuple[str, str, date | None]:
    """(title, article text, publication date) of a web page: the main content only, as trafilatura finds it
    (menus, "most read" lists, related links and comments left out), the date from the page's metadata.
    A page too short for an article (a bare fragment) gives all of its visible text."""
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True, include_comments=False,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    if found is not None and (found.text or "").strip():
        return (found.title or "").strip(), found.text.strip(), parse_date(found.date)
    return _html_title(html), trafilatura.html2txt(html).strip(), None


def html_to_text(html: str) -> tuple[str, str]:
    """(title, article text) of an HTML page or fragment."""
    title, text, _ = read_page(html)
    return title, text


def _fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's description), one line a paragraph."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return " ".join(html.split())
    for element in root.iter(_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _html_title(html: str) -> str:
    match = _TITLE.search(html)
    return " ".join(match.group(1).split()) if match else ""


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", path=str(path)) from error


def stable_id(*parts: str) -> str:
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
    doc_id = str(row.get("doc_id") or row.get("id") or stable_id(path, str(line), text[:200]))
    return Document(
        doc_id=doc_id, text=text, published=parse_date(row.get("published")), language=row.get("language"),
        source=row.get("source"), title=row.get("title"), url=row.get("url"),
    )


def read_jsonl(path: Path, on_problem: Problem) -> Iterator[Document]:
    """Documents of a JSONL file, one a line, streamed (memory stays flat); a bad line is reported and skipped."""
    with open(path, "rb") as handle:
        yield from read_jsonl_stream(handle, str(path), on_problem)


def read_jsonl_stream(handle: BinaryIO, path: str, on_problem: Problem) -> Iterator[Document]:
    """Documents of JSONL read from a buffered binary stream (a file, or a decompressing reader)."""
    head = handle.peek(4096)[:4096]
    if not head.strip():
        raise InputError("empty file", path=path)
    if b"\x00" in head:
        raise InputError("binary file, not text", path=path)
    for number, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            yield document_from_dict(json.loads(line), path, number)
        except UnicodeDecodeError as error:
            on_problem(InputError(f"not UTF-8 text (byte {error.start})", path=path, line=number))
        except json.JSONDecodeError as error:
            on_problem(InputError(f"not JSON: {error.msg}", path=path, line=number))
        except RecursionError:
            on_problem(InputError("JSON nested too deeply", path=path, line=number))
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
    title, published = None, None
    if suffix in _HTML_SUFFIXES:
        title, text, published = read_page(text)
    if not text.strip():
        raise InputError("empty document", path=str(path))
    yield Document(doc_id=stable_id(path.name, text[:500]), text=text, title=title or None, source=path.name,
                   published=published)


def read_feed(xml_text: str | bytes, origin: str, on_problem: Problem) -> Iterator[Document]:
    """Items of an RSS 0.9x/1.0/2.0 or Atom feed (feedparser: broken encodings, HTML in descriptions, dates in any
    form); each item's content or description is its text. The XML is checked with defusedxml first: a feed that
    declares entities (a "billion laughs") or reaches for external ones is refused, never expanded."""
    for document, _ in feed_entries(xml_text, origin, on_problem):
        yield document


def feed_entries(xml_text: str | bytes, origin: str, on_problem: Problem) -> Iterator[tuple[Document, datetime | None]]:
    """The documents of :func:`read_feed`, each with the moment its item was published (UTC) where the feed
    says."""
    data = xml_text.encode("utf-8") if isinstance(xml_text, str) else xml_text
    try:
        defused.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InputError(f"feed refused: it declares XML entities ({type(error).__name__})", path=origin) from error
    except defused.ParseError:
        pass  # broken XML: feedparser's lenient parser reads what it can, without entities
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.version and not parsed.entries:
        problem = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or parsed.get("bozo_exception")
        if parsed.get("bozo"):
            raise InputError(f"not a valid RSS/Atom feed: {problem}", path=origin)
        raise InputError("an XML file, but not an RSS or Atom feed", path=origin)
    for number, entry in enumerate(parsed.entries, 1):
        title = " ".join((entry.get("title") or "").split())
        contents = [c.get("value", "") for c in entry.get("content", ())] or [entry.get("summary") or ""]
        body = "\n".join(_fragment_text(content) if "<" in content else content for content in contents).strip()
        link = (entry.get("link") or "").strip()
        text = "\n".join(part for part in (title, body) if part)
        if not text.strip():
            on_problem(InputError(f"feed item {number} without text", path=origin))
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        moment = datetime(*when[:6], tzinfo=UTC) if when else None
        yield Document(
            doc_id=stable_id(link or title or str(number), text[:300]), text=text, title=title or None, url=link or None,
            published=moment.date() if moment else parse_date(entry.get("published")), source=origin,
        ), moment


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
