"""Normalisation and tokens across scripts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.spans import scan_spans
from cleaner.tokens import normalize, token_spans, tokens


def test_nfkc_case_quotes_and_dashes() -> None:
    assert tokens("ＮＡＴＯ ２０２４") == tokens("nato 2024") == ["nato", "2024"]
    assert tokens("‘Don’t’ – “stop” — now") == tokens("'don't' - \"stop\" - now")
    assert normalize("a—b–c") == "a-b-c"
    assert tokens("café") == tokens("cafe")


def test_arabic_spelling_variants_read_alike() -> None:
    # hamza forms, alef maksura / yeh, teh marbuta / heh, Arabic / Persian kaf, tatweel, harakat
    assert tokens("أعلن البنك في خطوة") == tokens("اعلن البنك فى خطوه")
    assert tokens("كتاب") == tokens("کتاب")
    assert tokens("الـبـنك") == tokens("البنك")
    assert tokens("مُحَمَّد") == tokens("محمد")
    assert len(tokens("القاهرة (وكالة الأنباء) - أعلن البنك")) == 5


def test_urdu_and_persian_words() -> None:
    assert tokens("پاکستان کی حکومت نے اعلان کیا") == tokens("پاكستان كي حكومت نے اعلان كيا")
    assert len(tokens("پاکستان کی حکومت نے اعلان کیا")) == 6
    assert tokens("ایران") == tokens("ايران")


def test_digits_of_every_script_read_alike() -> None:
    assert tokens("٢٠٢٤") == tokens("۲۰۲۴") == tokens("२०२४") == tokens("2024") == ["2024"]
    assert tokens("سال ۱۹۸۷ میں") == tokens("سال 1987 میں")


def test_cjk_and_thai_are_characters() -> None:
    assert tokens("国家统计局周三") == ["国", "家", "统", "计", "局", "周", "三"]
    assert tokens("東京では") == ["東", "京", "で", "は"]
    assert tokens("ที่นี่") == ["ที่", "นี่"]  # vowel and tone marks stay on their consonant
    assert tokens("GDP增长4.9") == ["gdp", "增", "长", "4", "9"]


def test_token_spans_point_into_the_original_text() -> None:
    value = "ＮＡＴＯ said: “It’s time” — أعلن البنك 东京"
    spans = list(token_spans(value))
    assert [t for _, _, t in spans] == tokens(value)
    for start, end, token in spans:
        assert normalize(value[start:end]) == token


def test_ascii_and_non_ascii_spans_agree() -> None:
    ascii_text = "The Bank's rate - 4.5 pct - rose, it said."
    accented = ascii_text + " Café"
    assert list(token_spans(accented))[:-1] == list(token_spans(ascii_text))


TYPOGRAPHY = "“”‘’—–…é ü ñ ç ² © • ½ ﬁ ß İ Ω ` ' - x y 1 é"


@given(st.text(alphabet=st.sampled_from(list(TYPOGRAPHY) + list("abc DEF 09_.,'\n")), max_size=80))
def test_scanned_spans_are_the_token_spans(text: str) -> None:
    # The byte scan's spans (used for passages) are those of token_spans, or it declines.
    found = scan_spans(text)
    assert found is None or list(found) == list(token_spans(text))


@given(st.text(max_size=60))
def test_scanned_spans_of_any_text(text: str) -> None:
    found = scan_spans(text)
    assert found is None or list(found) == list(token_spans(text))
