"""Random and corrupted files: the importer answers with row-level messages or imports, never
crashes, and never writes half a file."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.interchange.kinds import KINDS
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
    kind = draw(st.sampled_from(KINDS))
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
    for name in ("junk.csv", "junk.xlsx"):
        path = tmp_path / name
        path.write_bytes(junk)
        try:
            import_files([path])
        except ImportRejected as rejected:
            assert str(rejected.errors[0]).startswith(name)
