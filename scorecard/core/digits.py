"""Whole numbers written in the digits 0-9, the only ones the application reads.

`str.isdigit()` also accepts superscripts (², ³), which `int()` cannot read, and other
scripts' digits (٣, ３), which it reads but nobody types into an address or a setting on
purpose; a check with `isdigit()` before `int()` so let '³' through to a ValueError (a 500).
"""

from __future__ import annotations

# Longer than any number the application stores (a 64-bit id has 19 digits), and far below
# Python's limit on reading digits (4,300), past which int() raises ValueError too.
MOST_DIGITS = 30


def is_digits(text: str) -> bool:
    """True when `text` is one or more of the digits 0-9 and nothing else."""
    return text.isascii() and text.isdigit()


def whole_number(text: str, *, most_digits: int = MOST_DIGITS) -> int | None:
    """The number `text` writes in the digits 0-9, or None when it is anything else (a sign,
    spaces, other scripts' digits, more than `most_digits` digits)."""
    if not is_digits(text) or len(text) > most_digits:
        return None
    return int(text)
