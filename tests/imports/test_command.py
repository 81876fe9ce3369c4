"""`manage.py import_registry`: progress, a readable error table, exit status ≠ 0."""

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from projects.imports.models import ImportedRecord, ImportRun
from registry.models import Organisation
from tests.imports import samples
from tests.imports.conftest import DATA_DIR, table_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "organisations.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_good_file_prints_progress_and_counts_and_records_the_run(write, capsys):
    call_command("import_registry", str(write(samples.ORGANISATIONS)))

    out = capsys.readouterr().out
    assert "[##############################] 4/4" in out
    assert "4 créé(s)" in out and "Import réussi" in out
    run = ImportRun.objects.get()
    assert (run.kind, run.status, run.user) == ("organisations", "succeeded", None)
    assert "commande" in run.log and run.source == "organisations.csv"
    assert ImportedRecord.objects.filter(created_by_run=run).count() == 4


def test_broken_file_prints_a_table_of_every_error_and_writes_nothing(write, capsys):
    import_file = write("ror,name,kind\n05qec5a54,Rennes,hospital\n,,planète\n")
    before = table_counts()

    with pytest.raises(CommandError, match="3 erreur"):
        call_command("import_registry", str(import_file), "--kind", "organisations")

    err = capsys.readouterr().err.splitlines()
    assert err[0].split() == ["fichier", "ligne", "colonne", "valeur", "raison"]
    assert [line.split()[1:3] for line in err[1:]] == [
        ["2", "ror"],
        ["3", "name"],
        ["3", "kind"],
    ]
    assert table_counts() == before
    assert ImportRun.objects.get().status == ImportRun.Status.INVALID


def test_exit_status_is_not_zero_through_manage_py(write):
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            [
                "manage.py",
                "import_registry",
                str(write("name\n\xe9\n")),
                "--format",
                "json",
            ]
        ).execute()
    assert exit_info.value.code != 0


def test_dry_run_and_json_format(write, capsys):
    path = write('[{"name": "INESIA", "kind": "agency"}]', "orgs.txt")

    call_command("import_registry", str(path), "--dry-run", "--format", "json")

    assert "Simulation" in capsys.readouterr().out
    assert not Organisation.objects.exists()
    assert ImportRun.objects.get().dry_run


def test_real_hospital_files_through_the_command_record_their_provenance(capsys):
    for name in (
        "french_university_hospitals_ror.csv",
        "french_cancer_centres_ror.csv",
    ):
        call_command("import_registry", str(DATA_DIR / name))

    curie = Organisation.objects.get(ror_id="04t0gwh46")
    assert curie.kind == "hospital" and "dataESR" in curie.source
    call_command("import_registry", str(DATA_DIR / "french_cancer_centres_ror.csv"))
    assert "20 inchangé(s)" in capsys.readouterr().out
