"""Issue 17, item 11: import cells are text. A JSON object or nested list in a cell
and control characters (NUL, escape…) are refused with an error naming the row and
the column; nothing is stored, and the report itself can be saved."""

import json

import pytest

from projects.imports.engine import SourceFile, import_execute
from projects.imports.models import ImportRun
from registry.models import Organisation
from tests.imports.conftest import csv_file

pytestmark = pytest.mark.django_db


def json_file(rows: list) -> SourceFile:
    return SourceFile(name="organisations.json", content=json.dumps(rows).encode())


def located(report) -> list[tuple[int, str]]:
    return [(error.row, error.column) for error in report.errors]


def test_a_json_object_in_a_cell_is_an_error_not_text():
    _kind, report = import_execute(
        files=[
            json_file(
                [
                    {"name": "Hôpital A", "city": "Lyon"},
                    {"name": {"a": 1}, "city": "Lille"},
                    {"name": "Hôpital C", "city": [["Paris"]]},
                ]
            )
        ],
        kind="organisations",
    )
    assert located(report) == [(2, "name"), (3, "city")]
    assert "objet JSON" in report.errors[0].reason
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07", "\x7f", "\x85"])
def test_control_characters_are_refused_in_csv(character):
    text = f"name,city\nHôpital A,Lyon\nHôpital{character}B,Lille\n"
    _kind, report = import_execute(
        files=[csv_file("organisations.csv", text)], kind="organisations"
    )
    assert located(report) == [(3, "name")]
    assert "caractère de contrôle" in report.errors[0].reason
    assert "\\x" in report.errors[0].value and character not in report.errors[0].value
    assert not Organisation.objects.exists()


def test_control_characters_are_refused_in_json_and_the_report_is_storable():
    _kind, report = import_execute(
        files=[json_file([{"name": "Hôpital\u0000A", "city": "Lyon"}])],
        kind="organisations",
    )
    assert located(report) == [(1, "name")]
    run = ImportRun.objects.create(
        kind="organisations", errors=[error.as_dict() for error in report.errors]
    )
    run.refresh_from_db()
    assert not Organisation.objects.exists()


def test_line_breaks_and_tabs_stay_allowed():
    text = 'name,city\n"Hôpital\tA, site\nnord",Lyon\n'
    _kind, report = import_execute(
        files=[csv_file("organisations.csv", text)], kind="organisations"
    )
    assert report.errors == []
    assert Organisation.objects.get().name == "Hôpital\tA, site\nnord"
