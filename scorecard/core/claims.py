"""Changes stated in free text, checked against the text's own numbers.

Officers write commentary and highlight reports by hand: "Kooth online counselling has
increased by 53% this quarter (Q4: 430 / Q3: 203)". Councils publish such sentences, and the
seeds show them wrong (203 → 430 is a rise of 112%). This module finds a stated percentage
change together with the two figures it is about, and says which claims the figures do not bear
out, with the right figure, before the text is published.

The rule is the one generated text follows (change_text.py): a percentage change is relative to
the earlier value. The tolerance: a stated percentage is right when it equals the true change
rounded half up to the number of decimals it is written with ("41%" for 40.6%, "40.6%" for
40.625%). A stated rise whose figures fall (or a fall whose figures rise) is wrong whatever the
percentage. Where the text's figures are themselves percentages, a change stated in points
("up 3%" for 50% to 53%) is accepted as well. A claim whose figures cannot be ordered (labels
that say nothing of which came first), or whose earlier figure is zero, is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from scorecard.core.change_text import percent_change
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    # "improved by 52%": better, but up or down depends on the measure.
    UNSAID = "unsaid"


_UP = (
    r"up|rose|risen|rises?|rising|increased|increases?|increasing|grew|grown|grows?|growth"
    r"|went up|gone up|higher"
)
_DOWN = (
    r"down|fell|fallen|falls?|falling|decreased|decreases?|decreasing|dropped|drops?|dropping"
    r"|reduced|reductions?|reducing|declined|declines?|declining|went down|gone down|lower"
)
_UNSAID = r"improved|improvements?|improving|changed|changes?|worsened|deteriorated"
_WORD = rf"(?P<word>{_UP}|{_DOWN}|{_UNSAID})"
_PERCENT = r"(?P<percent>\d+(?:\.\d+)?)\s*%"
# "rose by 112%", "up 53%", "an increase of 8%"; then "a 41% rise".
_WORD_FIRST = re.compile(rf"\b{_WORD}\s+(?:by\s+|of\s+)?{_PERCENT}", re.IGNORECASE)
_PERCENT_FIRST = re.compile(
    rf"(?<![\d.]){_PERCENT}\s+(?P<word>rise|increase|growth|fall|decrease|drop|reduction"
    rf"|decline|improvement|change)\b",
    re.IGNORECASE,
)

_NUMBER = r"£?-?\d[\d,]*(?:\.\d+)?%?"
_LABEL = r"[A-Za-z][A-Za-z0-9/ -]{0,18}?"
# The figures, in the forms officers write them, each with which comes first.
_ARROW = re.compile(
    rf"(?:(?P<l1>{_LABEL}):\s*)?(?P<first>{_NUMBER})\s*(?:→|->|=>|⇒)\s*"
    rf"(?:(?P<l2>{_LABEL}):\s*)?(?P<second>{_NUMBER})"
)
# "from 50 to 104", "(32 to 45)"; not a bare "aged 5 to 11", which is no pair of readings.
_FROM_TO = re.compile(
    rf"(?:\bfrom\s+(?P<first>{_NUMBER})\s+to\s+(?P<second>{_NUMBER})"
    rf"|\(\s*(?P<first2>{_NUMBER})\s+to\s+(?P<second2>{_NUMBER})\s*\))"
)
# "(Q4: 430 / Q3: 203)": only labels say which came first.
_LABELLED = re.compile(
    rf"(?P<l1>{_LABEL}):\s*(?P<first>{_NUMBER})\s*/\s*(?P<l2>{_LABEL}):\s*(?P<second>{_NUMBER})"
)
# "430 in Q4 against 203 in Q3", "104 against 50", "45 compared with 32": the later first.
_AGAINST = re.compile(
    rf"(?P<second>{_NUMBER})(?:\s+in\s+{_LABEL})?\s+(?:against|compared\s+(?:with|to)"
    rf"|vs\.?|versus)\s+(?P<first>{_NUMBER})(?:\s+in\s+[A-Za-z0-9/-]+)?"
)
_PAIRS = (_ARROW, _LABELLED, _AGAINST, _FROM_TO)

# The figures must follow the percentage closely, in the same sentence.
_REACH = 80
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")


@dataclass(frozen=True, slots=True)
class Claim:
    """A stated change: its words, the percentage and the figures it is about."""

    sentence: str
    says: str
    percent: Decimal
    direction: Direction
    earlier: Decimal
    later: Decimal
    # Figures written as percentages (50% to 53%): a change in points is accepted too.
    in_percent: bool = False

    @property
    def decimals(self) -> int:
        exponent = self.percent.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(frozen=True, slots=True)
class WrongClaim:
    claim: Claim
    # What the figures give, rounded as the claim is written ("112%", or "a fall of 12%").
    right: str
    reason: str


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("£", "").rstrip("%"))
    except InvalidOperation:
        return None


def _direction(word: str) -> Direction:
    word = word.lower()
    if re.fullmatch(_UP, word):
        return Direction.UP
    if re.fullmatch(_DOWN, word):
        return Direction.DOWN
    return Direction.UNSAID


_BARE_QUARTER = re.compile(r"q([1-4])", re.IGNORECASE)


def _label_order(first: str, second: str) -> bool | None:
    """True when `first` names the earlier period, False the later; None when unknown.
    Bare quarters ("Q3", "Q4") follow each other, Q4 to Q1 across a year end."""
    a, b = first.strip(), second.strip()
    qa, qb = _BARE_QUARTER.fullmatch(a), _BARE_QUARTER.fullmatch(b)
    if qa and qb:
        na, nb = int(qa[1]), int(qb[1])
        if na == nb:
            return None
        if {na, nb} == {1, 4}:
            return na == 4
        return na < nb
    try:
        pa, pb = parse_period(a), parse_period(b)
    except PeriodError:
        return None
    if pa == pb:
        return None
    return pa < pb


def _sentence(text: str, start: int, end: int) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    begin = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, end)
    finish = after.start() + 1 if after else len(text)
    return " ".join(text[begin:finish].split())


def _figures(text: str, start: int, stop: int) -> tuple[re.Match[str], bool] | None:
    """The first pair of figures after a stated percentage, and whether it is in time order."""
    window = text[start:stop]
    best: tuple[re.Match[str], bool] | None = None
    for pattern in _PAIRS:
        found = pattern.search(window)
        if found is None or (best is not None and found.start() >= best[0].start()):
            continue
        labels = found.groupdict()
        l1, l2 = labels.get("l1"), labels.get("l2")
        if pattern is _AGAINST:
            in_order = True  # the groups are named for time order already
        elif l1 and l2:
            order = _label_order(l1, l2)
            if order is None and pattern is _LABELLED:
                continue
            in_order = True if order is None else order
        elif pattern is _LABELLED:
            continue
        else:
            in_order = True
        best = (found, in_order)
    return best


def find_change_claims(text: str) -> list[Claim]:
    """Every stated percentage change in `text` with the two figures it is about."""
    text = str(text or "")
    stated = sorted(
        [*_WORD_FIRST.finditer(text), *_PERCENT_FIRST.finditer(text)], key=lambda m: m.start()
    )
    claims: list[Claim] = []
    seen: set[int] = set()
    for index, match in enumerate(stated):
        # "up by a 41% rise" matches both ways: one percentage is one claim.
        if match.start("percent") in seen:
            continue
        seen.add(match.start("percent"))
        stop = min(match.end() + _REACH, len(text))
        following = [m.start() for m in stated[index + 1 :] if m.start() > match.end()]
        if following:
            stop = min(stop, following[0])
        sentence_end = _SENTENCE_END.search(text, match.end())
        if sentence_end:
            stop = min(stop, sentence_end.start())
        found = _figures(text, match.end(), stop)
        if found is None:
            continue
        pair, in_order = found
        first_text = pair["first"] or pair.groupdict().get("first2") or ""
        second_text = pair["second"] or pair.groupdict().get("second2") or ""
        first, second = _number(first_text), _number(second_text)
        percent = _number(match["percent"])
        if first is None or second is None or percent is None:
            continue
        earlier, later = (first, second) if in_order else (second, first)
        end = match.end() + pair.end()
        if text[end : end + 1] == ")" and "(" in text[match.end() : end]:
            end += 1  # "up 53% (203→430)": the figures' bracket closed
        claims.append(
            Claim(
                sentence=_sentence(text, match.start(), end),
                says=" ".join(text[match.start() : end].split()),
                percent=percent,
                direction=_direction(match["word"]),
                earlier=earlier,
                later=later,
                in_percent=first_text.endswith("%") and second_text.endswith("%"),
            )
        )
    return claims


def _rounded(amount: Decimal, decimals: int) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _moved(earlier: Decimal, later: Decimal) -> str:
    return "rise" if later > earlier else "fall"


def check_claim(claim: Claim) -> WrongClaim | None:
    """None when the figures bear the claim out (see the module's tolerance), else why not."""
    change = percent_change(claim.earlier, claim.later)
    if change is None:
        return None  # a percentage of nothing: there is no right figure to give
    figures = f"{claim.earlier:,f} → {claim.later:,f}"
    true = _rounded(abs(change), claim.decimals)
    right = f"a {_moved(claim.earlier, claim.later)} of {true:,f}%"
    if claim.later == claim.earlier:
        if claim.percent == 0:
            return None
        return WrongClaim(claim, "no change (0%)", f"{figures} is no change")
    went_up = claim.later > claim.earlier
    if claim.direction is Direction.UP and not went_up:
        return WrongClaim(claim, right, f"it says up, but {figures} is {right}")
    if claim.direction is Direction.DOWN and went_up:
        return WrongClaim(claim, right, f"it says down, but {figures} is {right}")
    if true == claim.percent:
        return None
    if claim.in_percent:
        points = _rounded(abs(claim.later - claim.earlier), claim.decimals)
        if points == claim.percent:
            return None
    return WrongClaim(claim, right, f"{figures} is {right}, not {claim.percent:f}%")


def wrong_claims(text: str) -> list[WrongClaim]:
    """The stated changes in `text` that its own figures do not bear out."""
    found = (check_claim(claim) for claim in find_change_claims(text))
    return [wrong for wrong in found if wrong is not None]
