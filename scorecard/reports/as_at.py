"""Committee papers as the figures stood at a past moment: the same paper again, exactly."""

from __future__ import annotations

import dataclasses
import datetime
import re
import zipfile
from io import BytesIO

from django.utils import timezone

from scorecard.audit.rewind import as_at
from scorecard.audit.when import described
from scorecard.core.periods import Period
from scorecard.core.wording import and_list
from scorecard.papers.choices import PaperKind
from scorecard.reports.document import Report, ReportUnavailable
from scorecard.reports.kinds import KINDS, render

# Word and Excel files are zip files: each member carries the time it was written, and Excel's
# properties the time the workbook was saved.
ZIPPED_FORMATS = {"docx", "xlsx"}
SAVED_AT = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def build_report(
    kind: str,
    period: Period,
    plan_id: str | None,
    moment: datetime.datetime | None = None,
    meeting: datetime.date | None = None,
    layout: str = "",
) -> Report:
    """The report now, or as at the moment: produced on that day and saying so on its cover,
    so that two papers made as at the same moment are the same whenever they are made (the
    paper record, audited, is rewound with the figures). `meeting` picks the paper record of
    that meeting's; `layout` is one of the kind's layouts, or "" for its default.
    ReportUnavailable as KINDS' builders raise it."""
    if meeting is not None and kind not in PaperKind.values:
        raise ReportUnavailable(
            f"a meeting's paper record is for the {and_list(PaperKind.values)} reports only"
        )
    options = {"meeting": meeting} if meeting is not None else {}
    if moment is None:
        return KINDS[kind].build(period, plan_id, layout, **options)
    with as_at(moment):
        report = KINDS[kind].build(period, plan_id, layout, **options)
    return dataclasses.replace(
        report,
        produced=timezone.localdate(moment),
        cover=[*report.cover, f"As the figures stood at {described(moment)}"],
    )


def rendered(report: Report, format_name: str, moment: datetime.datetime | None = None):
    """The report in the format; made as at a moment, the same bytes every time (the PDF
    and HTML already are: their only date is the report's `produced`)."""
    content = render(report, format_name)
    if moment is None or format_name not in ZIPPED_FORMATS:
        return content
    return _pinned(content, report.produced)


def _pinned(content: bytes, produced: datetime.date) -> bytes:
    """The zip again with every member's time, and the document's own dates, set to the
    start of the day the report was produced."""
    stamp = (produced.year, produced.month, produced.day, 0, 0, 0)
    saved_at = produced.strftime("%Y-%m-%dT00:00:00Z").encode()
    written = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(content)) as source,
        zipfile.ZipFile(written, "w") as target,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "docProps/core.xml":
                data = SAVED_AT.sub(rb"\g<1>" + saved_at + rb"\g<3>", data)
            copy = zipfile.ZipInfo(member.filename, date_time=stamp)
            copy.compress_type = member.compress_type
            copy.external_attr = member.external_attr
            target.writestr(copy, data)
    return written.getvalue()
