"""Importing files: all or nothing, idempotent, every bad row named with row, column and reason."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation, ObservationRevision, Target
from tests.interchange.importing import rejected_messages

pytestmark = pytest.mark.django_db

MEASURES = (
    "measure_id,title,polarity,unit,frequency,target,tolerance,tolerance_type\n"
    "HV,Health Visitor mandated contacts,higher,percent,quarterly,90,10,relative\n"
)
OBSERVATIONS = "measure_id,period,value\nHV,Q2 2017/18,84.8\nHV,Q3 2017/18,91.7\n"


def test_measures_and_observations_are_imported(write):
    import_files([write("m.csv", MEASURES), write("o.csv", OBSERVATIONS)])
    assert list(Observation.objects.values_list("period", "value")) == [
        ("2017/18 Q2", Decimal("84.8")),
        ("2017/18 Q3", Decimal("91.7")),
    ]


def test_files_are_applied_parents_first_whatever_order_they_are_named_in(write):
    import_files([write("o.csv", OBSERVATIONS), write("m.csv", MEASURES)])
    assert Observation.objects.count() == 2


def test_importing_twice_changes_nothing(write):
    paths = [write("m.csv", MEASURES), write("o.csv", OBSERVATIONS)]
    import_files(paths)
    import_files(paths)
    assert (
        Measure.objects.count(),
        Observation.objects.count(),
        ObservationRevision.objects.count(),
    ) == (1, 2, 0)


def test_a_changed_value_updates_and_keeps_the_earlier_value_in_history(write):
    import_files([write("m.csv", MEASURES), write("o.csv", OBSERVATIONS)])
    import_files([write("o2.csv", "measure_id,period,value\nHV,2017/18 Q2,85.0\n")])
    observation = Observation.objects.get(period="2017/18 Q2")
    assert (observation.value, observation.revisions.get().value) == (
        Decimal("85.0"),
        Decimal("84.8"),
    )


def test_a_target_in_observations_applies_from_that_period(write):
    import_files(
        [
            write("m.csv", MEASURES),
            write("o.csv", "measure_id,period,value,target\nHV,Q1 2019/20,93,95\n"),
        ]
    )
    assert list(Target.objects.values_list("from_period", "value")) == [
        ("", Decimal("90")),
        ("2019/20 Q1", Decimal("95")),
    ]


def test_value_is_computed_from_numerator_and_denominator_for_a_percentage(write):
    import_files(
        [
            write("m.csv", MEASURES),
            write("o.csv", "measure_id,period,numerator,denominator\nHV,2019-09,71,106\n"),
        ]
    )
    assert Observation.objects.get().value == Decimal("66.98113208")


def test_xlsx_files_are_read_like_csv(tmp_path, write):
    book = Workbook()
    sheet = book.active
    sheet.append(["measure_id", "period", "value"])
    sheet.append(["HV", "Q2 2017/18", 84.8])
    book.save(tmp_path / "o.xlsx")
    import_files([write("m.csv", MEASURES), tmp_path / "o.xlsx"])
    assert Observation.objects.get().value == Decimal("84.8")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("HV,2019-13,5", "o.csv, row 2, column 'period': month must be 1 to 12, not 13"),
        ("HV,Q2 2019/20,abc", "o.csv, row 2, column 'value': 'abc' is not a number"),
        (
            "NOPE,Q2 2019/20,5",
            "o.csv, row 2, column 'measure_id': no measure 'NOPE': add it in a measures file first",
        ),
        (
            "HV,Q2 2019/20,",
            "o.csv, row 2, column 'value': give a value, or a status saying why "
            "there is none (e.g. TBC)",
        ),
        (
            "HV,2019/21,5",
            "o.csv, row 2, column 'period': '2019/21' is not a financial year: "
            "the second year must follow the first",
        ),
    ],
)
def test_a_bad_observation_row_is_named_and_nothing_is_written(write, rows, message):
    paths = [write("m.csv", MEASURES), write("o.csv", "measure_id,period,value\n" + rows + "\n")]
    assert rejected_messages(paths) == [message]
    assert Measure.objects.count() == 0


def test_every_bad_row_is_reported_not_just_the_first(write):
    text = "measure_id,period,value\nHV,Q2 2019/20,x\nHV,Q3 2019/20,5\nHV,Q5 2019/20,1\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert [m.split(":")[0] for m in messages] == [
        "o.csv, row 2, column 'value'",
        "o.csv, row 4, column 'period'",
    ]


def test_an_extra_column_is_named(write):
    messages = rejected_messages([write("o.csv", "measure_id,period,value,colour\nHV,2019-09,1\n")])
    assert messages == [
        "o.csv, row 1, column 'colour': 'colour' is not a column of an observations file"
    ]


def test_a_header_of_no_known_kind_is_rejected(write):
    messages = rejected_messages([write("x.csv", "name,age\nA,1\n")])
    assert messages[0].startswith("x.csv, row 1: the header does not match any kind of file")


def test_the_same_period_twice_in_one_import_is_rejected(write):
    text = "measure_id,period,value\nHV,Q2 2019/20,1\nHV,2019/20 Q2,2\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert messages == [
        "o.csv, row 3, column 'period': this measure, period and breakdown "
        "appear twice in this import"
    ]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("X,T,upwards,percent,quarterly,,,", "polarity"),
        ("X,T,higher,furlongs,quarterly,,,", "unit"),
        ("X,T,higher,percent,fortnightly,,,", "frequency"),
        ("X,T,higher,percent,quarterly,ninety,,", "target"),
        ("X,T,higher,percent,quarterly,90,-1,", "tolerance"),
        ("X,T,higher,percent,quarterly,90,1,sideways", "tolerance_type"),
        ("X,T,higher,rate,quarterly,90,1,absolute", "rate_per"),
    ],
)
def test_a_bad_measure_row_names_its_column(write, row, column):
    header = "measure_id,title,polarity,unit,frequency,target,tolerance,tolerance_type\n"
    messages = rejected_messages([write("m.csv", header + row + "\n")])
    assert [m.split(":")[0] for m in messages] == [f"m.csv, row 2, column '{column}'"]


def test_a_file_that_is_not_utf8_is_rejected_with_a_reason(tmp_path):
    path = tmp_path / "o.csv"
    path.write_bytes("measure_id,period,value\nHV,Sep-19,£5\n".encode("cp1252"))
    messages = rejected_messages([path])
    assert messages[0].startswith("o.csv: not UTF-8 text")


def test_a_missing_file_is_rejected(tmp_path):
    assert rejected_messages([tmp_path / "missing.csv"])[0].endswith("no such file")


def test_an_unreadable_workbook_is_rejected(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip file")
    assert "not a readable XLSX workbook" in rejected_messages([path])[0]


@pytest.mark.parametrize(
    ("header", "row", "column"),
    [
        ("level,name", f"organisation,{'x' * 201}", "name"),
        ("level,name,plan_id", "plan,My plan,my plan", "plan_id"),
        ("level,name,plan_id,lead", f"plan,My plan,p1,{'x' * 201}", "lead"),
        ("level,name,plan_id,period", "plan,My plan,p1,2016/18", "period"),
        ("level,name,plan_id", "outcome,Safe,no-such-plan", "plan_id"),
        ("level,name", "galaxy,Andromeda", "level"),
    ],
)
def test_a_bad_framework_row_names_its_column(write, header, row, column):
    messages = rejected_messages([write("f.csv", f"{header}\n{row}\n")])
    assert [m.split(":")[0] for m in messages] == [f"f.csv, row 2, column '{column}'"]


@pytest.mark.parametrize(
    ("measure_id", "owner"), [("HV/1", "A. Officer"), ("HV 1", "A. Officer"), ("HV", "x" * 201)]
)
def test_measure_ids_fit_in_web_addresses_and_texts_fit_their_columns(write, measure_id, owner):
    text = (
        "measure_id,title,polarity,unit,frequency,owner\n"
        f"{measure_id},T,higher,count,monthly,{owner}\n"
    )
    messages = rejected_messages([write("m.csv", text)])
    assert len(messages) == 1 and "row 2" in messages[0]


def test_a_framework_builds_plan_outcome_priority_and_programme(write):
    from scorecard.framework.models import Plan, Priority, Programme

    text = (
        "level,name,plan_id,parent,period\n"
        "plan,Our Plan,p1,,2019/20 - 2021/22\n"
        "outcome,Safe communities,p1,,\n"
        "priority,Fewer fires,p1,Safe communities,\n"
        "programme,Home safety checks,p1,Fewer fires,\n"
    )
    import_files([write("f.csv", text)])
    programme = Programme.objects.get()
    assert (
        Plan.objects.get().period,
        Priority.objects.get().outcome.name,
        programme.priority.name,
        programme.outcome.name,
    ) == ("2019/20 - 2021/22", "Safe communities", "Fewer fires", "Safe communities")


def test_a_percent_formatted_spreadsheet_cell_is_read_as_shown(tmp_path, write):
    book = Workbook()
    sheet = book.active
    sheet.append(["measure_id", "period", "value"])
    sheet.append(["HV", "Q2 2017/18", 0.848])
    sheet["C2"].number_format = "0.0%"
    book.save(tmp_path / "o.xlsx")
    import_files([write("m.csv", MEASURES), tmp_path / "o.xlsx"])
    assert Observation.objects.get().value == Decimal("84.8")


def test_row_numbers_count_blank_rows_above_the_header(write):
    text = "\n\nmeasure_id,period,value\nHV,Q2 2019/20,x\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert messages[0].startswith("o.csv, row 4, column 'value'")


def test_a_damaged_workbook_is_rejected_with_a_reason(tmp_path):
    import zipfile

    book = Workbook()
    book.active.append(["measure_id", "period", "value"])
    book.save(tmp_path / "good.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "good.xlsx") as good,
        zipfile.ZipFile(tmp_path / "bad.xlsx", "w") as bad,
    ):
        for item in good.infolist():
            data = good.read(item)
            bad.writestr(item, data[: len(data) // 2] if "sheet1" in item.filename else data)
    assert "not a readable XLSX workbook" in rejected_messages([tmp_path / "bad.xlsx"])[0]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("84,8", "use a dot for decimals"),
        ("1234567890.12345678", "more than 15 significant digits"),
        ("1e15", "too large"),
        ("0.000000001", "more than 8 decimal places"),
    ],
)
def test_numbers_a_database_would_change_are_refused(write, value, reason):
    text = f'measure_id,period,value\nHV,Q2 2019/20,"{value}"\n'
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert len(messages) == 1 and reason in messages[0]


def test_thousands_separators_are_read(write):
    counted = MEASURES.replace("percent", "count")  # a percentage cannot be over 100
    import_files(
        [
            write("m.csv", counted),
            write("o.csv", 'measure_id,period,value\nHV,2019-09,"1,234.5"\n'),
        ]
    )
    assert Observation.objects.get().value == Decimal("1234.5")


def test_a_nul_character_in_text_is_refused(write):
    text = "measure_id,period,value,commentary\nHV,2019-09,5,bad\x00text\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert messages == [
        "o.csv, row 2, column 'commentary': contains a NUL character, which is not allowed in text"
    ]


def test_a_computed_value_too_large_to_keep_is_refused(write):
    text = "measure_id,period,numerator,denominator\nHV,2019-09,99999999999999,0.001\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert len(messages) == 1 and messages[0].startswith("o.csv, row 2, column 'numerator'")


def test_rate_per_beyond_a_database_integer_is_refused(write):
    text = (
        "measure_id,title,polarity,unit,frequency,rate_per\n"
        "R,Rate,higher,rate,annual,99999999999999\n"
    )
    messages = rejected_messages([write("m.csv", text)])
    assert [m.split(":")[0] for m in messages] == ["m.csv, row 2, column 'rate_per'"]


def test_two_rows_setting_different_targets_from_the_same_month_are_refused(write):
    text = "measure_id,period,value,target\nHV,2019/20 Q1,54,55\nHV,2019-04,54,40\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert messages == [
        "o.csv, row 3, column 'target': another row sets a target of 55 from the same month"
    ]


def test_a_later_target_from_the_same_month_replaces_the_earlier(write):
    import_files(
        [
            write("m.csv", MEASURES),
            write("o.csv", "measure_id,period,value,target\nHV,2019/20,53,55\n"),
        ]
    )
    import_files([write("o2.csv", "measure_id,period,value,target\nHV,2019/20 Q1,54,56\n")])
    assert list(Target.objects.filter(from_month__gte=0).values_list("value", flat=True)) == [
        Decimal("56")
    ]


def test_a_measures_file_without_optional_columns_keeps_their_settings(write):
    import_files([write("m.csv", MEASURES)])
    import_files(
        [
            write(
                "m2.csv",
                "measure_id,title,polarity,unit,frequency\n"
                "HV,Health visits,higher,percent,quarterly\n",
            )
        ]
    )
    measure = Measure.objects.get()
    assert (
        measure.title,
        measure.tolerance,
        measure.tolerance_type,
        measure.targets.get().value,
    ) == ("Health visits", Decimal("10"), "relative", Decimal("90"))


def test_a_blank_target_in_a_target_column_removes_the_target(write):
    import_files([write("m.csv", MEASURES)])
    import_files(
        [
            write(
                "m2.csv",
                "measure_id,title,polarity,unit,frequency,target\n"
                "HV,Health visits,higher,percent,quarterly,\n",
            )
        ]
    )
    assert Measure.objects.get().targets.get().value is None


def test_a_tolerance_written_with_a_percent_sign_is_relative(write):
    import_files(
        [
            write(
                "m.csv",
                "measure_id,title,polarity,unit,frequency,target,tolerance\n"
                "T,T,higher,count,monthly,25,10%\n",
            )
        ]
    )
    assert Measure.objects.get().tolerance_type == "relative"


def test_a_percent_tolerance_said_to_be_absolute_is_refused(write):
    text = (
        "measure_id,title,polarity,unit,frequency,target,tolerance,tolerance_type\n"
        "T,T,higher,count,monthly,25,10%,absolute\n"
    )
    assert [m.split(":")[0] for m in rejected_messages([write("m.csv", text)])] == [
        "m.csv, row 2, column 'tolerance'"
    ]


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ("HV,2019-09,120,,", "row 2, column 'value': A percentage must be between 0 and 100"),
        ("HV,2019-09,-5,,", "row 2, column 'value': The value cannot be less than 0"),
        ("HV,2019-09,60,453,1000", "row 2, column 'value': The value (60) does not match"),
        ("HV,2019-09,,1200,1000", "row 2, column 'numerator': The numerator (1200) cannot be"),
        ("HV,2019-09,,5,0", "row 2, column 'denominator': The denominator cannot be 0"),
    ],
)
def test_imported_values_meet_the_rule_the_form_applies(write, rows, reason):
    text = "measure_id,period,value,numerator,denominator\n" + rows + "\n"
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", text)])
    assert len(messages) == 1 and reason in messages[0], messages
    assert messages[0].startswith("o.csv")


def test_an_imported_value_near_its_counts_is_kept_as_published_with_a_warning(write):
    text = "measure_id,period,value,numerator,denominator\nHV,2019-09,44,453,1000\n"
    result = import_files([write("m.csv", MEASURES), write("o.csv", text)])
    assert Observation.objects.get().value == Decimal("44")
    [warning] = result.warnings
    assert (warning.file, warning.row, warning.column) == ("o.csv", 2, "value")
    assert "does not match 453/1,000 (which makes 45.3)" in warning.reason
    assert result.warning_lines() == [f"Warning: {warning}"]


def test_a_budget_variance_is_marked_on_a_money_measure_only(write):
    text = (
        "measure_id,title,polarity,unit,money_unit,frequency,target,budget_variance\n"
        "RBO,Revenue budget outturn,lower,money,millions,quarterly,0,yes\n"
    )
    import_files([write("m.csv", text)])
    assert Measure.objects.get(measure_id="RBO").budget_variance
    wrong = (
        "measure_id,title,polarity,unit,frequency,budget_variance\n"
        "P,Share,higher,percent,monthly,yes\n"
    )
    assert rejected_messages([write("w.csv", wrong)]) == [
        "w.csv, row 2, column 'budget_variance': a budget variance is an amount of money: "
        "the unit is money"
    ]
