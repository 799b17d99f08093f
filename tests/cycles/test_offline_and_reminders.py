"""Offline collection (download, fill in, upload: all or nothing) and the reminder emails."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from scorecard.core.period_parser import parse_period
from scorecard.cycles.models import Submission
from scorecard.cycles.reminders import send_reminders
from scorecard.measures.models import Observation

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(client, cycle):
    response = client.get(f"/cycles/{cycle.pk}/template.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return load_workbook(BytesIO(response.content))


def upload(client, cycle, book, **extra):
    out = BytesIO()
    book.save(out)
    file = SimpleUploadedFile("values.xlsx", out.getvalue(), content_type=XLSX)
    return client.post(f"/cycles/{cycle.pk}/upload/", {"workbook": file, **extra})


def rows_by_reading(sheet):
    """Rows by measure and canonical period (the sheet shows the council's form, Q3 2019/20)."""
    return {(r[0].value, parse_period(r[2].value).label): r for r in sheet.iter_rows(min_row=2)}


def test_the_template_holds_my_measures_due_with_last_periods_values(owner, bp_cycle):
    book = download(owner, bp_cycle)
    assert book.sheetnames == ["Instructions", "Values"]
    rows = rows_by_reading(book["Values"])
    assert set(rows) >= {("BP-HV-NBV", "2019/20 Q3"), ("BP-ASC-CQC", "2019-12")}
    assert not any(m == "BP-FIN-RBO" for m, _ in rows)
    nbv = rows[("BP-HV-NBV", "2019/20 Q3")]
    assert nbv[4].value == "Q2 2019/20" or "2019/20" in nbv[4].value
    assert nbv[5].value is not None
    # The council's forms, as the pages show them; the upload reads them back.
    assert (nbv[2].value, rows[("BP-ASC-CQC", "2019-12")][2].value) == ("Q3 2019/20", "Dec-19")


def test_download_fill_upload_round_trip(owner, bp_cycle):
    book = download(owner, bp_cycle)
    rows = rows_by_reading(book["Values"])
    rows[("BP-HV-NBV", "2019/20 Q3")][6].value = 88.5
    rows[("BP-HV-NBV", "2019/20 Q3")][9].value = "From the workbook"
    rows[("BP-ASC-CQC", "2019-10")][6].value = "88.1"
    response = upload(owner, bp_cycle, book)
    assert response.status_code == 302, response.content.decode()
    nbv = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert nbv.value == Decimal("88.5") and nbv.commentary == "From the workbook"
    assert Observation.objects.get(measure__measure_id="BP-ASC-CQC", period="2019-10").value == (
        Decimal("88.1")
    )
    assert Submission.objects.filter(cycle=bp_cycle, state="submitted").count() == 2


def test_a_bad_upload_writes_nothing_and_lists_every_problem(owner, bp_cycle):
    book = download(owner, bp_cycle)
    sheet = book["Values"]
    rows = rows_by_reading(sheet)
    rows[("BP-HV-NBV", "2019/20 Q3")][6].value = 88.5  # good on its own
    rows[("BP-HV-ASQ", "2019/20 Q3")][6].value = 140
    rows[("BP-ASC-CQC", "2019-10")][6].value = "n/a"
    sheet.append(["BP-FIN-RBO", "", "2019/20 Q3", "", "", "", 3])
    sheet.append(["BP-HV-NBV", "", "2019/20 Q1", "", "", "", 3])
    response = upload(owner, bp_cycle, book)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved: 4 problems" in text
    assert "column &#x27;Value&#x27;: A percentage must be between 0 and 100" in text
    assert "column &#x27;Value&#x27;: &#x27;n/a&#x27; is not a number" in text
    assert "you cannot change measure BP-FIN-RBO" in text
    assert "this cycle does not ask for BP-HV-NBV for Q1 2019/20" in text
    assert not Observation.objects.filter(period__in=["2019/20 Q3", "2019-10"]).exists()
    assert not Submission.objects.exists()


def test_an_upload_that_is_not_a_workbook_is_explained(owner, bp_cycle):
    file = SimpleUploadedFile("values.xlsx", b"not a workbook", content_type=XLSX)
    response = owner.post(f"/cycles/{bp_cycle.pk}/upload/", {"workbook": file})
    assert "is not an Excel workbook" in response.content.decode()


def test_an_unusual_uploaded_value_needs_the_tick(owner, bp_cycle):
    book = download(owner, bp_cycle)
    rows_by_reading(book["Values"])[("BP-HV-NBV", "2019/20 Q3")][6].value = 2
    response = upload(owner, bp_cycle, book)
    assert "far outside" in response.content.decode()
    assert not Observation.objects.filter(period="2019/20 Q3").exists()
    assert upload(owner, bp_cycle, book, confirm="on").status_code == 302
    assert Observation.objects.get(period="2019/20 Q3", measure__measure_id="BP-HV-NBV").value == 2


def test_remind_emails_each_owner_with_items_due_once_per_date(bp_cycle):
    from scorecard.people.models import Person

    Person.objects.filter(person_id__in=["jthompson", "tjohnson"]).update(email="")
    jenny = Person.objects.get(person_id="jthompson")
    jenny.user.email = "jenny@example.org"
    jenny.user.save()
    Person.objects.filter(person_id="tjohnson").update(email="tony@example.org")
    assert send_reminders(date(2020, 1, 7)) == []
    lines = send_reminders(date(2020, 1, 6))
    assert len(lines) >= 2  # the business plan's and the CYPP's cycles
    addresses = {address for message in mail.outbox for address in message.to}
    assert {"jenny@example.org", "tony@example.org"} <= addresses
    jennys = next(m for m in mail.outbox if m.to == ["jenny@example.org"])
    assert "by Friday 17 January 2020" in jennys.body
    assert jennys.subject.endswith("due by 17 January 2020")
    assert "BP-HV-NBV" in jennys.body or "Health Visitor" in jennys.body
    assert "BP-FIN-RBO" not in jennys.body
    sent = len(mail.outbox)
    assert send_reminders(date(2020, 1, 6)) == []
    assert len(mail.outbox) == sent


def test_the_remind_command_takes_a_date(bp_cycle, capsys):
    from argparse import Namespace

    from scorecard.cli.entry import run

    assert run(Namespace(command="remind", date="2020-01-15")) == 0
    assert "06 January" not in capsys.readouterr().out
    with pytest.raises(Exception, match="not a date"):
        run(Namespace(command="remind", date="soon"))


def test_text_that_excel_would_run_is_defused_and_comes_back_unchanged(owner, bp_cycle):
    from scorecard.measures.models import Measure

    formula = '=HYPERLINK("http://evil.example","Click")'
    Measure.objects.filter(measure_id="BP-HV-NBV").update(title=formula)
    book = download(owner, bp_cycle)
    row = rows_by_reading(book["Values"])[("BP-HV-NBV", "2019/20 Q3")]
    assert row[1].data_type == "s" and row[1].value == "'" + formula
    row[6].value = 88.5
    row[9].value = "'" + formula  # what the owner types, defused as the template would
    assert upload(owner, bp_cycle, book).status_code == 302
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert reading.commentary == formula

    # The commentary now saved goes out defused and comes back exactly.
    book = download(owner, bp_cycle)
    row = rows_by_reading(book["Values"])[("BP-HV-NBV", "2019/20 Q3")]
    assert row[9].data_type == "s" and row[9].value == "'" + formula
    assert not any(c.data_type == "f" for r in book["Values"].iter_rows() for c in r)
    row[6].value = 89
    assert upload(owner, bp_cycle, book).status_code == 302
    reading.refresh_from_db()
    assert (reading.value, reading.commentary) == (Decimal(89), formula)


def test_a_plan_name_like_a_formula_is_defused_in_the_instructions(owner, bp_cycle):
    bp_cycle.plan.name = "=1+1"
    bp_cycle.plan.save()
    cell = download(owner, bp_cycle)["Instructions"]["A1"]
    assert cell.data_type == "s" and cell.value.startswith("'=1+1")


def test_a_reminder_marked_sent_leaves_an_audit_entry(bp_cycle):
    from scorecard.audit.models import AuditEntry
    from scorecard.cycles.models import Reminder

    send_reminders(date(2020, 1, 6))
    reminder = Reminder.objects.get(cycle=bp_cycle, on=date(2020, 1, 6))
    assert reminder.sent_at is not None
    entry = AuditEntry.objects.get(
        model="cycles.reminder", object_id=str(reminder.pk), action="changed"
    )
    assert entry.before["sent_at"] is None and entry.after["sent_at"]


def test_an_uploaded_value_its_counts_do_not_make_is_warned_with_its_column(owner, bp_cycle):
    book = download(owner, bp_cycle)
    row = rows_by_reading(book["Values"])[("BP-HV-NBV", "2019/20 Q3")]
    row[6].value, row[7].value, row[8].value = "89.5", 883, 1000  # 883/1000 makes 88.3
    text = upload(owner, bp_cycle, book).content.decode()
    assert "column &#x27;Value&#x27; (BP-HV-NBV, Q3 2019/20): The value does not match " in text
    assert "883/1,000 (which makes 88.3)" in text
    assert not Observation.objects.filter(period="2019/20 Q3").exists()
    row[6].value = "88.3"
    assert upload(owner, bp_cycle, book).status_code == 302


def test_an_uploaded_figure_keeps_the_decimals_it_was_typed_with(owner, bp_cycle):
    book = download(owner, bp_cycle)
    rows = rows_by_reading(book["Values"])
    rows[("BP-HV-NBV", "2019/20 Q3")][6].value = "88.50"  # typed as text: as typed
    rows[("BP-ASC-CQC", "2019-10")][6].value = 88  # a number cell: its shortest digits
    assert upload(owner, bp_cycle, book).status_code == 302
    nbv = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    cqc = Observation.objects.get(measure__measure_id="BP-ASC-CQC", period="2019-10")
    assert (nbv.value, nbv.written_decimals) == (Decimal("88.5"), 2)
    assert (cqc.value, cqc.written_decimals) == (88, 0)
