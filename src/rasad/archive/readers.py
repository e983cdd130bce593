"""Readers of archives: documents JSONL (plain, gzip, Zstandard), Parquet tables and web archives (WARC).

Each streams its documents (memory stays flat whatever the archive's size) and reports a bad record through
``on_problem``, naming the file and the line, row or record, then goes on with the next one. Anything else
(folders of .txt/.html, feeds) is read by :func:`rasad.ingest.readers.read_documents`.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from rasad.errors import InputError
from rasad.ingest.readers import Problem, document_from_dict, read_documents, read_jsonl_stream, read_page, stable_id
from rasad.model import Document

PARQUET_BATCH_ROWS = 1_000


def archive_kind(path: Path) -> str | None:
    """'jsonl', 'jsonl.gz', 'jsonl.zst', 'parquet' or 'warc' (plain or gzipped) by the file's name; None for others."""
    name = path.name.lower()
    for suffix, kind in ((".jsonl", "jsonl"), (".jsonl.gz", "jsonl.gz"), (".jsonl.zst", "jsonl.zst"),
                         (".parquet", "parquet"), (".warc", "warc"), (".warc.gz", "warc")):
        if name.endswith(suffix):
            return kind
    return None


def estimate_archive(inputs: Iterable[str]) -> int | None:
    """How many documents the inputs hold, where that is cheap to know (lines of plain JSONL, rows of Parquet
    from its footer); None where it is not."""
    total = 0
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file() and archive_kind(p)) if path.is_dir() else [path]
        for file in files:
            kind = archive_kind(file)
            if kind == "jsonl":
                with open(file, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind == "parquet":
                import pyarrow.parquet

                try:
                    total += pyarrow.parquet.ParquetFile(file).metadata.num_rows
                except Exception:  # an unreadable file is reported when it is read
                    return None
            else:
                return None
    return total


def read_archive(inputs: Iterable[str], on_problem: Problem) -> Iterator[Document]:
    """The documents of every input, in order: archive files, folders of them (recursively, by name) and any
    input that :func:`read_documents` reads."""
    for item in inputs:
        path = Path(item)
        if not path.exists():
            on_problem(InputError("no such file or folder", path=item))
            continue
        if path.is_file() and archive_kind(path) is None:
            yield from read_documents([item], on_problem)
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and archive_kind(p)) if path.is_dir() else [path]
        for file in files:
            try:
                yield from _READERS[archive_kind(file)](file, on_problem)
            except InputError as error:
                on_problem(error)
            except (OSError, EOFError, zlib.error) as error:
                on_problem(InputError(f"cannot read: {error}", path=str(file)))


def _read_jsonl(path: Path, on_problem: Problem) -> Iterator[Document]:
    with open(path, "rb") as handle:
        yield from read_jsonl_stream(handle, str(path), on_problem)


def _read_jsonl_gz(path: Path, on_problem: Problem) -> Iterator[Document]:
    with gzip.open(path, "rb") as handle:
        yield from read_jsonl_stream(handle, str(path), on_problem)


def _read_jsonl_zst(path: Path, on_problem: Problem) -> Iterator[Document]:
    import zstandard

    with open(path, "rb") as raw:
        try:
            with io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw)) as handle:
                yield from read_jsonl_stream(handle, str(path), on_problem)
        except zstandard.ZstdError as error:
            raise InputError(f"not a readable Zstandard file: {error}", path=str(path)) from error


def _read_parquet(path: Path, on_problem: Problem) -> Iterator[Document]:
    """Rows of a Parquet table with the columns of docs.jsonl (`text`, and `doc_id`, `published`, … where
    present); a row is reported by its number, counted from 1 like a line."""
    import pyarrow
    import pyarrow.parquet

    try:
        table = pyarrow.parquet.ParquetFile(path)
    except (pyarrow.ArrowException, OSError) as error:
        raise InputError(f"not a readable Parquet file: {error}", path=str(path)) from error
    if "text" not in table.schema_arrow.names:
        raise InputError(f"a Parquet table of documents needs a 'text' column; it has {table.schema_arrow.names}",
                         path=str(path))
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            row = {key: value.isoformat() if isinstance(value, date | datetime) else value for key, value in row.items()}
            try:
                yield document_from_dict(row, str(path), number)
            except InputError as error:
                on_problem(error)


def _read_warc(path: Path, on_problem: Problem) -> Iterator[Document]:
    """The HTML pages a web archive holds (its `response` records), each through the article extractor that
    reads pages elsewhere; a page with no article text is reported by its record's number."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as handle:
        head = handle.read(4096)
        handle.seek(0)
        try:
            first = zlib.decompressobj(wbits=31).decompress(head)[:5] if head[:2] == b"\x1f\x8b" else head[:5]
        except zlib.error:
            first = b""
        if first != b"WARC/":
            raise InputError("not a WARC file: it does not begin with a WARC record", path=str(path))
        try:
            for number, record in enumerate(ArchiveIterator(handle), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                charset = content_type.lower().partition("charset=")[2].split(";")[0].strip() or "utf-8"
                body = record.content_stream().read()
                try:
                    html = body.decode(charset, errors="replace")
                except LookupError:
                    html = body.decode("utf-8", errors="replace")
                title, text, published = read_page(html, url or None)
                if not text.strip():
                    on_problem(InputError(f"record {number} ({url}): no article text", path=str(path)))
                    continue
                # the page's own date only: the crawl's (WARC-Date) may be years later and would misplace "أمس"
                yield Document(doc_id=stable_id(url, text[:300]), text=text, title=title or None, url=url or None,
                               published=published, source=path.name)
        except ArchiveLoadFailed as error:
            raise InputError(f"not a readable WARC file: {error}", path=str(path)) from error


_READERS = {"jsonl": _read_jsonl, "jsonl.gz": _read_jsonl_gz, "jsonl.zst": _read_jsonl_zst, "parquet": _read_parquet,
            "warc": _read_warc}
