"""Stated changes in free text checked against the text's own figures (core/claims.py)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.change_text import Reading, change_text
from scorecard.core.claims import Direction, find_change_claims, wrong_claims

# Seed 000 and the demo's highlight report, as written.
SEED = (
    "Kooth online counselling has increased by 53% this quarter (Q4: 430 / Q3: 203), and the "
    "number of children and young people receiving online counselling has improved by 52% "
    "(Q4: 104 / Q3: 50)\n- Phoenix (Child Sexual Abuse support service) numbers of children "
    "being seen have risen by 28% this quarter (Q4: 45 / Q3: 32)"
)
DEMO = (
    "Kooth online counselling up 53% this quarter (430 in Q4 against 203 in Q3) and young "
    "people receiving online counselling up 52% (104 against 50); children seen by Phoenix, "
    "the child sexual abuse support service, up 28% (45 against 32); 406 people trained."
)


@pytest.mark.parametrize("text", [SEED, DEMO])
def test_the_seeds_three_wrong_claims_are_found_with_the_right_figures(text):
    found = [(w.claim.earlier, w.claim.later, w.claim.percent, w.right) for w in wrong_claims(text)]
    assert found == [
        (203, 430, 53, "a rise of 112%"),
        (50, 104, 52, "a rise of 108%"),
        (32, 45, 28, "a rise of 41%"),
    ]


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Referrals up 53% (203→430).", "a rise of 112%"),
        ("Contacts increased by 8% from 50 to 104.", "a rise of 108%"),
        ("There was a 14% rise (32 to 45).", "a rise of 41%"),
        ("Waiting times rose by 10% from 100 to 90.", "a fall of 10%"),
        ("Exclusions fell by 5% from 40 to 44.", "a rise of 10%"),
        ("Spend decreased by 40.6% (45 to 32).", "a fall of 28.9%"),
        ("Visits up 112.0% (Q3: 203 → Q4: 430).", "a rise of 111.8%"),
        ("Cases rose by 20% (Q4 17/18: 100 / Q3 17/18: 150).", "a fall of 33%"),
        ("Arrivals were up 25% (Mar-19: 100 / Jan-19: 80)", None),
    ],
)
def test_made_up_claims(text, right):
    wrong = wrong_claims(text)
    assert [w.right for w in wrong] == ([right] if right else [])


@pytest.mark.parametrize(
    "text",
    [
        "Calls rose by 112% (Q3: 203 → Q4: 430).",
        "A 41% rise (32 to 45) in children seen.",
        "Referrals up 40.6% from 32 to 45.",
        "Delays fell by 28.9% (45 to 32).",
        "Uptake was up 3% from 50% to 53% (three percentage points).",
        "Spend of £1,200 against £1,000 last year, up 20% (£1,200 against £1,000).",
        "No figures here: up 53% this quarter.",
        "Up 10% (0 to 5): a percentage of nothing is not judged.",
        "Take-up rose by 10% for children aged 5 to 11.",
        "Visits up 10% in 2019 (a year of 12 to 14 visits a day was usual).",
    ],
)
def test_right_or_unjudgeable_claims_are_not_listed(text):
    assert wrong_claims(text) == []


def test_a_claim_keeps_its_sentence_and_what_it_says():
    [claim] = find_change_claims("Good quarter. Calls up 53% (203→430) overall. Next.")
    assert (claim.sentence, claim.says, claim.direction) == (
        "Calls up 53% (203→430) overall.",
        "up 53% (203→430)",
        Direction.UP,
    )


figures = st.integers(min_value=1, max_value=10**6)


@given(figures, figures)
def test_our_own_change_text_is_never_listed(earlier, later):
    text = change_text(Reading("Q3", Decimal(earlier)), Reading("Q4", Decimal(later)))
    assert wrong_claims(f"Referrals {text}.") == []


@given(figures, figures, st.integers(min_value=0, max_value=2), st.integers(1, 50))
def test_a_percentage_off_by_a_unit_of_its_last_place_is_listed(earlier, later, places, off):
    if earlier == later:
        return
    exact = (Decimal(later) - earlier) * 100 / earlier
    true = abs(exact).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    stated = true + Decimal(off).scaleb(-places)
    word = "rose" if later > earlier else "fell"
    [wrong] = wrong_claims(f"Cases {word} by {stated}% ({earlier} → {later}).")
    assert wrong.right.endswith(f" of {true:,f}%")
    assert wrong_claims(f"Cases {word} by {true}% ({earlier} → {later}).") == []
