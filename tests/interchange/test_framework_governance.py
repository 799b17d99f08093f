"""The framework file's governance: a board row's `parent` is the board it reports to, a
programme row's `board` its delivery board; both exported the same way, and a board that would
report to itself, to no board or round a loop refused with its row and column."""

import pytest

from scorecard.framework.models import Board, Programme
from scorecard.interchange.delivery_export import export_csv
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from tests.interchange.test_delivery_export import round_trip

pytestmark = pytest.mark.django_db

HEADER = "level,name,plan_id,parent,description,organisation,board,lead,period\n"
# The board above is written after the board that reports to it: the export puts it first.
GOVERNED = (
    HEADER + "board,Partnership Board,,,,,,,\n"
    "board,Executive,,Partnership Board,,,,,\n"
    "board,Early Help Board,,Executive,,,,,\n"
    "plan,Our Plan,p,,,,Executive,,\n"
    "programme,Help early,p,,,,Early Help Board,A Manager,\n"
    "programme,Skills,p,,,,,,\n"
)


def _write(tmp_path, text: str, name: str = "framework.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path, text: str) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_files([_write(tmp_path, text)])
    return [str(error) for error in caught.value.errors]


def test_boards_report_to_boards_and_a_programme_has_its_delivery_board(tmp_path):
    import_files([_write(tmp_path, GOVERNED)])
    assert dict(Board.objects.values_list("name", "reports_to__name")) == {
        "Partnership Board": None,
        "Executive": "Partnership Board",
        "Early Help Board": "Executive",
    }
    assert dict(Programme.objects.values_list("name", "board__name")) == {
        "Help early": "Early Help Board",
        "Skills": None,
    }


def test_the_export_writes_them_in_the_same_columns_and_round_trips(tmp_path):
    import_files([_write(tmp_path, GOVERNED)])
    exported = export_csv("framework")
    assert exported.splitlines()[1:] == [
        "board,Partnership Board,,,,,,,,",
        "board,Executive,,Partnership Board,,,,,,",
        "board,Early Help Board,,Executive,,,,,,",
        "plan,Our Plan,p,,,,Executive,,,",
        "programme,Help early,p,,,,Early Help Board,A Manager,,",
        "programme,Skills,p,,,,,,,",
    ]
    assert round_trip(tmp_path, {"framework": exported})["framework"] == exported


def test_a_board_is_written_after_the_board_it_reports_to_whatever_their_names(tmp_path):
    text = HEADER + "board,Zeta Board,,,,,,,\nboard,Alpha Board,,Zeta Board,,,,,\n"
    import_files([_write(tmp_path, text)])
    assert [line.split(",")[1] for line in export_csv("framework").splitlines()[1:]] == [
        "Zeta Board",
        "Alpha Board",
    ]


def test_a_file_without_the_columns_leaves_them_as_they_were(tmp_path):
    import_files([_write(tmp_path, GOVERNED)])
    import_files(
        [
            _write(
                tmp_path,
                "level,name,plan_id,description\n"
                "board,Executive,,Runs the plan\n"
                "programme,Help early,p,Early help\n",
                "again.csv",
            )
        ]
    )
    assert Board.objects.get(name="Executive").reports_to.name == "Partnership Board"
    assert Programme.objects.get(name="Help early").board.name == "Early Help Board"


def test_a_blank_parent_or_board_clears_them(tmp_path):
    import_files([_write(tmp_path, GOVERNED)])
    import_files(
        [
            _write(
                tmp_path,
                HEADER + "board,Executive,,,,,,,\nprogramme,Help early,p,,,,,A Manager,\n",
                "again.csv",
            )
        ]
    )
    assert Board.objects.get(name="Executive").reports_to is None
    assert Programme.objects.get(name="Help early").board is None


def test_a_board_that_reports_to_itself_is_refused(tmp_path):
    assert _refused(tmp_path, HEADER + "board,Executive,,Executive,,,,,\n") == [
        "framework.csv, row 2, column 'parent': board 'Executive' cannot report to itself"
    ]


def test_a_board_that_reports_to_no_board_is_refused_with_the_nearest_name(tmp_path):
    text = HEADER + "board,Executive,,,,,,,\nboard,Early Help Board,,Executiv,,,,,\n"
    assert _refused(tmp_path, text) == [
        "framework.csv, row 3, column 'parent': no board 'Executiv': did you mean 'Executive'?"
    ]


def test_a_board_above_must_come_first(tmp_path):
    text = (
        HEADER + "board,Early Help Board,,Partnership Board,,,,,\nboard,Partnership Board,,,,,,,\n"
    )
    assert _refused(tmp_path, text) == [
        "framework.csv, row 2, column 'parent': no board 'Partnership Board': "
        "add its row above this one"
    ]


def test_a_loop_in_the_file_is_refused_naming_it(tmp_path):
    text = (
        HEADER + "board,First,,,,,,,\n"
        "board,Second,,First,,,,,\n"
        "board,Third,,Second,,,,,\n"
        "board,First,,Third,,,,,\n"
    )
    assert _refused(tmp_path, text) == [
        "framework.csv, row 5, column 'parent': that would make a loop: 'First' reports to "
        "'Third', which reports to 'Second', which reports to 'First'"
    ]


def test_a_loop_with_boards_already_in_the_database_is_refused(tmp_path):
    import_files([_write(tmp_path, GOVERNED)])
    text = HEADER + "board,Partnership Board,,Early Help Board,,,,,\n"
    assert _refused(tmp_path, text) == [
        "framework.csv, row 2, column 'parent': that would make a loop: 'Partnership Board' "
        "reports to 'Early Help Board', which reports to 'Executive', which reports to "
        "'Partnership Board'"
    ]
    assert Board.objects.get(name="Partnership Board").reports_to is None


def test_a_change_of_the_board_reported_to_is_in_the_audit_trail(tmp_path):
    from scorecard.audit.models import AuditEntry

    import_files([_write(tmp_path, GOVERNED)])
    import_files([_write(tmp_path, HEADER + "board,Early Help Board,,Partnership Board,,,,,\n")])
    board = Board.objects.get(name="Early Help Board")
    entries = AuditEntry.objects.filter(model="framework.board", object_id=str(board.pk))
    last = entries.order_by("pk").last()
    assert last is not None and last.changed == ["reports_to_id"]
    programme = Programme.objects.get(name="Help early")
    created = AuditEntry.objects.get(model="framework.programme", object_id=str(programme.pk))
    assert created.after["board_id"] == board.pk
