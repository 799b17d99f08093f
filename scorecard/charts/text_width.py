"""How wide a chart's label is drawn, near enough to leave it room: an SVG is laid out before
any browser measures it, so its margins and which labels fit are worked out from Arial's
advance widths (GDS Transport, the page's face, runs a little narrower)."""

from __future__ import annotations

FONT_SIZE = 12  # px: the smallest text a chart draws (issue 19)

# Advance widths in ems of Arial's characters that labels use; any other counts as wide.
_NARROW = dict.fromkeys(" ,.:;'!|/()[]-ijlftI", 0.3)
_DIGITS = dict.fromkeys("0123456789£$#?", 0.556)
_WIDE = dict.fromkeys("mwMW%@", 0.89)
_EMS = {**_NARROW, **_DIGITS, **_WIDE}
_OTHER = 0.62


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The label's width in px at `size` px, rounded up a little."""
    return size * sum(_EMS.get(character, _OTHER) for character in text)
