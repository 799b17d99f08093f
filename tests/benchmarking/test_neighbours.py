"""The DfE's statistical neighbours, shipped as data, become a comparator group for every LA."""

import pytest

from scorecard.benchmarking.choices import GroupKind
from scorecard.benchmarking.models import Area, ComparatorGroup
from scorecard.benchmarking.reference import AREAS, STATISTICAL_NEIGHBOURS
from scorecard.file_kinds import kind_of
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.interchange.neighbour_rows import group_slug

pytestmark = pytest.mark.django_db

SOMERSET_DFE_2021 = [
    "Devon",
    "Cornwall",
    "Suffolk",
    "Dorset",
    "Shropshire",
    "Norfolk",
    "Herefordshire, County of",
    "Gloucestershire",
    "East Sussex",
    "Wiltshire",
]
HEADER = "la_number,la_name,rank,neighbour_la_number,neighbour_name\n"


def _rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_files(paths)
    return [str(error) for error in caught.value.errors]


def test_the_file_is_told_by_its_header():
    assert kind_of(HEADER.strip().split(",")).name == "statistical_neighbours"


def test_every_la_gets_its_dfe_neighbours_and_somerset_has_the_published_ten_in_order():
    result = import_files([AREAS, STATISTICAL_NEIGHBOURS])
    assert "1520 statistical_neighbours row(s)" in str(result)
    somerset = Area.objects.get(la_number="933")
    assert somerset.code == "E10000027"
    group = ComparatorGroup.objects.statistical_neighbours_of(somerset)
    assert group.kind == GroupKind.STATISTICAL_NEIGHBOURS
    assert group.slug == group_slug("933")
    names = list(group.memberships.order_by("order").values_list("area__name", flat=True))
    assert names == SOMERSET_DFE_2021
    assert ComparatorGroup.objects.filter(kind=GroupKind.STATISTICAL_NEIGHBOURS).count() == 152
    sizes = {g.memberships.count() for g in ComparatorGroup.objects.all()}
    assert sizes == {10}


def _members() -> list[tuple]:
    # Sorted: the database returns a group's rows in any order (PostgreSQL's differed between
    # the two reads); the members' order is the `order` column, which is compared.
    return sorted(
        ComparatorGroup.objects.values_list("slug", "memberships__area", "memberships__order")
    )


def test_importing_the_list_again_changes_nothing():
    import_files([AREAS, STATISTICAL_NEIGHBOURS])
    before = _members()
    import_files([STATISTICAL_NEIGHBOURS])
    assert _members() == before


def test_a_later_list_replaces_the_members_in_its_order(write):
    import_files([AREAS, STATISTICAL_NEIGHBOURS])
    path = write("sn.csv", HEADER + "933,Somerset,1,865,Wiltshire\n933,Somerset,2,878,Devon\n")
    import_files([path])
    group = ComparatorGroup.objects.statistical_neighbours_of(Area.objects.get(la_number="933"))
    assert group.member_codes() == ["E06000054", "E10000008"]


def test_bad_rows_are_named_and_nothing_is_written(write):
    import_files([AREAS])
    path = write(
        "sn.csv",
        HEADER
        + "933,Somerset,1,878,Devon\n"
        + "933,Somerset,1,908,Cornwall\n"  # rank given twice
        + "933,Somerset,3,933,Somerset\n"  # itself
        + "999,Nowhere,1,878,Devon\n"  # unknown LA
        + "933,Somerset,x,93,Bad\n",
    )
    errors = _rejected([path])
    assert errors == [
        "sn.csv, row 3, column 'rank': rank 1 of 933 appears twice in this import (first on row 2)",
        "sn.csv, row 4, column 'neighbour_la_number': an LA is not its own neighbour",
        "sn.csv, row 5, column 'la_number': no area has LA number 999: "
        "add it in an areas file first",
        errors[3],
        errors[4],
    ]
    assert "column 'rank'" in errors[3] and "column 'neighbour_la_number'" in errors[4]
    assert not ComparatorGroup.objects.exists()
