"""The inflections of an Arabic trigger verb, generated from its perfect (third person masculine singular).

Lexicons list a verb once ("اعتقل", "تظاهر", "اغتال"); the matcher takes clitics and common suffixes off a
report's words (``tokens.match_forms``), so only the stems that differ need generating: the imperfect
(يعتقل، تتظاهر; third persons), the verbal noun (اعتقال، تفجير، اغتيال، مهاجمة), the passive of a hollow verb
(اغتيل) or of form III (هوجم) and, where asked, the participle of the one who acts (متظاهر، محتج). Letters are
written as ``normalize`` leaves them.
"""

from __future__ import annotations

from rasad.text.normalize import fold

# Third persons only: news reports what others did, and "ن" makes common words (نصيب "a share").
_IMPERFECT_PREFIXES = ("ي", "ت")


def inflections(verb: str, participles: bool = False) -> list[str]:
    """Stems of ``verb`` (a perfect, e.g. "اعتقل") that a report may use, the verb itself first."""
    v = fold(verb)
    forms = [v]
    if v.startswith("ت"):  # forms V and VI: تفجر، تظاهر — the verbal noun is the perfect itself
        stem, noun, participle = v, v, "م" + v
    elif len(v) == 4 and v[0] == "ا" and v[2] == "ا":  # a hollow form IV: اصاب → يصيب، اصابة، passive اصيب
        stem, noun, participle = v[1] + "ي" + v[3], "ا" + v[1] + "ا" + v[3] + "ه", "م" + v[1] + "ي" + v[3]
        forms += [v[0] + v[1] + "ي" + v[3], "ي" + v[1] + "ا" + v[3]]  # اصيب؛ يصاب (the passive imperfect)
    elif v.startswith("ا") and len(v) >= 4:  # forms IV, VII, VIII, X: اطلق، انفجر، اعتقل، استهدف
        stem, participle = v[1:], "م" + v[1:]
        if len(v) == 4 and v[2] == "ت":  # a doubled form VIII: احتج → احتجاج
            noun = v + "ا" + v[-1]
        elif v[-2] == "ا":  # a hollow form VIII: اغتال → اغتيال, passive اغتيل
            noun = v[:-2] + "يا" + v[-1]
            forms.append(v[:-2] + "ي" + v[-1])
        else:
            noun = v[:-1] + "ا" + v[-1]
    elif len(v) == 3:  # forms I and II share their letters: فجر → يفجر، تفجير
        stem, noun, participle = v, "ت" + v[:-1] + "ي" + v[-1], ""
    elif len(v) == 4 and v[1] == "ا":  # form III: هاجم → يهاجم، مهاجمة، passive هوجم
        stem, noun, participle = v, "م" + v + "ه", ""
        forms.append(v[0] + "و" + v[2:])
    else:  # other forms: the verb itself and its imperfect
        stem, noun, participle = v, "", ""
    forms += [prefix + stem for prefix in _IMPERFECT_PREFIXES]
    if noun:
        forms.append(noun)
    if participles and participle:
        forms.append(participle)
    return list(dict.fromkeys(forms))


def english_forms(term: str) -> tuple[str, ...]:
    """An English past form and its present participle ("detained" → "detaining", "kidnapped" → "kidnapping",
    "captured" → "capturing"), for lexicons that list the past form; other terms as they are."""
    if " " in term or not term.isascii() or not term.endswith("ed") or len(term) < 6:
        return (term,)  # "fled", "died": too short to strip safely
    return term, term[:-2] + "ing"
