from __future__ import annotations

from datetime import date

import pytest

from rasad.extract.base import get_extractor
from rasad.model import Document, Event

import rasad.extract.rules  # noqa: F401  isort: skip

PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="session")
def extractor():
    return get_extractor("rules")


@pytest.fixture
def extract(extractor):
    def run(text: str, published: date | None = PUBLISHED, doc_id: str = "t1") -> list[Event]:
        return extractor.extract(Document(doc_id=doc_id, text=text, published=published))

    return run
