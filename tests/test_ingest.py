import json

import pytest

from rasad.errors import InputError
from rasad.ingest.readers import html_to_text, read_documents

ARREST = "اعتقلت الشرطة يوم الاثنين ثلاثة مطلوبين في قضاء الحويجة."


def collect(paths, transport=None):
    problems: list[InputError] = []
    documents = list(read_documents([str(p) for p in paths], problems.append, transport))
    return documents, problems


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")


def test_documents_jsonl_is_read_with_its_metadata(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"doc_id": "a", "published": "2025-03-12", "language": "ar", "source": "x", "title": "t",
                        "text": ARREST}])
    (document,), problems = collect([path])
    assert (document.doc_id, str(document.published), document.source) == ("a", "2025-03-12", "x")
    assert problems == []


def test_a_bad_jsonl_line_is_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"doc_id": "a", "text": ARREST}, "{not json", {"doc_id": "c", "text": ARREST}])
    documents, problems = collect([path])
    assert [d.doc_id for d in documents] == ["a", "c"]
    assert len(problems) == 1 and str(problems[0]).startswith(f"{path}:2: not JSON")


def test_a_document_without_text_is_reported(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"doc_id": "a", "text": "  "}, {"doc_id": "b", "title": "only a title"}])
    documents, problems = collect([path])
    assert documents == [] and [str(p) for p in problems] == [f"{path}:1: document without text",
                                                            f"{path}:2: document without text"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "اعتقال".encode("cp1256"), "not UTF-8"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("empty.jsonl", b"", "empty file"),
    ],
)
def test_unreadable_files_are_named_and_skipped(tmp_path, name, content, message):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.txt").write_text(ARREST, encoding="utf-8")
    documents, problems = collect([folder])
    assert len(documents) == 1
    assert len(problems) == 1 and name in str(problems[0]) and message in str(problems[0])


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path):
    documents, problems = collect([tmp_path / "nowhere.jsonl"])
    assert documents == [] and "no such file" in str(problems[0])


def test_html_keeps_visible_text_and_drops_scripts():
    title, text = html_to_text("<html><title>خبر</title><script>alert(1)</script><p>فقرة أولى</p><p>فقرة ثانية</p>")
    assert title == "خبر"
    assert text == "فقرة أولى\nفقرة ثانية"


class FakeTransport:
    def __init__(self, body: str) -> None:
        self.body = body
        self.urls: list[str] = []

    def fetch(self, url: str) -> str:
        self.urls.append(url)
        return self.body


def test_an_rss_feed_url_is_read_through_the_transport():
    feed = f"""<?xml version="1.0"?><rss><channel>
      <item><title>اعتقالات</title><link>https://example.org/1</link>
        <pubDate>Wed, 12 Mar 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;{ARREST}&lt;/p&gt;</description></item>
    </channel></rss>"""
    transport = FakeTransport(feed)
    (document,), problems = collect(["https://example.org/feed.xml"], transport)
    assert transport.urls == ["https://example.org/feed.xml"]
    assert str(document.published) == "2025-03-12" and ARREST in document.text and problems == []


def test_a_broken_feed_is_reported():
    documents, problems = collect(["https://example.org/feed.xml"], FakeTransport("<rss><item>"))
    assert documents == [] and "not a valid RSS/Atom feed" in str(problems[0])


# -- rough input loses nothing else (issue 12: 11) ------------------------------------------------------------
def test_a_field_of_the_wrong_type_or_a_deeply_nested_line_is_named_and_the_rest_is_stored(tmp_path):
    from rasad.extract.base import get_extractor
    from rasad.pipeline import run_ingest
    from rasad.store.store import open_store

    path = tmp_path / "docs.jsonl"
    rows = [{"doc_id": f"d{n}", "text": ARREST.replace("ثلاثة", str(n + 3))} for n in range(30)]
    rows[4]["source"] = {"name": "an object where text belongs"}
    write_jsonl(path, [*rows[:10], "[" * 50_000 + "]" * 50_000, *rows[10:]])
    problems: list[InputError] = []
    with open_store(str(tmp_path / "x.db")) as store:
        run_ingest([str(path)], store, get_extractor("rules"), problems.append)
        stored = store.counts()["documents"]
    assert stored == 29
    assert [str(p) for p in problems] == [f"{path}:5: source must be text, not dict",
                                          f"{path}:11: JSON nested too deeply"]


def test_an_xml_file_that_is_not_a_feed_is_named(tmp_path):
    (tmp_path / "page.xml").write_text("<html><body><p>نص</p></body></html>", encoding="utf-8")
    documents, problems = collect([tmp_path / "page.xml"])
    assert documents == [] and "not an RSS or Atom feed" in str(problems[0])


@pytest.mark.parametrize(("content", "message"), [(None, "no such file"), (b"\x89PNG\x00\x00", "binary file")])
def test_rasad_input_names_a_missing_or_binary_file(tmp_path, content, message):
    from click.testing import CliRunner

    from rasad.cli import main

    path = tmp_path / "reports.jsonl"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["input", "field-report", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert str(path) in result.output


def test_a_document_over_the_size_limit_is_named_and_the_rest_is_read(tmp_path):
    from rasad.ingest.readers import MAX_TEXT_CHARS

    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"doc_id": "big", "text": "أ" * (MAX_TEXT_CHARS + 1)}, {"doc_id": "ok", "text": ARREST}])
    documents, problems = collect([path])
    assert [d.doc_id for d in documents] == ["ok"]
    assert str(problems[0]).startswith(f"{path}:1: a document of") and "split it" in str(problems[0])
