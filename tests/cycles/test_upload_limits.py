"""The offline workbook's upload under attack and on re-upload (issue 16, D3 and section 1):
files too large for their size, too many rows, a wrong header, someone with nothing to enter,
thousands of problems; re-uploading skips what has not changed; no error in a green banner."""

from __future__ import annotations

import re
import struct
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from scorecard.audit.models import AuditEntry
from scorecard.cycles import workbook
from scorecard.cycles.models import Submission
from scorecard.measures.models import Observation, ObservationRevision
from tests.cycles.test_offline_and_reminders import XLSX, download, rows_by_reading, upload
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

SUCCESS = "govuk-notification-banner--success"


def post(client, cycle, content: bytes, **data):
    file = SimpleUploadedFile("values.xlsx", content, content_type=XLSX)
    return client.post(f"/cycles/{cycle.pk}/upload/", {"workbook": file, **data}, follow=True)


def send(client, cycle, book, **data):
    out = BytesIO()
    book.save(out)
    return post(client, cycle, out.getvalue(), **data)


def values_sheet(rows_xml: str = "", headers=workbook.HEADERS) -> bytes:
    """A workbook whose only sheet, Values, has these headings and, after them, this sheet
    XML: rows written straight into the file, so that a sheet of 200,000 rows is quick to
    make and about a hundred kilobytes."""
    book = Workbook()
    book.active.title = workbook.SHEET
    book.active.append(list(headers))
    out = BytesIO()
    book.save(out)
    return _rewrite(
        out.getvalue(),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", rows_xml.encode() + b"</sheetData>"),
    )


def _rewrite(content: bytes, name: str, change) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(content)) as old, zipfile.ZipFile(out, "w") as new:
        for part in old.infolist():
            data = old.read(part)
            new.writestr(part, change(data) if part.filename == name else data)
    return out.getvalue()


def declaring(content: bytes, name: str, size: int) -> bytes:
    """The same zip, with `name` declared (in its local header and the central directory) to
    unpack to `size` bytes: a zip bomb's claim, without the bytes."""
    data = bytearray(content)
    encoded = name.encode()
    for signature, size_at, name_length_at, name_at in (
        (b"PK\x03\x04", 22, 26, 30),
        (b"PK\x01\x02", 24, 28, 46),
    ):
        for found in re.finditer(re.escape(signature), bytes(data)):
            start = found.start()
            (length,) = struct.unpack_from("<H", data, start + name_length_at)
            if bytes(data[start + name_at : start + name_at + length]) == encoded:
                struct.pack_into("<I", data, start + size_at, size)
    return bytes(data)


def no_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(workbook, "load_workbook", refuse)


# --- limits ----------------------------------------------------------------------------------


EMPTY_ROWS = "".join(f'<row r="{n}"/>' for n in range(2, 200_002))
ONE_FAR_ROW = '<row r="9500001"><c r="G9500001"><v>1</v></c></row>'


@pytest.mark.parametrize("rows", [EMPTY_ROWS, ONE_FAR_ROW], ids=["200,000 rows", "row 9,500,001"])
def test_a_sheet_of_too_many_rows_is_refused_with_few_queries(
    owner, bp_cycle, rows, django_assert_max_num_queries
):
    content = values_sheet(rows)
    assert len(content) < 500_000
    with django_assert_max_num_queries(25):
        response = post(owner, bp_cycle, content)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved: 1 problem in the workbook" in text
    assert "has more than 5,000 rows below its headings" in text
    assert len(text) < 50_000
    assert not Submission.objects.exists()


def test_a_sheet_that_says_it_has_too_many_rows_is_refused_before_they_are_read(owner, bp_cycle):
    content = _rewrite(
        values_sheet(),
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:J300001"/>', xml),
    )
    text = post(owner, bp_cycle, content).content.decode()
    assert "sheet has 300,000 rows below its headings" in text


def test_a_zip_bomb_is_refused_without_being_inflated(owner, bp_cycle, monkeypatch):
    content = declaring(values_sheet(), "xl/worksheets/sheet1.xml", 3_000_000_000)
    no_parsing(monkeypatch)
    text = post(owner, bp_cycle, content).content.decode()
    assert (
        "The file cannot be read: it would unpack to 2,861 MB, more than the 50 MB allowed"
    ) in text


def test_the_importer_refuses_a_zip_bomb_too(tmp_path):
    from scorecard.interchange.readers import UnreadableFile, stream_rows

    path = tmp_path / "o.xlsx"
    path.write_bytes(declaring(values_sheet(), "xl/worksheets/sheet1.xml", 3_000_000_000))
    with pytest.raises(UnreadableFile, match="o.xlsx: it would unpack to 2,861 MB"):
        stream_rows(path)


def test_the_importer_reads_a_workbooks_header_before_the_rest(tmp_path):
    """A wrong header is known without reading the sheet: a fault further down is met only
    when the rows are read (as with a CSV file)."""
    from scorecard.interchange.readers import UnreadableFile, stream_rows

    path = tmp_path / "o.xlsx"
    damaged = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' + "".join(
        f'<row r="{n}"><c r="A{n}" t="n"><v>not a number</v></c></row>' for n in range(3, 5)
    )
    path.write_bytes(values_sheet(damaged))
    source = stream_rows(path)
    assert source.header[:3] == ["measure id", "measure", "period"]
    with pytest.raises(UnreadableFile, match="o.xlsx: not a readable XLSX workbook"):
        list(source.rows)


def test_a_wrong_header_is_refused_at_once_naming_it(owner, bp_cycle):
    headers = list(workbook.HEADERS)
    headers[2] = "Month"
    text = post(owner, bp_cycle, values_sheet(EMPTY_ROWS, headers)).content.decode()
    assert "Nothing was saved: 1 problem" in text
    assert (
        "row 1, column C: the heading is &#x27;Month&#x27; where the template has "
        "&#x27;Period&#x27;"
    ) in text


def test_someone_with_nothing_to_enter_is_refused_before_the_file_is_read(
    cycle_council, bp_cycle, monkeypatch
):
    client = signed_in("viewer")

    def refuse(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(workbook, "read", refuse)
    monkeypatch.setattr(workbook, "check_workbook_archive", refuse)
    response = post(client, bp_cycle, values_sheet(EMPTY_ROWS))
    text = response.content.decode()
    assert response.status_code == 200
    assert "You have no measures to report in this reporting cycle" in text
    assert "govuk-error-summary" in text and SUCCESS not in text
    page = client.get(f"/cycles/{bp_cycle.pk}/upload/").content.decode()
    assert "You have no measures to report" in page and 'type="file"' not in page


def test_thousands_of_problems_list_a_few_dozen_and_count_the_rest(
    owner, bp_cycle, django_assert_max_num_queries
):
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>NO-SUCH-{n}</t></is></c>'
        f'<c r="C{n}" t="inlineStr"><is><t>2019/20 Q3</t></is></c><c r="G{n}"><v>1</v></c></row>'
        for n in range(2, 4_002)
    )
    with django_assert_max_num_queries(25):
        response = post(owner, bp_cycle, values_sheet(rows))
    text = response.content.decode()
    assert "Nothing was saved: 4000 problems in the workbook" in text
    assert text.count("there is no measure") == workbook.MAX_LISTED
    assert f"and {4000 - workbook.MAX_LISTED} more problems" in text
    assert len(text) < 50_000


def test_reading_costs_the_same_queries_however_many_rows(owner, bp_cycle):
    from django.contrib.auth.models import User

    from scorecard.cycles.due import MEASURE, due_items
    from scorecard.people.permissions import person_of

    user = User.objects.get(username="owner")
    items = [i for i in due_items(bp_cycle, person_of(user)) if i.kind == MEASURE]

    def queries(filled: int) -> int:
        book = download(owner, bp_cycle)
        sheet = book["Values"]
        for row in list(sheet.iter_rows(min_row=2))[:filled]:
            row[6].value = 50
        out = BytesIO()
        book.save(out)
        with CaptureQueriesContext(connection) as captured:
            result = workbook.read(BytesIO(out.getvalue()), bp_cycle, user, items)
        assert not result.problems and len(result.rows) == filled
        return len(captured)

    assert len(items) >= 4
    assert queries(1) == queries(len(items)) <= 5


def test_a_normal_upload_uses_a_bounded_number_of_queries(
    owner, bp_cycle, django_assert_max_num_queries
):
    book = download(owner, bp_cycle)
    rows = rows_by_reading(book["Values"])
    rows[("BP-HV-NBV", "2019/20 Q3")][6].value = 88.5
    for number in range(book["Values"].max_row + 1, 3_000):
        book["Values"].cell(number, 1, "")  # rows of nothing below the readings
    with django_assert_max_num_queries(40):
        response = upload(owner, bp_cycle, book)
    assert response.status_code == 302, response.content.decode()[:3000]
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert reading.value == Decimal("88.5")


# --- re-uploading ----------------------------------------------------------------------------


def test_re_uploading_skips_unchanged_rows_keeping_their_approval_and_history(
    owner, team, bp_cycle
):
    book = download(owner, bp_cycle)
    rows = rows_by_reading(book["Values"])
    readings = [
        ("BP-HV-NBV", "2019/20 Q3", 88.5),
        ("BP-HV-ASQ", "2019/20 Q3", 91),
        ("BP-ASC-CQC", "2019-10", 88.1),
        ("BP-ASC-CQC", "2019-11", 87.9),
        ("BP-ASC-CQC", "2019-12", 88.4),
    ]
    for measure_id, period, value in readings:
        rows[(measure_id, period)][6].value = value
        rows[(measure_id, period)][9].value = f"About {measure_id}"
    response = upload(owner, bp_cycle, book, confirm="on")
    assert response.status_code == 302
    for submission in Submission.objects.filter(cycle=bp_cycle):
        key = f"measure:{submission.measure_id}:{submission.period}"
        team.post(f"/cycles/{bp_cycle.pk}/decide/", {"item": key, "decision": "approve"})
    assert set(Submission.objects.values_list("state", flat=True)) == {"approved"}
    trail = AuditEntry.objects.count()
    last_entry = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()

    # The same workbook back, from the download (as an owner would), with two rows changed.
    book = download(owner, bp_cycle)
    rows = rows_by_reading(book["Values"])
    rows[("BP-HV-NBV", "2019/20 Q3")][6].value = 89
    rows[("BP-ASC-CQC", "2019-12")][9].value = "Corrected"
    response = send(owner, bp_cycle, book)
    text = response.content.decode()
    assert "Saved 2 values from the workbook (3 unchanged)" in text
    states = {
        (s.measure.measure_id, s.period): s.state
        for s in Submission.objects.filter(cycle=bp_cycle).select_related("measure")
    }
    assert states == {
        ("BP-HV-NBV", "2019/20 Q3"): "submitted",
        ("BP-HV-ASQ", "2019/20 Q3"): "approved",
        ("BP-ASC-CQC", "2019-10"): "approved",
        ("BP-ASC-CQC", "2019-11"): "approved",
        ("BP-ASC-CQC", "2019-12"): "submitted",
    }
    revised = ObservationRevision.objects.values_list(
        "observation__measure__measure_id", "observation__period"
    )
    assert sorted(revised) == [("BP-ASC-CQC", "2019-12"), ("BP-HV-NBV", "2019/20 Q3")]
    unchanged = Observation.objects.filter(
        measure__measure_id__in=["BP-HV-ASQ", "BP-ASC-CQC"],
        period__in=["2019/20 Q3", "2019-10", "2019-11"],
    )
    assert not AuditEntry.objects.filter(
        pk__gt=last_entry,
        model="measures.observation",
        object_id__in=[str(o.pk) for o in unchanged],
        action="changed",
    ).exists()
    # Two observations and two submissions changed, two revisions kept: nothing else.
    assert AuditEntry.objects.count() - trail == 6


def test_re_uploading_nothing_new_saves_nothing_and_says_so_not_as_a_success(owner, bp_cycle):
    book = download(owner, bp_cycle)
    rows_by_reading(book["Values"])[("BP-HV-NBV", "2019/20 Q3")][6].value = 88.5
    assert "Saved 1 value from the workbook" in send(owner, bp_cycle, book).content.decode()
    entered = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    response = send(owner, bp_cycle, download(owner, bp_cycle))
    text = response.content.decode()
    assert "Nothing was saved: the 1 value in the workbook is the same as that already saved" in (
        text
    )
    assert SUCCESS not in text and "Important" in text
    again = Observation.objects.get(pk=entered.pk)
    assert again.entered_at == entered.entered_at
    assert not ObservationRevision.objects.exists()


# --- messages by level -----------------------------------------------------------------------


def test_an_error_message_is_never_shown_in_the_success_banner(owner, team, bp_cycle):
    from tests.cycles.test_pages import _returned_highlight_report

    cycle, _, key = _returned_highlight_report(owner, team)
    # Submitted, not returned, so not sent again: an error, told after a redirect.
    response = owner.post(f"/cycles/{cycle.pk}/resubmit/", {"item": key}, follow=True)
    text = response.content.decode()
    assert "has not been returned to you" in text
    assert SUCCESS not in text
    summary = text[text.index("govuk-error-summary") :]
    assert summary.index("has not been returned to you") < summary.index("</div>\n</div>")


def test_the_uploads_error_case_shows_no_success_banner(owner, bp_cycle):
    text = post(owner, bp_cycle, b"not a workbook").content.decode()
    assert "is not an Excel workbook" in text and SUCCESS not in text


def test_a_file_over_the_size_limit_is_dropped_as_it_arrives(owner, bp_cycle, settings):
    """The file is never kept whole: the handler behind the limit sees no more than the limit,
    and the page says the workbook is too large (not that none was chosen)."""
    from django.core.files.uploadhandler import MemoryFileUploadHandler

    settings.SCORECARD_MAX_UPLOAD_BYTES = 10_000
    seen = []

    class Counting(MemoryFileUploadHandler):
        def receive_data_chunk(self, raw_data, start):
            seen.append(len(raw_data))
            return super().receive_data_chunk(raw_data, start)

    settings.FILE_UPLOAD_HANDLERS = [
        "scorecard.uploads.LimitedUploadHandler",
        f"{__name__}.CountingHandler",
    ]
    globals()["CountingHandler"] = Counting
    try:
        response = post(owner, bp_cycle, b"x" * 200_000)
    finally:
        del globals()["CountingHandler"]
    page = response.content.decode()
    assert "The workbook must be smaller than" in page
    assert "govuk-error-summary" in page
    assert sum(seen) <= 10_000
