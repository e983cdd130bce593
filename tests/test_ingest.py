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


NEWS_PAGE = """<html><head><title>موقع الأخبار | انفجار في الحسكة</title>
<meta property="article:published_time" content="2025-03-02T10:00:00Z"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sy">سوريا</a> <a href="/iq">العراق</a></nav>
<article><h1>انفجار في الحسكة</h1>
<p>انفجرت عبوة ناسفة في حي الصالحية بمدينة الحسكة صباح اليوم ما أدى إلى إصابة شخصين بجروح.</p>
<p>وقالت مصادر محلية إن الانفجار وقع قرب دوار في الحي وإن فرق الإسعاف نقلت المصابين إلى المستشفى.</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">مقتل عشرة مسلحين في غارة على قضاء الحضر</a></li>
<li><a href="/b">اشتباكات في بادية الميادين</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_a_news_page_gives_its_article_title_and_date_without_menus_or_most_read_lists(tmp_path):
    (tmp_path / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    (document,), problems = collect([tmp_path / "page.html"])
    assert problems == [] and document.title == "انفجار في الحسكة" and str(document.published) == "2025-03-02"
    assert "انفجرت عبوة ناسفة" in document.text and "فرق الإسعاف" in document.text
    for boilerplate in ("الأكثر قراءة", "مقتل عشرة مسلحين", "الرئيسية", "جميع الحقوق"):
        assert boilerplate not in document.text


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
    assert documents == [] and str(problems[0]) == "https://example.org/feed.xml: feed item 1 without text"
    documents, problems = collect(["https://example.org/feed.xml"], FakeTransport("no feed here at all"))
    assert documents == [] and "not a valid RSS/Atom feed" in str(problems[0])


def test_a_feed_that_declares_entities_is_refused_unexpanded():
    laughs = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              '<rss><channel><item><title>&b;</title><description>x</description></item></channel></rss>')
    documents, problems = collect(["https://example.org/feed.xml"], FakeTransport(laughs))
    assert documents == [] and "declares XML entities" in str(problems[0])


def test_an_atom_feed_with_html_content_and_an_iso_date():
    feed = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>اعتقالات</title><link href="https://example.org/2"/><updated>2025-03-12T08:00:00+03:00</updated>
        <content type="html">&lt;div&gt;&lt;p&gt;{ARREST}&lt;/p&gt;&lt;p&gt;فقرة ثانية&lt;/p&gt;&lt;/div&gt;
        </content></entry>
    </feed>"""
    (document,), problems = collect(["https://example.org/atom.xml"], FakeTransport(feed))
    assert problems == [] and str(document.published) == "2025-03-12" and document.url == "https://example.org/2"
    assert document.text.splitlines() == ["اعتقالات", ARREST, "فقرة ثانية"]


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
