"""Digits that are not 0-9 (issue 16, D9): `str.isdigit()` takes '³', which `int()` cannot
read; every place that reads a whole number from text refuses it cleanly instead."""

from __future__ import annotations

import argparse

import pytest
from django.core.exceptions import ImproperlyConfigured

from scorecard.core.digits import is_digits, whole_number

NOT_DIGITS = ["\u00b3", "1\u00b2", "\u0663", "\uff13", "", "-1", " 1", "1 ", "1.0", "\x00"]


@pytest.mark.parametrize("text", NOT_DIGITS)
def test_only_the_digits_0_to_9_are_digits(text):
    assert not is_digits(text)
    assert whole_number(text) is None


def test_whole_numbers_are_read_up_to_a_length():
    assert whole_number("0042") == 42
    assert whole_number("9" * 30) == int("9" * 30)
    assert whole_number("9" * 31) is None
    assert whole_number("9" * 5000) is None


@pytest.mark.parametrize("text", ["\u00b3", "\u0663", "1\u00b2"])
def test_the_command_line_refuses_other_digits(text):
    from scorecard.cli.parser import port, positive, workers

    for reader in (port, positive, workers):
        with pytest.raises(argparse.ArgumentTypeError):
            reader(text)


@pytest.mark.parametrize("text", ["\u00b3", "\u0663", "9" * 5000])
def test_a_setting_refuses_other_digits(monkeypatch, text):
    from scorecard.settings.env import count

    monkeypatch.setenv("SCORECARD_TEST_COUNT", text)
    with pytest.raises(ImproperlyConfigured):
        count("SCORECARD_TEST_COUNT")


@pytest.mark.parametrize("text", ["low:\u00b3, high:10", "low:1, high:\u0663\u0663"])
def test_risk_bands_refuse_other_digits(text):
    from scorecard.core.risk_scoring import RiskScoreError, parse_bands

    with pytest.raises(RiskScoreError):
        parse_bands(text)


def test_names_with_superscripts_sort_without_error():
    from scorecard.scoring.rows import natural_key

    names = ["Area 10m\u00b2", "Area 5\u00b2", "Age 10-15", "Age 5-9"]
    assert sorted(names, key=natural_key) == [
        "Age 5-9",
        "Age 10-15",
        "Area 5\u00b2",
        "Area 10m\u00b2",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["\u00b3", "\u0663"])
def test_an_archived_item_is_not_found_by_other_digits(key):
    from scorecard.audit.archive import KINDS

    for kind in KINDS.values():
        if kind.lookup == "pk":
            with pytest.raises(LookupError):
                kind.find(key)


@pytest.mark.parametrize("day", ["\u00b3", "\u0663"])
def test_a_date_with_other_digits_is_not_a_real_date(day):
    from django import forms

    from scorecard.risks.forms import GovukDateField

    with pytest.raises(forms.ValidationError) as caught:
        GovukDateField(noun="date").clean([day, "1", "2020"])
    assert "real date" in str(caught.value)
