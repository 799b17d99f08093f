"""Counts in words, the way a committee paper writes them: "five of the seven programmes"."""

from __future__ import annotations

_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def number_word(count: int) -> str:
    """Numbers up to twenty in words, larger ones in figures (plain English style)."""
    return _WORDS[count] if 0 <= count < len(_WORDS) else f"{count:,}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return singular if count == 1 else (plural_form or singular + "s")


def share_sentence(part: int, whole: int, noun: str, predicate: str) -> str:
    """'five of the seven programmes rate Green'; 'all three programmes rate Green'."""
    nouns = plural(whole, noun)
    if whole == 0:
        return f"no {nouns} {predicate}"
    verb = predicate if part != 1 else _singular_verb(predicate)
    if part == whole and whole > 1:
        return f"all {number_word(whole)} {nouns} {predicate}"
    if whole == 1:
        return f"the one {noun} {verb}" if part else f"the one {noun} does not {predicate}"
    if part == 0:
        return f"none of the {number_word(whole)} {nouns} {_singular_verb(predicate)}"
    return f"{number_word(part)} of the {number_word(whole)} {nouns} {verb}"


def _singular_verb(predicate: str) -> str:
    """'rate Green' -> 'rates Green' for one of many."""
    verb, _, rest = predicate.partition(" ")
    return f"{verb}s {rest}".strip() if verb and not verb.endswith("s") else predicate
