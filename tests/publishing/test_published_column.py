"""The measures file's optional `published` column (docs/formats.md)."""

import pytest

from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure

pytestmark = pytest.mark.django_db

HEADER = "measure_id,title,polarity,unit,frequency"


@pytest.fixture
def write(tmp_path):
    def write(text: str):
        path = tmp_path / "measures.csv"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _published() -> dict[str, bool]:
    return dict(Measure.objects.values_list("measure_id", "published"))


def test_yes_publishes_and_no_or_blank_does_not(write):
    import_files(
        [
            write(
                f"{HEADER},published\n"
                "A,First,higher,percent,quarterly,yes\n"
                "B,Second,higher,percent,quarterly,no\n"
                "C,Third,higher,percent,quarterly,\n"
            )
        ]
    )
    assert _published() == {"A": True, "B": False, "C": False}


def test_a_file_without_the_column_leaves_publishing_alone(write):
    import_files([write(f"{HEADER},published\nA,First,higher,percent,quarterly,yes\n")])
    import_files([write(f"{HEADER}\nA,First renamed,higher,percent,quarterly\n")])
    assert _published() == {"A": True}
    import_files([write(f"{HEADER},published\nA,First,higher,percent,quarterly,no\n")])
    assert _published() == {"A": False}


def test_anything_but_yes_or_no_is_refused_with_row_and_column(write):
    with pytest.raises(ImportRejected) as caught:
        import_files([write(f"{HEADER},published\nA,First,higher,percent,quarterly,maybe\n")])
    message = " ".join(str(e) for e in caught.value.errors)
    assert "published" in message and "'maybe' is not yes or no" in message
    assert not Measure.objects.exists()
