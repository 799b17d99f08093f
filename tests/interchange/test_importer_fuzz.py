"""Random and corrupted files: the importer answers with row-level messages or imports, never
crashes, and never writes half a file."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.file_kinds import file_kinds
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db

cells = st.one_of(
    st.text(max_size=12),
    st.text(max_size=400),
    st.sampled_from(
        [
            "",
            "higher",
            "lower",
            "percent",
            "rate",
            "monthly",
            "Q2 2019/20",
            "2019-13",
            "1e999",
            "-5",
            "NaN",
            "10",
            "relative",
            "TBC",
        ]
    ),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


@st.composite
def files(draw):
    kind = draw(st.sampled_from(file_kinds()))
    optional = (
        st.lists(st.sampled_from(kind.optional), unique=True) if kind.optional else st.just([])
    )
    columns = list(kind.required) + draw(optional)
    if draw(st.booleans()):
        columns.append(draw(st.text(min_size=1, max_size=10)))
    rows = draw(st.lists(st.lists(cells, min_size=len(columns), max_size=len(columns)), max_size=6))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def counts():
    return Measure.objects.count(), Observation.objects.count()


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=files())
def test_random_files_are_imported_or_rejected_row_by_row(tmp_path, text):
    path = tmp_path / "fuzz.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = counts()
    try:
        import_files([path])
    except ImportRejected as rejected:
        assert rejected.errors and all(e.file == "fuzz.csv" for e in rejected.errors)
        assert counts() == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=300))
def test_random_bytes_are_rejected_with_a_reason(tmp_path, junk):
    """Random bytes are never a file of any kind: an import that succeeds fails here."""
    for name in ("junk.csv", "junk.xlsx"):
        path = tmp_path / name
        path.write_bytes(junk)
        before = every_count()
        with pytest.raises(ImportRejected) as rejected:
            import_files([path])
        errors = rejected.value.errors
        assert errors and all(str(e).startswith(name) for e in errors)
        # The reason is words, not only the file's name.
        assert all(str(e)[len(name) :].strip(" :,") for e in errors)
        assert every_count() == before


def every_count() -> dict[str, int]:
    """Rows in every table the importers write: a rejected file must leave each as it was."""
    from django.apps import apps

    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"framework", "measures", "benchmarking", "people", "delivery", "risks"}
    }


@st.composite
def workbook_cells(draw):
    return draw(
        st.one_of(
            cells,
            st.none(),
            st.integers(min_value=-(10**15), max_value=10**15),
            st.floats(allow_nan=False, allow_infinity=False),
            st.booleans(),
            st.dates(),
            st.datetimes(),
            st.sampled_from(["=1/0", "=SUM(A1:A2)", "#DIV/0!"]),
        )
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kind=st.sampled_from(file_kinds()), data=st.data())
def test_random_workbooks_are_imported_or_rejected_row_by_row(tmp_path, kind, data):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    columns = list(kind.required) + list(kind.optional)
    rows = data.draw(
        st.lists(
            st.lists(workbook_cells(), min_size=len(columns), max_size=len(columns)), max_size=5
        )
    )
    book = Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in rows:
        # Control characters cannot be stored in a workbook at all: Excel could not send them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    before = every_count()
    try:
        import_files([path])
    except ImportRejected as rejected:
        assert rejected.errors and all(e.file == "fuzz.xlsx" for e in rejected.errors)
        assert every_count() == before


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_corrupted_real_files_are_imported_or_rejected_whole(tmp_path, data):
    """A demo file with bytes overwritten, cut short or repeated, as a bad transfer leaves it."""
    from scorecard.demo.loader import DEMO_DATA_DIR

    source = data.draw(st.sampled_from(sorted(DEMO_DATA_DIR.glob("0[0-4]*.csv"))))
    content = bytearray(source.read_bytes())
    for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
        at = data.draw(st.integers(min_value=0, max_value=len(content) - 1))
        damage = data.draw(st.sampled_from(["overwrite", "cut", "repeat"]))
        if damage == "overwrite":
            content[at] = data.draw(st.integers(min_value=0, max_value=255))
        elif damage == "cut":
            del content[at:]
        else:
            content[at:at] = content[at : at + data.draw(st.integers(0, 200))]
        if not content:
            content = bytearray(b"\n")
    path = tmp_path / source.name
    path.write_bytes(bytes(content))
    before = every_count()
    try:
        import_files([path])
    except ImportRejected as rejected:
        assert rejected.errors and all(str(e).startswith(source.name) for e in rejected.errors)
        assert every_count() == before
