from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from postbox import receipt

KEY = b"k" * 32


def test_receipt_code_has_at_least_sixty_random_bits() -> None:
    assert receipt.entropy_bits() >= receipt.MIN_BITS


def test_receipt_codes_are_six_words_and_a_number() -> None:
    code = receipt.new_code()
    *words, number = code.split("-")
    assert len(words) == 6 and all(w in receipt.words() for w in words)
    assert number.isdigit() and len(number) == 3


def test_receipt_codes_do_not_repeat() -> None:
    assert len({receipt.new_code() for _ in range(2000)}) == 2000


@given(st.sampled_from(["  {} ", "{}".upper(), "{}"]), st.sampled_from(["-", " ", ".", " - ", "\n"]))
def test_receipt_code_survives_how_children_copy_it(template: str, separator: str) -> None:
    code = receipt.new_code()
    typed = template.format(code.replace("-", separator))
    assert receipt.normalise(typed) == code


@given(st.text(max_size=80))
def test_receipt_normalise_never_crashes_and_only_accepts_code_shapes(text: str) -> None:
    result = receipt.normalise(text)
    assert result is None or (len(result.split("-")) in (6, 7) and result.split("-")[-1].isdigit())


def test_codes_made_before_with_five_words_still_work() -> None:
    assert receipt.normalise("Tulip Oven Kite Mango Cub 482") == "tulip-oven-kite-mango-cub-482"
    assert receipt.normalise("tulip-oven-kite-mango-482") is None  # four words never were a code


def test_the_word_list_holds_only_kind_everyday_words() -> None:
    listed = set(receipt.words())
    for word in ("cut", "help", "ouch", "trap", "pants", "snuff", "query", "prior", "erupt", "kill", "die"):
        assert word not in listed, word
    assert all(w.isalpha() and w.islower() and 2 <= len(w) <= 7 for w in listed)


def test_receipt_digest_matches_only_its_own_code() -> None:
    code = receipt.new_code()
    stored = receipt.digest(code, KEY)
    assert receipt.matches(code, stored, KEY)
    assert not receipt.matches(receipt.new_code(), stored, KEY)
    assert not receipt.matches(code, stored, b"another key")
    assert code not in stored
