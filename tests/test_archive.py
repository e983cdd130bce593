"""Archives (issue 16): JSONL, compressed JSONL, Parquet and WARC read as documents; extraction on a Dask cluster
leaves the store identical to a single-process ingest, and a rerun after an interruption goes on from there."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from rasad.archive.readers import estimate_archive, read_archive
from rasad.demo.generator import generate
from rasad.errors import InputError
from rasad.extract.base import get_extractor
from rasad.pipeline import run_ingest
from rasad.store.store import open_store

REPORTS = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    path = folder / "reports.jsonl"
    rows = [document for document, _ in generate(REPORTS, seed=11)]
    rows.append(dict(rows[3], doc_id="copy-of-3"))  # a syndicated copy: a duplicate, whatever the worker
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as running:
        yield running
    cluster.close()


def store_state(path: Path) -> dict[str, list]:
    """Everything ingest decides, in a comparable form: events with their fused fields, which report's mention
    went to which event, and which report is a copy of which (times of writing left out)."""
    with open_store(str(path)) as store:
        db = store.db
        events = [dict(row) for row in db.execute("SELECT * FROM events ORDER BY event_id")]
        for event in events:
            event.pop("created_at"), event.pop("updated_at")
        mentions = [tuple(row) for row in db.execute("SELECT event_id, doc_id, data FROM mentions ORDER BY mention_id")]
        documents = [tuple(row) for row in db.execute(
            "SELECT doc_id, text_hash, duplicate_of, minhash FROM documents ORDER BY doc_id")]
        return {"events": events, "mentions": mentions, "documents": documents}


def single_process(corpus: Path, path: Path) -> dict[str, list]:
    with open_store(str(path)) as store:
        run_ingest([str(corpus)], store, get_extractor("rules"), lambda error: None)
    return store_state(path)


def test_the_store_ends_identical_to_a_single_process_ingest(corpus, client, tmp_path):
    from rasad.archive.parallel import archive_ingest

    expected = single_process(corpus, tmp_path / "one.db")
    progress = []
    with open_store(str(tmp_path / "many.db")) as store:
        report = archive_ingest(read_archive([str(corpus)], lambda error: None), store, client, batch_size=16,
                                total=estimate_archive([str(corpus)]), on_progress=progress.append)
    assert (report.documents, report.new, report.duplicates) == (REPORTS + 1, REPORTS, 1)
    assert store_state(tmp_path / "many.db") == expected
    assert len(expected["events"]) > 50
    assert progress[-1].stored == progress[-1].total == REPORTS + 1 and progress[-1].workers == 2
    assert "ETA" in progress[0].line() and len(progress[0].busy) == 2  # each worker's tasks, by address
    # where the driver's time went, and each worker's memory, for the scaling figures of `make bench`
    assert 0 < report.write_seconds < report.wall_seconds and 0 <= report.wait_seconds < report.wall_seconds
    assert len(report.worker_memory_mb) == 2 and all(50 < mb < 4000 for mb in report.worker_memory_mb.values())
    assert report.timing_line().startswith("writes ") and "(the serial part)" in report.timing_line()


def test_ready_batches_share_a_transaction_and_the_store_ends_the_same(corpus, client, tmp_path, monkeypatch):
    from rasad.archive import parallel

    expected = single_process(corpus, tmp_path / "one.db")
    real_submit, real_store_batch, written = client.submit, parallel.store_batch, []

    def finished_submit(function, documents, *args, **kwargs):  # every batch ready before the driver writes
        future = real_submit(function, documents, *args, **kwargs)
        future.result()
        return future

    def counting_store_batch(store, batch, *args, **kwargs):
        written.append(len(batch))
        return real_store_batch(store, batch, *args, **kwargs)

    monkeypatch.setattr(parallel, "store_batch", counting_store_batch)
    client.submit = finished_submit
    try:
        with open_store(str(tmp_path / "many.db")) as store:
            parallel.archive_ingest(read_archive([str(corpus)], lambda error: None), store, client, batch_size=16)
    finally:
        del client.submit
    assert sum(written) == REPORTS + 1 and max(written) > 16 and max(written) <= 16 * parallel.BATCHES_PER_TRANSACTION
    assert store_state(tmp_path / "many.db") == expected


def test_a_rerun_after_an_interruption_goes_on_without_extracting_again(corpus, client, tmp_path):
    from rasad.archive import parallel

    expected = single_process(corpus, tmp_path / "one.db")

    def interrupt(progress):
        if progress.stored >= 48:
            raise KeyboardInterrupt

    with open_store(str(tmp_path / "many.db")) as store, pytest.raises(KeyboardInterrupt):
        parallel.archive_ingest(read_archive([str(corpus)], lambda error: None), store, client, batch_size=16,
                                on_progress=interrupt)
    with open_store(str(tmp_path / "many.db")) as store:
        kept = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert 48 <= kept < REPORTS
        submitted = []
        real_submit = client.submit

        def counting_submit(function, documents, *args, **kwargs):
            submitted.extend(document.doc_id for document in documents)
            return real_submit(function, documents, *args, **kwargs)

        client.submit = counting_submit
        try:
            report = parallel.archive_ingest(read_archive([str(corpus)], lambda error: None), store, client,
                                             batch_size=16)
        finally:
            del client.submit
    assert report.seen == kept and len(submitted) == REPORTS + 1 - kept  # nothing stored is extracted again
    assert store_state(tmp_path / "many.db") == expected


# -- readers --------------------------------------------------------------------------------------------------

ROWS = [{"doc_id": "a1", "text": "اعتقلت القوات الأمنية ثلاثة مطلوبين في قضاء الحويجة أمس.", "published": "2025-03-10"},
        {"doc_id": "a2", "text": "انفجرت عبوة ناسفة في مدينة الرقة يوم الأحد.", "published": "2025-03-10"}]


def read_all(paths: list[Path]) -> tuple[list, list[InputError]]:
    problems: list[InputError] = []
    return list(read_archive([str(p) for p in paths], problems.append)), problems


def jsonl_bytes(rows: list) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def test_compressed_jsonl_reads_like_plain_jsonl(tmp_path):
    import zstandard

    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(ROWS)))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(jsonl_bytes(ROWS[::-1])))
    documents, problems = read_all([tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.zst"])
    assert [d.doc_id for d in documents] == ["a1", "a2", "a2", "a1"] and not problems
    assert str(documents[0].published) == "2025-03-10"


def test_a_bad_line_in_a_compressed_file_is_named_and_the_rest_is_read(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_bytes(ROWS[:1]) + b"{not json\n" + jsonl_bytes(ROWS[1:])))
    documents, problems = read_all([path])
    assert [d.doc_id for d in documents] == ["a1", "a2"]
    assert [(p.path, p.line) for p in problems] == [(str(path), 2)]


def test_a_truncated_gzip_file_keeps_what_was_read_and_says_which_file(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_bytes(ROWS * 200))[:-40])
    documents, problems = read_all([path])
    assert len(documents) >= 1 and len(problems) == 1 and problems[0].path == str(path)


def test_parquet_rows_are_documents_and_a_bad_row_is_named(tmp_path):
    import datetime

    import pyarrow
    import pyarrow.parquet

    table = pyarrow.table({"doc_id": ["p1", "p2", "p3"], "text": [ROWS[0]["text"], "", ROWS[1]["text"]],
                           "published": [datetime.date(2025, 3, 10)] * 3})
    path = tmp_path / "docs.parquet"
    pyarrow.parquet.write_table(table, path)
    documents, problems = read_all([path])
    assert [d.doc_id for d in documents] == ["p1", "p3"] and str(documents[0].published) == "2025-03-10"
    assert [(p.path, p.line) for p in problems] == [(str(path), 2)]
    assert estimate_archive([str(path)]) == 3


def test_a_parquet_table_without_text_is_refused_by_name(tmp_path):
    import pyarrow
    import pyarrow.parquet

    path = tmp_path / "other.parquet"
    pyarrow.parquet.write_table(pyarrow.table({"body": ["x"]}), path)
    documents, problems = read_all([path])
    assert documents == [] and "'text' column" in str(problems[0]) and problems[0].path == str(path)


def warc_with(pages: list[tuple[str, str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, content_type, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers))
    return out.getvalue()


ARTICLE = """<html><head><title>اعتقال مطلوبين</title></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>اعتقال مطلوبين في الحويجة</h1>
<p>اعتقلت القوات الأمنية العراقية ثلاثة مطلوبين بتهم إرهابية في قضاء الحويجة غربي كركوك يوم الاثنين الماضي،
بحسب بيان رسمي صدر عن قيادة العمليات المشتركة اليوم.</p>
<p>وأضاف البيان أن المعتقلين نقلوا إلى جهة مختصة لاستكمال الإجراءات القانونية بحقهم.</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li>مباراة الفريقين تنتهي بالتعادل</li></ul></aside></body></html>"""


def test_a_web_archive_gives_the_article_of_each_html_page(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_with([("https://news.example/a/1", "text/html; charset=utf-8", ARTICLE),
                                ("https://news.example/logo.png", "image/png", "PNG"),
                                ("https://news.example/empty", "text/html", "<html><body></body></html>")]))
    documents, problems = read_all([path])
    assert len(documents) == 1
    document = documents[0]
    assert document.url == "https://news.example/a/1" and "ثلاثة مطلوبين" in document.text
    assert "الأكثر قراءة" not in document.text and "رياضة" not in document.text
    assert len(problems) == 1 and "record" in str(problems[0]) and problems[0].path == str(path)


def test_a_file_that_is_not_a_warc_is_named(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    documents, problems = read_all([path])
    assert documents == [] and problems and problems[0].path == str(path)
