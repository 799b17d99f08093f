"""Import kinds are registered by the apps that own them (scorecard/file_kinds.py): the
importer reads the registry, in the registry's order, with no list of kinds of its own."""

import pytest

from scorecard import file_kinds
from scorecard.file_kinds import FileKind, KindsOutOfOrder, apply_order, import_kinds, register
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.interchange.rows import NoRows, Rows, rows_of

# The order files were applied in before the apps registered their kinds (interchange/kinds.py's
# APPLY_ORDER): parents first, whatever order the files are named in.
ORDER_BEFORE = (
    "areas",
    "framework",
    "people",
    "comparator_indicators",
    "fingertips",
    "comparator_values",
    "comparator_groups",
    "statistical_neighbours",
    "measures",
    "observations",
    "comparators",
    "projects",
    "milestones",
    "actions",
    "action_updates",
    "highlight_reports",
    "risks",
    "risk_assessments",
)

TALLIES = FileKind("tallies", required=("tally_id", "count"), optional=(), marks=("tally_id",))


@pytest.fixture
def registry(monkeypatch):
    """The registry as the apps filled it, given back unchanged after the test."""
    monkeypatch.setattr(file_kinds, "_REGISTERED", dict(file_kinds._REGISTERED))


def test_the_import_order_is_as_before():
    assert apply_order() == ORDER_BEFORE


def test_each_kind_comes_after_the_kinds_its_rows_name():
    place = {name: n for n, name in enumerate(apply_order())}
    for kind in import_kinds():
        assert all(place[earlier] < place[kind.file.name] for earlier in kind.after), kind


def test_every_registered_kind_has_its_rows_read():
    assert all(isinstance(rows_of(kind), Rows) for kind in import_kinds())


def test_a_kind_out_of_order_fails_at_once(registry):
    register(TALLIES, order=5, after=("framework",))
    with pytest.raises(KindsOutOfOrder, match="tallies must be applied after framework"):
        import_kinds()


def test_a_kind_after_one_never_registered_fails(registry):
    register(TALLIES, order=500, after=("tally_groups",))
    with pytest.raises(KindsOutOfOrder, match="no such kind"):
        apply_order()


def test_a_kind_with_nothing_to_read_its_rows_fails(registry):
    register(TALLIES, order=500)
    with pytest.raises(NoRows, match="tallies"):
        rows_of(file_kinds.import_kind("tallies"))


@pytest.mark.django_db
def test_a_kind_an_app_registers_is_read_by_the_importer(registry, tmp_path):
    """As an app would in its ready(): the importer recognises the file, checks and writes its
    rows in the kind's place in the order, and names it when a header matches no kind."""
    written: list[tuple[str, list]] = []

    def validate(row, catalogue, seen):
        count = row.get("count")
        if not count.isdigit():
            row.fail("count", "enter a whole number")
        return {"tally_id": row.get("tally_id"), "count": count}

    def write(parsed, lookups):
        written.append(("tallies", parsed))

    register(TALLIES, order=25, after=("areas",), rows=Rows(validate, write))
    assert apply_order()[:4] == ("areas", "framework", "tallies", "people")

    tallies = tmp_path / "tallies.csv"
    tallies.write_text("tally_id,count\nt1,4\nt2,7\n")
    result = import_files([tallies])
    assert result.rows_by_kind == {"tallies": 2}
    assert written == [
        ("tallies", [{"tally_id": "t1", "count": "4"}, {"tally_id": "t2", "count": "7"}])
    ]

    tallies.write_text("tally_id,count\nt3,many\n")
    with pytest.raises(ImportRejected) as rejected:
        import_files([tallies])
    assert "enter a whole number" in " ".join(map(str, rejected.value.errors))

    unknown = tmp_path / "unknown.csv"
    unknown.write_text("what,ever\n1,2\n")
    with pytest.raises(ImportRejected) as rejected:
        import_files([unknown])
    assert "tallies: tally_id, count" in " ".join(map(str, rejected.value.errors))
