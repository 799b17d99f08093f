"""A labelled scale: figures that are codes for words, such as Ofsted's grades (1 Outstanding,
2 Good, 3 Requires Improvement to be Good, 4 Inadequate). A measure holds the code, so that
ratings and directions can compare grades by the measure's polarity; every output prints the
word (docs/formats.md, "Labelled scales").

Written in a measures file as `1 = Outstanding; 2 = Good; ...`: each code, an equals sign and
its words, the codes separated by semicolons."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

SEPARATOR = ";"
SAYS = "="
EXAMPLE = "1 = Outstanding; 2 = Good; 3 = Requires Improvement to be Good; 4 = Inadequate"


class ScaleError(ValueError):
    """What is wrong with a scale as written, in a sentence for the row's message."""


class Scale:
    """The codes in the order written, each with its words."""

    __slots__ = ("_words",)

    def __init__(self, words: dict[Decimal, str]) -> None:
        self._words = words

    def label(self, value: Decimal | None) -> str | None:
        """The words for a code; None for a figure that is not one of the scale's codes."""
        if value is None:
            return None
        return self._words.get(value)

    def __contains__(self, value: object) -> bool:
        return value in self._words

    def written(self) -> str:
        """The scale as a measures file writes it, which reads back as the same scale."""
        return f"{SEPARATOR} ".join(f"{_code(code)} {SAYS} {w}" for code, w in self._words.items())

    def __str__(self) -> str:
        return self.written()


def off_scale(value: Decimal, scale: Scale) -> str:
    """Why a figure is refused: it is not one of the scale's codes."""
    return f"{value} is not a code of the measure's scale ({scale.written()})"


def _code(code: Decimal) -> str:
    return str(int(code)) if code == code.to_integral_value() else str(code.normalize())


@lru_cache(maxsize=256)
def parse_scale(text: str) -> Scale | None:
    """The scale written in `text` (None when blank); ScaleError says what is wrong."""
    if not text.strip():
        return None
    words: dict[Decimal, str] = {}
    for part in text.split(SEPARATOR):
        if not part.strip():
            continue
        code_text, says, label = part.partition(SAYS)
        label = " ".join(label.split())
        if not says or not label:
            raise ScaleError(
                f"'{part.strip()}' is not a code and its words: write each as code = words, "
                f"separated by semicolons, e.g. '{EXAMPLE}'"
            )
        try:
            code = Decimal(code_text.strip())
        except InvalidOperation:
            raise ScaleError(f"'{code_text.strip()}' is not a number: a code is a number") from None
        if not code.is_finite():
            raise ScaleError(f"'{code_text.strip()}' is not a number: a code is a number")
        if code in words:
            raise ScaleError(f"the code {_code(code)} is given twice")
        if label.casefold() in (w.casefold() for w in words.values()):
            raise ScaleError(f"'{label}' is given to two codes")
        words[code] = label
    if len(words) < 2:
        raise ScaleError(f"a scale needs at least two codes, e.g. '{EXAMPLE}'")
    return Scale(words)
