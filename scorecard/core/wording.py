"""Counts in words, the way a committee paper writes them: "five of the seven programmes"."""

from __future__ import annotations

from scorecard.core.rollup import whole_percent

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


def _share(part: int, whole: int, noun: str, nouns: str | None) -> str:
    """'21 of 37 measures (57%)': figures, as the overview's headline figures are printed."""
    percent = whole_percent(part, whole)
    share = f" ({percent}%)" if percent is not None else ""
    return f"{part:,} of {whole:,} {plural(whole, noun, nouns)}{share}"


def on_target_sentence(
    green: int, rated: int, noun: str = "measure", nouns: str | None = None
) -> str:
    """'21 of 37 measures (57%) are on or exceeding target'."""
    if rated == 0:
        return f"No {plural(2, noun, nouns)} are rated against a target"
    verb = "is" if 1 in (green, rated) else "are"
    return f"{_share(green, rated, noun, nouns)} {verb} on or exceeding target"


def improving_sentence(
    improving: int, judged: int, noun: str = "measure", nouns: str | None = None
) -> str:
    """'9 of 22 measures (41%) with a direction are improving'."""
    if judged == 0:
        return f"No {plural(2, noun, nouns)} have a direction of performance yet"
    verb = "is" if 1 in (improving, judged) else "are"
    return f"{_share(improving, judged, noun, nouns)} with a direction {verb} improving"


def and_list(items: list[str]) -> str:
    """'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def capitalised(text: str) -> str:
    """The first letter made a capital, the rest left as written ("ORG0009" stays)."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def rated_count_sentence(
    green: int,
    rated: int,
    unrated: int,
    blue: int = 0,
    noun: str = "measure",
    nouns: str | None = None,
) -> str:
    """'1 of 56 measures rated: 1 on target; 55 not rated (no target or no figure)'.

    A headline "1 of 1 on target" for a plan of 56 measures would hide the 55 with no rating;
    the count of everything the plan holds is said first, as the papers say it."""
    total = rated + unrated + blue
    sentence = f"{rated:,} of {total:,} {plural(total, noun, nouns)} rated"
    if rated:
        sentence += f": {green:,} on target"
        if rated > green:
            sentence += f", {rated - green:,} off target"
    if blue:
        sentence += f"; {blue:,} discontinued or complete (Blue)"
    if unrated:
        sentence += f"; {unrated:,} not rated (no target or no figure)"
    return sentence
