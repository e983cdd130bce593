from datetime import date

import pytest

from rasad.errors import InputError, StoreError
from rasad.extract.base import get_extractor
from rasad.model import Document
from rasad.pipeline import run_ingest
from rasad.store.store import EventFilter, open_store

REPORT_A = "اعتقلت الشرطة يوم الاثنين خمسة من عناصر داعش في قضاء الحويجة."
REPORT_B = "أعلنت قيادة الشرطة أن مفارزها ألقت القبض على ستة مطلوبين في الحويجة يوم الاثنين."
REPORT_C = "انفجرت عبوة ناسفة يوم الاثنين في مدينة الرمادي ما أدى إلى مقتل اثنين."


def docs_file(tmp_path, rows):
    import json

    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def ingest(store, path):
    return run_ingest([path], store, get_extractor("rules"), lambda e: None)


def rows(*texts, published="2025-03-12"):
    return [{"doc_id": f"d{i}", "published": published, "text": t} for i, t in enumerate(texts)]


def test_reports_of_one_incident_fuse_into_one_event_with_every_source(tmp_path, store):
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_B, REPORT_C)))
    items, total = store.query_events(EventFilter())
    assert total == 2
    arrest = next(e for e in items if e["sub_event_type"] == "Arrests")
    assert arrest["source_count"] == 2
    assert arrest["arrested"] == 5  # the lowest reported figure (ACLED)
    detail = store.event(arrest["event_id"])
    assert sorted(m["arrested"] for m in detail["mentions"]) == [5, 6]  # every figure stays visible


@pytest.mark.parametrize("order", [1, -1])
def test_a_town_and_the_countryside_or_district_around_it_are_one_incident_whichever_is_told_first(
        tmp_path, store, order):
    town = "انفجرت عبوة ناسفة بدورية لقسد في بلدة هجين أمس، ما أسفر عن مقتل عنصرين."
    countryside = "قتل عنصران من قسد بانفجار عبوة ناسفة في ريف دير الزور الشرقي أمس."  # 90 km from the city
    other = "انفجرت عبوة ناسفة بدورية لقسد في بلدة الطبقة أمس، ما أسفر عن مقتل عنصرين."  # another governorate
    near = "انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية أمس، ما أسفر عن مقتل جنديين."
    north = "قتل جنديان بانفجار عبوة ناسفة استهدفت دورية للجيش شمال بغداد أمس."  # Baghdad, 40 km from Tarmiyah
    ingest(store, docs_file(tmp_path, rows(*[town, countryside, other, near, north][::order])))
    items, total = store.query_events(EventFilter())
    assert total == 3
    assert sorted(e["source_count"] for e in items) == [1, 2, 2]
    assert {(e["location"], e["admin1"]) for e in items if e["source_count"] == 2} >= {("Hajin", "Deir-ez-Zor")}
    assert {e["admin1"] for e in items if e["source_count"] == 2} == {"Deir-ez-Zor", "Baghdad"}


def test_ingesting_the_same_documents_twice_changes_nothing(tmp_path, store):
    path = docs_file(tmp_path, rows(REPORT_A, REPORT_C))
    ingest(store, path)
    before = (store.counts(), store.query_events(EventFilter())[0])
    report = ingest(store, path)
    assert report.seen == 2 and report.new == 0
    assert (store.counts(), store.query_events(EventFilter())[0]) == before


def test_a_copied_report_is_stored_as_a_duplicate_and_does_not_corroborate(tmp_path, store):
    copy = [{"doc_id": "copy", "published": "2025-03-12", "text": REPORT_A + "  "}]
    ingest(store, docs_file(tmp_path, rows(REPORT_A) + copy))
    (event,), _ = store.query_events(EventFilter())
    assert event["source_count"] == 1


def test_event_ids_are_stable_across_stores(tmp_path, store):
    other = open_store(str(tmp_path / "other.db"))
    ids = []
    for handle in (store, other):
        ingest(handle, docs_file(tmp_path, rows(REPORT_A, REPORT_C)))
        ids.append(sorted(e["event_id"] for e in handle.query_events(EventFilter())[0]))
    other.close()
    assert ids[0] == ids[1]


def test_filters(tmp_path, store):
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_C)))
    assert store.query_events(EventFilter(admin1="kirkuk"))[1] == 1
    assert store.query_events(EventFilter(event_type="Explosions/Remote violence"))[1] == 1
    assert store.query_events(EventFilter(near=(33.42, 43.31, 20)))[1] == 1  # Ramadi
    assert store.query_events(EventFilter(since="2025-03-11"))[1] == 0


def test_full_text_search_normalises_arabic(tmp_path, store):
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_C)))
    (event,), total = store.query_events(EventFilter(text="عبوه ناسفه"))  # ه for ة still finds it
    assert total == 1 and event["location"] == "Ramadi"


def test_a_failure_mid_ingest_keeps_committed_batches_and_writes_nothing_half(tmp_path, store, monkeypatch):
    import rasad.pipeline as pipeline

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    extractor = get_extractor("rules")
    calls = {"n": 0}

    class Crashing:
        name = "crashing"

        def extract(self, document: Document):
            calls["n"] += 1
            if calls["n"] == 3:
                raise RuntimeError("killed")
            return extractor.extract(document)

    path = docs_file(tmp_path, rows(REPORT_A, REPORT_C, REPORT_B, REPORT_C))
    with pytest.raises(RuntimeError):
        run_ingest([path], store, Crashing(), lambda e: None)
    counts = store.counts()
    assert counts["documents"] == 2  # the first batch; nothing of the second
    orphans = store.db.execute("SELECT count(*) AS n FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)")
    assert orphans.fetchone()["n"] == 0


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all " * 100)
    with pytest.raises(StoreError, match="not a Rasad store"):
        open_store(str(bad))


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2")


def test_migrations_are_recorded(store):
    from rasad.store.migrations import MIGRATIONS

    latest = MIGRATIONS[store.db.dialect][-1][0]
    assert latest == 20 and store.db.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()["v"] == latest
    assert store.migrate() == latest  # applying again changes nothing


def test_the_migration_marks_the_events_whose_sources_already_disagreed(store):
    from rasad.model import Document, Event
    from rasad.store.migrations import MIGRATIONS

    with store.transaction():
        for n, killed in enumerate((6, 8)):
            store.add_document(Document(doc_id=f"o{n}", text=f"تقرير {n}"))
            store.add_mention(Event(doc_id=f"o{n}", event_type="Battles", sub_event_type="Armed clash",
                                    event_date="2025-03-10", admin1="Kirkuk", country="IQ", location="Hawija",
                                    latitude=35.3, longitude=43.8, geo_precision=1, fatalities=killed), 0)
        store.db.execute("UPDATE events SET conflicting = 0")  # as a store made before migration 15 holds them
        backfill = next(line for line in dict(MIGRATIONS[store.db.dialect])[15].split(";") if "UPDATE" in line)
        store.db.execute(backfill)
    assert [e["conflicting"] for e in store.query_events(EventFilter())[0]] == [1]


def test_sqlite_uses_the_write_ahead_log(tmp_path):
    handle = open_store(str(tmp_path / "wal.db"))
    assert handle.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    handle.close()


def test_a_syndicated_copy_with_other_furniture_is_a_near_duplicate(tmp_path, store):
    body = ("أعلنت قيادة العمليات المشتركة يوم الاثنين مقتل أربعة مسلحين من تنظيم داعش في اشتباكات مع قوة أمنية "
            "قرب قضاء الحويجة غربي كركوك، فيما أصيب جنديان بجروح طفيفة نقلا على إثرها إلى المستشفى. وأوضحت أن القوة "
            "كانت تنفذ عملية تفتيش في القرى المحيطة بالقضاء بناء على معلومات استخبارية دقيقة.")
    copy = "موقع آخر | أخبار العراق\n" + body + "\nتابعونا على مواقع التواصل."
    different = "اعتقلت الشرطة يوم الاثنين ثلاثة مطلوبين في مدينة الرمادي بعد عملية دهم لمنازلهم في حي التأميم."
    report = ingest(store, docs_file(tmp_path, rows(body, copy, different)))
    assert (report.new, report.duplicates) == (2, 1)
    clash = next(e for e in store.query_events(EventFilter())[0] if e["event_type"] == "Battles")
    assert clash["source_count"] == 1


def test_the_same_words_weeks_apart_are_another_incident_not_a_copy(tmp_path, store):
    # an outlet's template ("an attack killed two SDF members in the eastern countryside") told again a month on
    text = "قتل عنصران من قسد بهجوم لمسلحي داعش على نقطة عسكرية في بلدة الشحيل بريف دير الزور الشرقي مساء أمس."
    first = {"doc_id": "a", "published": "2025-03-12", "text": text}
    week_on = {"doc_id": "b", "published": "2025-03-18", "text": text}
    month_on = {"doc_id": "c", "published": "2025-04-20", "text": text}
    report = ingest(store, docs_file(tmp_path, [first, week_on, month_on]))
    assert (report.new, report.duplicates) == (2, 1)
    assert len(store.query_events(EventFilter())[0]) == 2


def test_the_same_url_under_another_id_is_a_duplicate(tmp_path, store):
    first = {"doc_id": "a", "published": "2025-03-12", "text": REPORT_A, "url": "https://example.org/news/1"}
    again = {"doc_id": "b", "published": "2025-03-12", "text": REPORT_A + " (محدث)", "url": "https://example.org/news/1"}
    report = ingest(store, docs_file(tmp_path, [first, again]))
    assert (report.new, report.duplicates) == (1, 1)


def test_counts_by_cell_add_up_to_every_placed_event_of_the_filter(tmp_path, store):
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_C, "انفجرت عبوة ناسفة يوم الاثنين في قضاء تلعفر.")))
    placed = [e for e in store.iter_events(EventFilter()) if e["latitude"] is not None]
    assert len(placed) == 3
    for degrees in (0.25, 0.5):  # the indexed quarter degree, and any other size
        cells = store.cells(EventFilter(), degrees)
        assert sum(cell["count"] for cell in cells) == 3
        assert sum(cell["types"].get("Strategic developments", 0) for cell in cells) == 1
    hawija = next(e for e in placed if e["admin1"] == "Kirkuk")
    (cell,) = store.cells(EventFilter(admin1="Kirkuk"), 0.25)
    assert cell["count"] == 1 and (cell["latitude"], cell["longitude"]) == (round(hawija["latitude"], 4),
                                                                            round(hawija["longitude"], 4))


def test_a_copy_is_found_among_many_reports_that_share_a_sites_boilerplate(store):
    from rasad.model import Document

    footer = "جميع الحقوق محفوظة لموقع الأخبار المحلي ولا يجوز النقل أو الاقتباس دون ذكر المصدر بشكل واضح وصريح للقراء."
    bodies = [f"تقرير رقم {n}: " + " ".join(f"كلمة{n}_{k}" for k in range(40)) + "." for n in range(40)]
    with store.transaction():
        for n, body in enumerate(bodies):
            assert store.add_document(Document(doc_id=f"s{n}", text=f"{body}\n{footer}")) == "new"
        copy = Document(doc_id="copy", text=f"{bodies[37]}\n{footer}\nنشر على موقع آخر.")
        assert store.add_document(copy) == "duplicate"
        fresh = Document(doc_id="fresh", text="تقرير جديد: " + " ".join(f"لفظ{k}" for k in range(40)) + f".\n{footer}")
        assert store.add_document(fresh) == "new"
    assert store.document("copy")["duplicate_of"] == "s37"


def test_saved_views_are_per_user_replaced_by_name_and_keep_filters_only(store):
    from rasad.errors import NotFound

    first = store.save_view("omar", "kirkuk", "?admin1=Kirkuk&type=Battles")
    again = store.save_view("omar", "kirkuk", "admin1=Kirkuk&since=2025-01-01")
    store.save_view("lina", "kirkuk", "admin1=Kirkuk")
    (view,) = store.views("omar")
    assert view["query"] == "admin1=Kirkuk&since=2025-01-01" and again != first
    with pytest.raises(InputError, match="filters only"):
        store.save_view("omar", "odd", "admin1=Kirkuk&event=evt_123")
    with pytest.raises(NotFound):
        store.remove_view(view["view_id"], "lina")  # not hers
    store.remove_view(view["view_id"], "omar")
    assert store.views("omar") == [] and len(store.views("lina")) == 1


def test_a_batch_writes_its_search_texts_at_once_and_they_are_found(store, tmp_path):
    from rasad.extract.base import get_extractor
    from rasad.model import Document
    from rasad.pipeline import RunReport, store_batch

    texts = ["اعتقلت الشرطة خمسة مطلوبين في قضاء الحويجة يوم الاثنين.",
             "انفجرت عبوة ناسفة في مدينة الرمادي يوم الاثنين ما أدى إلى مقتل اثنين.",
             "اندلعت اشتباكات قرب مدينة الفلوجة يوم الاثنين أسفرت عن مقتل ثلاثة مسلحين."]
    batch = [Document(doc_id=f"b{n}", text=text) for n, text in enumerate(texts)]
    store_batch(store, batch, {}, get_extractor("rules"), RunReport())
    assert store._one("SELECT count(*) FROM documents_fts") == 3  # written at the batch's end, with COPY on PostgreSQL
    from rasad.fuse.dedup import bands
    from rasad.store.store import prepare_document

    assert store._one("SELECT count(*) FROM document_bands") == sum(len(bands(prepare_document(d).signature)) for d in batch)
    found, total = store.query_events(EventFilter(text="الرمادي"))
    assert total == 1 and found[0]["location"] == "Ramadi"
    # a failed batch leaves no search text behind
    with pytest.raises(ValueError):
        store_batch(store, [Document(doc_id="b9", text="نص آخر عن مدينة الموصل")], {}, None, RunReport())
    assert store._one("SELECT count(*) FROM documents_fts") == 3 and store._search_rows is None


def test_a_batch_writes_its_events_history_at_once_in_order(tmp_path, store):
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_B, REPORT_C)))
    arrest = next(e for e in store.query_events(EventFilter())[0] if e["sub_event_type"] == "Arrests")
    steps = [(step["action"], step["detail"]["doc_id"]) for step in store.history(arrest["event_id"])]
    assert steps == [("created", "d0"), ("source added", "d1")]  # written at the batch's end, with COPY on PostgreSQL
    assert store._history_rows is None


def test_the_near_duplicate_look_up_reads_each_band_through_its_ordered_index(store):
    """A band every report shares (a site's boilerplate) costs 30 rows, not one row a report: the plan reads the
    band's index in doc_id order, with no sort and no scan of the table."""
    from rasad.fuse.dedup import sketch

    signature = sketch("نص تجريبي لتقرير عن هجوم على حاجز أمني في قضاء الطارمية شمال بغداد يوم الاثنين")
    store.add_document(Document(doc_id="one", text="نص تجريبي لتقرير عن هجوم على حاجز أمني في قضاء الطارمية"))
    explain = "EXPLAIN QUERY PLAN" if store.db.dialect == "sqlite" else "EXPLAIN"
    captured = []
    execute = store.db.execute

    def capture(sql, params=()):
        if "document_bands" in sql and "UNION ALL" in sql:
            captured.append([" ".join(str(value) for value in dict(row).values())
                             for row in execute(f"{explain} {sql}", params).fetchall()])
        return execute(sql, params)

    if store.db.dialect == "postgresql":
        execute("SET enable_seqscan = off")  # a table of one report: have the planner show what it would use
    store.db.execute = capture
    store._near_duplicate(signature, None)
    plan = " ".join(captured[0])
    assert plan.count("document_bands_band_doc") == 8  # each band through the index that orders it
    # SQLite sorts only the few candidates and then the five best, whose sketches alone are read
    assert plan.count("TEMP B-TREE FOR ORDER BY") <= 2
    assert "SCAN d" not in plan and "SCAN documents" not in plan


def test_a_new_event_is_fused_as_it_would_be_from_its_stored_mentions(tmp_path, store):
    # a mention that starts an event is fused without reading it back: the record must equal the one recomputed
    # from the stored mentions, and an event that another report then joins is recomputed from both
    ingest(store, docs_file(tmp_path, rows(REPORT_A, REPORT_C)))
    before = {e["event_id"]: e for e in store.query_events(EventFilter())[0]}
    with store.transaction():
        store.settle(set(before))
    after = {e["event_id"]: e for e in store.query_events(EventFilter())[0]}
    drop = ("updated_at",)
    assert {k: {f: v for f, v in e.items() if f not in drop} for k, e in before.items()} == {
        k: {f: v for f, v in e.items() if f not in drop} for k, e in after.items()}


def test_a_batch_of_mentions_in_their_stored_form_stores_what_their_events_would(tmp_path):
    from rasad.extract.base import get_extractor
    from rasad.model import Document
    from rasad.pipeline import RunReport, store_batch
    from rasad.store.store import mention_record

    texts = ["انفجرت عبوة ناسفة في مدينة الرمادي يوم الاثنين ما أدى إلى مقتل اثنين.",
             "قتل شخصان بانفجار عبوة ناسفة في الرمادي يوم الاثنين.",
             "اعتقلت الشرطة خمسة مطلوبين في قضاء الحويجة يوم الاثنين."]
    batch = [Document(doc_id=f"r{n}", text=text, published=date(2025, 3, 11)) for n, text in enumerate(texts)]
    extracted = {d.doc_id: get_extractor("rules").extract(d) for d in batch}
    by_events, by_records = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    store_batch(by_events, batch, extracted, None, RunReport())
    store_batch(by_records, batch, {doc_id: [mention_record(e, date(2025, 3, 11)) for e in events]
                                    for doc_id, events in extracted.items()}, None, RunReport())

    def rows(store):
        return [{k: v for k, v in dict(row).items() if k not in ("created_at", "updated_at")}
                for row in store.db.execute("SELECT * FROM events ORDER BY event_id")]

    assert len(rows(by_events)) == 2 and rows(by_events) == rows(by_records)
    assert [tuple(r) for r in by_events.db.execute("SELECT mention_id, event_id, data FROM mentions ORDER BY 1")] == [
        tuple(r) for r in by_records.db.execute("SELECT mention_id, event_id, data FROM mentions ORDER BY 1")]


def test_the_near_duplicate_look_up_of_a_batch_finds_what_one_query_a_report_finds(tmp_path):
    """The bands a batch reads once (SQLite, within bulk()) give the same copies as a query a report: reports whose
    first hashes many share (more than the 30 read a band, more than the five best), added in an order other than
    their IDs', some of them near copies."""
    import random

    from rasad.store.store import PreparedDocument

    rng = random.Random(7)
    forms, near_copies = [], set()
    for k in range(300):
        doc_id = f"{rng.randrange(10**6):06d}-{k}"
        own = {rng.randrange(10**3, 10**7) for _ in range(40)}  # the report's own hashes, after its first eight
        if forms and rng.random() < 0.3:  # a near copy of an earlier report: two of its first eight changed
            near_copies.add(doc_id)
            original = rng.choice(forms)[1].signature
            first = set(rng.sample(original[:8], 6)) | {rng.randrange(10, 40) for _ in range(2)}
            own = set(original[8:-3]) | {rng.randrange(10**3, 10**7) for _ in range(3)}
        else:  # first hashes many reports share: a band holds a hundred reports or more
            first = {rng.randrange(10) for _ in range(5)} | {rng.randrange(10, 40) for _ in range(3)}
        signature = sorted(first | own)
        day = f"2025-03-{rng.randrange(10, 14)}"
        forms.append((Document(doc_id=doc_id, text=doc_id, published=date.fromisoformat(day)),
                      PreparedDocument(text_hash=doc_id, signature=signature, body=doc_id)))
    one_by_one, batched = open_store(str(tmp_path / "one.db")), open_store(str(tmp_path / "batched.db"))
    for document, form in forms:
        one_by_one.add_document(document, prepared=form)
    for start in range(0, len(forms), 50):
        batch = forms[start : start + 50]
        with batched.transaction(), batched.bulk(form.signature for _, form in batch):
            for document, form in batch:
                batched.add_document(document, prepared=form)
    copies = "SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id"
    expected = [tuple(row) for row in one_by_one.db.execute(copies).fetchall()]
    found = {doc_id for doc_id, original in expected if original is not None}
    assert 10 < len(found & near_copies) < len(near_copies)  # copies found, and some the bands read left out
    assert [tuple(row) for row in batched.db.execute(copies).fetchall()] == expected
