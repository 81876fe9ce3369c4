"""The engine on good and broken files: every problem reported with its row and
column, nothing written from an invalid file or a dry run, re-imports are no-ops."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.imports.engine import SourceFile, import_execute
from projects.imports.selectors import record_provenance
from projects.models import Project
from registry.models import Dataset, Membership, Organisation, Person, Team
from tests.imports import samples
from tests.imports.conftest import csv_file, table_counts

pytestmark = pytest.mark.django_db


def import_all(dry_run: bool = False) -> dict:
    counts = {}
    for kind, name, text in samples.IN_ORDER:
        _kind, report = import_execute(
            files=[csv_file(name, text)], kind=kind, dry_run=dry_run
        )
        assert report.errors == [], report.errors
        counts[kind] = report.counts[kind]
    return counts


def errors_of(text: str, kind: str, name: str = "f.csv", **kwargs) -> list:
    before = table_counts()
    _kind, report = import_execute(files=[csv_file(name, text)], kind=kind, **kwargs)
    assert table_counts() == before, "an invalid file wrote something"
    assert report.counts == {}
    return [(error.row, error.column) for error in report.errors], report.errors


def test_every_kind_imports_and_links_its_references():
    counts = import_all()

    assert counts["organisations"]["created"] == 4
    assert counts["projects"]["created"] == 2
    bph = Team.objects.get(rnsr="200918472W")
    assert {o.acronym for o in bph.parents.all()} == {"Inserm", ""}
    assert set(bph.expertise.names()) == {"épidémiologie", "apprentissage automatique"}
    assert record_provenance(record=bph).source == "equipes.csv"  # no licence given
    carberry = Person.objects.get(orcid="0000-0002-1825-0097")
    assert Membership.objects.get(person=carberry).role == "head"
    assert Dataset.objects.get().standards.count() == 2
    retino = Project.objects.get(acronym="RETINO-IA")
    assert retino.live is False and not Project.objects.public().exists()
    assert retino.lead_organisation.ror_id == "01hq89f96"
    assert retino.partners.count() == 2 and retino.dataset_uses.count() == 1
    assert str(retino.fundings.get().amount_eur) == "450000.00"
    assert retino.latest_revision is not None  # a draft for moderation
    assert Project.objects.get(acronym="SEPSIS-PRED").start_date.isoformat() == (
        "2023-09-01"
    )


def test_reimport_changes_nothing_and_writes_no_row():
    import_all()
    before = table_counts()

    with CaptureQueriesContext(connection) as queries:
        counts = import_all()

    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].split(" ", 1)[0] in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    assert table_counts() == before
    assert all(n["created"] == n["updated"] == 0 for n in counts.values())
    assert counts["people"]["unchanged"] == 2


def test_a_changed_cell_updates_only_that_record():
    import_all()
    changed = samples.ORGANISATIONS.replace(",Bordeaux\n", ",Talence\n", 1)

    _kind, report = import_execute(
        files=[csv_file("o.csv", changed)], kind="organisations"
    )

    assert report.counts["organisations"] == {
        "created": 0,
        "updated": 1,
        "unchanged": 3,
    }
    assert Organisation.objects.get(ror_id="057qpr032").city == "Talence"


def test_dry_run_reports_counts_and_writes_nothing():
    before = table_counts()

    _kind, report = import_execute(
        files=[csv_file("o.csv", samples.ORGANISATIONS)],
        kind="organisations",
        dry_run=True,
    )

    assert report.ok and report.counts["organisations"]["created"] == 4
    assert table_counts() == before


def test_json_and_csv_of_the_same_records_are_equivalent():
    rows = [
        {"ror": "02vjkv261", "name": "Inserm national", "kind": "institute"},
        {"ror": "", "name": "INESIA", "kind": "agency", "city": "Paris"},
    ]
    as_json = SourceFile("o.json", json.dumps(rows).encode())
    as_csv = csv_file(
        "o.csv",
        "ror;name;kind;city\n02vjkv261;Inserm national;institute;\n"
        ";INESIA;agency;Paris\n",
    )
    _kind, from_json = import_execute(files=[as_json], kind="organisations")

    _kind, from_csv = import_execute(files=[as_csv], kind="organisations")

    assert from_json.counts["organisations"]["created"] == 2
    assert from_csv.ok and from_csv.counts["organisations"]["unchanged"] == 2


def test_bom_and_semicolons_and_kind_guessed_from_the_header():
    text = "\ufeffror;name\n01hq89f96;Centre hospitalier universitaire de Bordeaux\n"

    kind, report = import_execute(files=[csv_file("x.csv", text)])

    assert kind == "organisations" and report.ok
    assert Organisation.objects.get(ror_id="01hq89f96").kind == "other"


def test_not_utf8_is_a_clear_error_naming_the_byte_and_line():
    content = "name,city\nInserm,Paris\nHôpital,Créteil\n".encode("latin-1")
    before = table_counts()

    _kind, report = import_execute(
        files=[SourceFile("latin1.csv", content)], kind="organisations"
    )

    assert [(e.row, e.value) for e in report.errors] == [(3, "0xF4")]
    assert "UTF-8" in report.errors[0].reason and "position 24" in (
        report.errors[0].reason
    )
    assert table_counts() == before


def test_missing_and_unknown_columns_are_all_reported():
    located, errors = errors_of("rnsr,nom,city\n200918472W,BPH,Bordeaux\n", "teams")

    assert sorted(located) == [(1, "name"), (1, "nom"), (1, "parents")]
    assert "obligatoire" in next(e.reason for e in errors if e.column == "name")


def test_people_file_reports_every_problem_and_writes_nothing():
    import_all()
    before = table_counts()
    text = (
        "orcid,first_name,last_name,team\n"
        "0000-0002-1825-0097,Josiah,Carberry,BPH\n"  # valid, rolled back
        "0000-0002-1825-0098,Jo,Wrong,BPH\n"  # checksum
        "0000-0002-1825-0097,Josiah,Twice,BPH\n"  # duplicate key
        "0000-0001-5109-3700,Laure,Haak,Équipe inconnue\n"  # unknown team
        "0000-0002-1694-233X,,Sansprenom,\n"  # required cell
        "1234,Bad,Format,\n"  # ORCID format
        "0000-0002-1825-009X,Two,Problems,Nulle part\n"  # checksum and team
    )

    _kind, report = import_execute(files=[csv_file("p.csv", text)], kind="people")

    assert [(e.row, e.column) for e in report.errors] == [
        (3, "orcid"),
        (4, "orcid"),
        (5, "team"),
        (6, "first_name"),
        (7, "orcid"),
        (8, "orcid"),
        (8, "team"),
    ]
    assert "clé de contrôle" in report.errors[0].reason
    assert "ligne 2" in report.errors[1].reason
    assert report.errors[2].value == "Équipe inconnue"
    assert report.counts == {}
    assert table_counts() == before
    assert Person.objects.get(orcid="0000-0002-1825-0097").last_name == "Carberry"


def test_unknown_organisations_in_every_reference_column_are_errors():
    located, errors = errors_of(
        "name,parents,city\nBPH,Nulle part|02vjkv261,Bordeaux\n", "teams"
    )
    assert located == [(2, "parents"), (2, "parents")]  # unknown name and ROR
    assert {e.value for e in errors} == {"Nulle part", "02vjkv261"}

    located, _errors = errors_of(
        "acronym,lead_organisation,title,summary\nX,Inconnue,T,S\n", "projects"
    )
    assert located == [(2, "lead_organisation")]


def test_duplicate_keys_name_both_rows():
    text = (
        "ror,name\n01hq89f96,CHU de Bordeaux\nhttps://ror.org/01hq89f96,CHU Bordeaux\n"
        ",Institut X\n,INSTITUT X\n"
    )
    located, errors = errors_of(text, "organisations")

    assert located == [(3, "ror"), (5, "name")]
    assert "ligne 2" in errors[0].reason and "ligne 4" in errors[1].reason


def test_bad_cells_of_every_type_are_reported_together():
    text = (
        "acronym,lead_organisation,title,summary,trl,start_date,status,amount_eur,"
        "domains\n"
        "A,Inserm,T,S,12,2024-13-01,en-cours,beaucoup,cardiologie-imaginaire\n"
        "B,Nulle part,T,S,1,,,,\n"
    )
    import_all()
    located, errors = errors_of(text, "projects")

    assert located == [  # in the order of the documented columns
        (2, "status"),
        (2, "trl"),
        (2, "start_date"),
        (2, "amount_eur"),
        (2, "domains"),  # references too, on a row whose cells are bad
        (3, "lead_organisation"),
    ]
    assert errors[0].value == "en-cours" and "active" in errors[0].reason


def test_broken_json_and_rows_with_too_many_cells():
    located, _errors = errors_of('[{"name": "X"}, 3, ', "organisations", "o.json")
    assert located == [(1, "-")]

    located, errors = errors_of('["texte", {"name": "Y"}]', "organisations", "o.json")
    assert located == [(1, "-")]
    assert "objet" in errors[0].reason

    located, errors = errors_of("name,city\nA,Paris,en trop\nB,Lyon\n", "organisations")
    assert located == [(2, "-")]
    assert "3 valeurs pour 2 colonnes" in errors[0].reason


def test_a_published_project_keeps_its_live_version_and_gets_a_revision():
    import_all()
    project = Project.objects.get(acronym="RETINO-IA")
    project.save_revision().publish()
    changed = samples.PROJECTS.replace("Dépistage de la rétinopathie", "Nouveau titre")

    _kind, report = import_execute(files=[csv_file("p.csv", changed)], kind="projects")

    assert report.counts["projects"] == {"created": 0, "updated": 1, "unchanged": 1}
    project.refresh_from_db()
    assert project.live and project.title == "Dépistage de la rétinopathie"
    assert project.get_latest_revision_as_object().title == "Nouveau titre"
    assert project.has_unpublished_changes

    _kind, again = import_execute(files=[csv_file("p.csv", changed)], kind="projects")
    assert again.counts["projects"]["unchanged"] == 2


def test_wagtail_usage_index_is_refreshed_once_after_commit(
    django_capture_on_commit_callbacks,
):
    from wagtail.models import ReferenceIndex

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_all()

    chu = Organisation.objects.get(ror_id="01hq89f96")
    users = {ref.object_id for ref in ReferenceIndex.get_references_to(chu)}
    assert str(Project.objects.get(acronym="RETINO-IA").pk) in users
    ours = [c for c in callbacks if c.__qualname__.startswith("import_execute")]
    assert len(ours) == len(samples.IN_ORDER)  # one per import, not one per save
