from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.model import Document
from rasad.text.normalize import normalize

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(ARABIC, st.characters(), st.sampled_from(list("\u200f\u200e\u202b\u202c\u0640 .،؟\n0123456789")))


@given(st.text(MIXED, max_size=400))
@settings(max_examples=150, deadline=None)
def test_random_text_never_crashes_the_extractor(text):
    extractor = _extractor()
    for event in extractor.extract(Document("p", text, date(2025, 1, 1))):
        assert 0 <= event.confidence <= 1
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.text


@given(st.text(MIXED, max_size=300))
@settings(max_examples=200, deadline=None)
def test_normalisation_offsets_point_into_the_original(text):
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.origin)
    assert list(norm.origin) == sorted(norm.origin)


def test_a_huge_report_is_handled(extractor):
    paragraph = "اعتقلت الشرطة يوم الاثنين ثلاثة مطلوبين في قضاء الحويجة. " * 3 + "\n"
    text = paragraph * 400  # about 100 KB
    events = extractor.extract(Document("big", text, date(2025, 3, 12)))
    assert len(events) == 1 and len(events[0].evidence) > 1


def _extractor():
    from rasad.extract.base import get_extractor

    return get_extractor("rules")
