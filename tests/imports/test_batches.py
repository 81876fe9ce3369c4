"""Issue 17, item 11: the batched import keeps what the row-by-row one gave: one
audit entry per created or changed record (same content), one outbox row per
document, tags and memberships, provenance, and a refused row named in the report."""

import pytest
from wagtail.models import ModelLogEntry

from projects.imports import batch
from projects.imports.engine import import_execute
from projects.imports.selectors import record_provenance
from registry.models import Membership, Organisation, Person
from search.models import SearchOutbox
from tests.factories import TeamFactory
from tests.imports.conftest import csv_file, table_counts

pytestmark = pytest.mark.django_db

PEOPLE = (
    "orcid,first_name,last_name,title,team,role,expertise\n"
    "0000-0002-1825-0097,Josiah,Carberry,,Aramis,head,imagerie|épidémiologie\n"
    "0000-0001-5109-3700,Laure,Haak,,,,imagerie\n"
)


def audit(instance, action):
    return [
        {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]}
        for entry in ModelLogEntry.objects.for_instance(instance).filter(action=action)
    ]


@pytest.fixture
def indexing(settings):
    settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_URL or "http://127.0.0.1:9"


def test_people_tags_memberships_audit_and_outbox_in_batches(indexing):
    team = TeamFactory(name="Équipe Aramis", acronym="Aramis")

    _kind, report = import_execute(files=[csv_file("p.csv", PEOPLE)], kind="people")

    assert report.counts["people"]["created"] == 2, report.errors
    carberry = Person.objects.get(orcid="0000-0002-1825-0097")
    assert set(carberry.expertise.names()) == {"imagerie", "épidémiologie"}
    assert Membership.objects.get(person=carberry, team=team).role == "head"
    [created] = audit(carberry, "audit.create")
    assert created["last_name"] == ("", "Carberry")
    [membership] = audit(carberry, "audit.edit")
    assert membership["appartenance"] == ("", f"{carberry} – {team}")
    assert set(
        SearchOutbox.objects.filter(search_type="person").values_list(
            "object_id", flat=True
        )
    ) == set(Person.objects.values_list("pk", flat=True))
    assert record_provenance(record=carberry).file_name == "p.csv"

    changed = PEOPLE.replace("Carberry,,Aramis,head,imagerie|", "Carbery,,Aramis,,")
    SearchOutbox.objects.all().delete()
    _kind, again = import_execute(files=[csv_file("p.csv", changed)], kind="people")

    assert again.counts["people"] == {"created": 0, "updated": 1, "unchanged": 1}
    carberry.refresh_from_db()
    assert set(carberry.expertise.names()) == {"épidémiologie"}
    [edit] = [e for e in audit(carberry, "audit.edit") if "last_name" in e]
    assert edit == {"last_name": ("Carberry", "Carbery")}
    assert list(SearchOutbox.objects.values_list("object_id", flat=True)) == [
        carberry.pk
    ]


def test_a_parent_named_by_a_pending_row_is_written_first():
    text = "name,city,parent\nInstitut A,Paris,\nLaboratoire B,Lyon,Institut A\n"

    _kind, report = import_execute(
        files=[csv_file("o.csv", text)], kind="organisations"
    )

    assert report.ok, report.errors
    assert Organisation.objects.get(name="Laboratoire B").parent.name == "Institut A"


def test_a_batch_the_database_refuses_names_its_row_and_writes_nothing(monkeypatch):
    monkeypatch.setattr(batch, "BATCH_SIZE", 2)
    text = "ror,name\n,Institut A\n,Institut B\n,Institut C\n057qpr032,Institut D\n"
    before = table_counts()

    def someone_else_writes(done, _total):
        # After the index was loaded, so the import does not know this ROR id.
        # (Rolled back with the import.)
        if done == 1:
            Organisation.objects.create(name="Ailleurs", ror_id="057qpr032")

    _kind, report = import_execute(
        files=[csv_file("o.csv", text)],
        kind="organisations",
        progress=someone_else_writes,
    )

    assert [(error.row, error.column) for error in report.errors] == [(5, "-")]
    assert "refusé par la base de données" in report.errors[0].reason
    assert report.counts == {}
    assert table_counts() == before


def test_team_tutelles_set_in_bulk_are_logged_as_single_changes_were():
    from registry.models import Team
    from tests.imports import samples

    for kind, name, text in samples.IN_ORDER[:2]:
        import_execute(files=[csv_file(name, text)], kind=kind)
    bph = Team.objects.get(rnsr="200918472W")
    assert audit(bph, "audit.edit") == [
        {
            "parents": (
                "",
                "+ Institut national de la santé et de la recherche "
                "médicale (Inserm), Université de Bordeaux",
            )
        }
    ]

    moved = samples.TEAMS.replace("Inserm|057qpr032", "Inserm|01hq89f96")
    _kind, report = import_execute(files=[csv_file("t.csv", moved)], kind="teams")

    assert report.counts["teams"] == {"created": 0, "updated": 1, "unchanged": 1}
    assert {o.ror_id for o in bph.parents.all()} == {"02vjkv261", "01hq89f96"}
    changes = [e["parents"] for e in audit(bph, "audit.edit")]
    assert ("- Université de Bordeaux", "") in changes
    assert ("", "+ Centre hospitalier universitaire de Bordeaux (CHU Bordeaux)") in (
        changes
    )
