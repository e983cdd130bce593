from __future__ import annotations

from datetime import date

import pytest

from rasad.extract.base import get_extractor
from rasad.model import Document, Event
from rasad.store.store import open_store

PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="session")
def extractor():
    return get_extractor("rules")


@pytest.fixture
def extract(extractor):
    def run(text: str, published: date | None = PUBLISHED, doc_id: str = "t1") -> list[Event]:
        return extractor.extract(Document(doc_id=doc_id, text=text, published=published))

    return run


@pytest.fixture(scope="session")
def postgres_server():
    from tests.postgres import server

    with server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of an empty store on each backend: the same storage tests run against both."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    from tests.postgres import database

    with database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def store(store_url):
    handle = open_store(store_url)
    yield handle
    handle.close()
