from rasad.text.normalize import fold, normalize
from rasad.text.segment import clauses, opens_line, sentences
from rasad.text.tokens import bare_forms, match_forms


def test_alef_variants_fold_to_bare_alef():
    assert fold("أإآٱ") == "اااا"


def test_alef_maqsura_and_ta_marbuta_fold():
    assert fold("مستشفى الرمادي") == "مستشفي الرمادي"
    assert fold("مدينة") == "مدينه"


def test_diacritics_and_tatweel_are_dropped_with_offsets_kept():
    original = "قُتِلَ خمســة"
    norm = normalize(original)
    assert norm.text == "قتل خمسه"
    start, end = norm.source_span(4, 8)
    assert original[start:end] == "خمســة"


def test_arabic_indic_and_persian_digits_become_ascii():
    assert fold("٢٠٢٥ و۱۲") == "2025 و12"


def test_zero_width_and_bidi_controls_are_removed():
    assert fold("داع\u200cش\u202b في\u200f") == "داعش في"


def test_quotes_and_dashes_are_unified():
    assert fold("«داعش» — “ISIS”") == '"داعش" - "isis"'


def test_clitics_are_taken_off_in_every_licit_way():
    forms = bare_forms("وبالحسكة")
    assert "الحسكة" in forms and "حسكة" in forms
    assert "ال" + "انبار" in bare_forms("للانبار")


def test_suffixes_are_taken_off_for_matching():
    assert "اعتقال" in match_forms("والاعتقالات")


def test_sentences_survive_arabic_punctuation_and_headlines():
    # the Arabic semicolon joins a cause or an explanation to its sentence ("…؛ جراء هجوم …")
    text = fold("عنوان الخبر\nاعتقلت القوات ثلاثة؟ ثم انسحبت. وقتل اثنان؛ جراء هجوم")
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["عنوان الخبر", "اعتقلت القوات ثلاثه؟", "ثم انسحبت.",
                                                        "وقتل اثنان؛ جراء هجوم"]


def test_initials_and_abbreviations_end_no_sentence_but_a_full_stop_at_a_lines_end_does():
    text = normalize("A U.S. strike hit a car. Lt. Gen. Smith said on Jan. 5 it was over.\nEnd at a letter A.").text
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "a u.s. strike hit a car.", "lt. gen. smith said on jan. 5 it was over.", "end at a letter a."]


def test_kurdish_and_persian_letters_fold_as_arabic_news_writes_them():
    assert fold("چمچمال ڤ پ ژ") == "جمجمال ف ب ز"


def test_a_bullet_set_apart_in_a_line_ends_a_sentence_and_a_line_opens_after_it():
    text = fold("غارات على مواقع المسلحين  * الموصل ـ وكالات: قصفت الطائرات مواقع 5*3 أمس")
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["غارات علي مواقع المسلحين",
                                                        "الموصل  وكالات: قصفت الطايرات مواقع 5*3 امس"]
    assert opens_line(text, spans[1].start) and not opens_line(text, spans[1].start + 7)


def test_every_english_month_abbreviation_ends_no_sentence():
    for month in ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"):
        text = normalize(f"A bomb went off on {month}. 4 in Kirkuk.").text
        assert len(sentences(text)) == 1, month


def test_clauses_split_at_connectives():
    text = fold("نفذت القوات عمليات في كركوك، حيث اعتقلت الشرطة خمسة مطلوبين في الحويجة")
    parts = [text[c.start : c.end] for c in clauses(text, sentences(text)[0])]
    assert len(parts) == 2 and parts[1].startswith("حيث")


def test_is_in_capitals_between_ordinary_words_is_the_islamic_state():
    text = "IS fighters attacked. THIS IS A HEADLINE. It is late."
    norm = normalize(text)
    assert norm.text.startswith("isis fighters") and "this is a headline" in norm.text and "it is late" in norm.text
    start = norm.text.index("isis")
    assert text[slice(*norm.source_span(start, start + 4))] == "IS"  # the evidence still points at the source


def test_the_number_of_a_lists_item_is_blanked_with_its_offsets_kept():
    text = "1- قتل جنديان\n3 - 5 قتلى\n2) Five arrested"
    norm = normalize(text)
    assert norm.text.startswith(" - ") and "3 - 5" in norm.text and ") five arrested" in norm.text
    assert len(norm.origin) == len(norm.text) and norm.source_span(0, 1) == (0, 1)
