"""A budget outturn in words, by the sign of its variance."""

from decimal import Decimal

import pytest

from scorecard.core.outturn import Outturn, outturn


@pytest.mark.parametrize(
    ("variance", "position"),
    [
        (Decimal("2.18"), Outturn.OVERSPEND),
        (Decimal("0.001"), Outturn.OVERSPEND),
        (Decimal("-1.067"), Outturn.UNDERSPEND),
        (Decimal("0"), Outturn.BALANCED),
        (Decimal("-0"), Outturn.BALANCED),
        (Decimal("0.000"), Outturn.BALANCED),
    ],
)
def test_the_sign_says_overspend_underspend_or_balanced(variance, position):
    assert outturn(variance) is position
    assert position.value in {"Overspend", "Underspend", "Balanced"}
