"""Organisation imports (the engine of import_registry, and the import_organisations
command on it): validation by row and field, all-or-nothing, idempotent."""

import pytest
from django.core.management import CommandError, call_command

from projects.imports.engine import SourceFile, import_execute
from registry.models import Organisation

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "ror,name,kind,city\n"
    "https://ror.org/01hq89f96,Centre hospitalier universitaire de Bordeaux,hospital,"
    "Bordeaux\n"
    "05qec5a53,Centre hospitalier universitaire de Rennes,hospital,Rennes\n"
    ",Institut national pour l'évaluation et la sécurité de l'IA,agency,Paris\n"
)
# Line 3 (the second data row) carries a ROR id whose checksum is wrong (…53 → …54).
BAD_CSV = (
    "ror,name,kind\n"
    "https://ror.org/01hq89f96,Centre hospitalier universitaire de Bordeaux,hospital\n"
    "05qec5a54,Centre hospitalier universitaire de Rennes,hospital\n"
    "02ppyfa04,Centre hospitalier régional universitaire de Lille,hospital\n"
)


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "organisations.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _import(text: str, name: str = "organisations.csv"):
    """The bulk-import engine, as `import_registry --kind organisations` runs it."""
    _kind, report = import_execute(
        files=[SourceFile(name=name, content=text.encode())],
        kind="organisations",
        source="test",
    )
    return report


def test_bad_ror_checksum_names_line_and_field_and_stores_nothing():
    report = _import(BAD_CSV)

    assert not report.ok
    assert [(error.row, error.column) for error in report.errors] == [(3, "ror")]
    assert "ligne 3" in str(report.errors[0]) and "ror" in str(report.errors[0])
    assert Organisation.objects.count() == 0


def test_good_file_stores_rows_with_normalised_ror():
    report = _import(GOOD_CSV)

    assert report.ok and report.total("created") == 3
    bordeaux = Organisation.objects.get(ror_id="01hq89f96")
    assert bordeaux.kind == Organisation.Kind.HOSPITAL
    assert bordeaux.city == "Bordeaux" and bordeaux.source == "test"
    assert Organisation.objects.get(ror_id="").kind == Organisation.Kind.AGENCY


def test_reimport_creates_no_duplicates_and_changes_nothing():
    _import(GOOD_CSV)

    again = _import(GOOD_CSV)

    assert again.ok and again.total("created") == 0 and again.total("updated") == 0
    assert again.total("unchanged") == 3
    assert Organisation.objects.count() == 3


def test_rows_without_name_or_with_unknown_kind_are_reported():
    report = _import("name,ror,kind\n,,agency\nX,,planet\n")

    assert {(error.row, error.column) for error in report.errors} == {
        (2, "name"),
        (3, "kind"),
    }
    assert Organisation.objects.count() == 0


def test_command_exits_non_zero_on_bad_file(write_csv, capsys):
    with pytest.raises(CommandError):
        call_command("import_organisations", str(write_csv(BAD_CSV)))

    assert "ligne 3" in capsys.readouterr().err
    assert Organisation.objects.count() == 0


def test_command_exits_non_zero_through_the_shell_entry_point(write_csv):
    # call_command raises; the real `manage.py` turns that into exit status 1.
    with pytest.raises(SystemExit) as exit_info:
        from django.core.management import ManagementUtility

        ManagementUtility(
            ["manage.py", "import_organisations", str(write_csv(BAD_CSV))]
        ).execute()
    assert exit_info.value.code != 0


def test_command_imports_good_file(write_csv, capsys):
    call_command("import_organisations", str(write_csv(GOOD_CSV)), "--source", "essai")

    assert Organisation.objects.filter(source="essai").count() == 3
    assert "3 créée(s)" in capsys.readouterr().out
