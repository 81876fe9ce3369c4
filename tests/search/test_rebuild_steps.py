"""The fixed steps of a rebuild (issue 15): a merge only when an index filled by
several requests has more than one segment per shard, the alias moved and the old
index deleted in one call (or in two when an old index vanished meanwhile), and
the owners' links to public projects read the same whether PostgreSQL groups them
or not."""

import pytest
from django.apps import apps
from django.db import connection

import search.indexing as indexing
from projects.models import ProjectMember
from search.documents import DatasetDocument
from search.indexing import _index_ready, index_rebuild, index_settings
from search.owner_sets import owner_links
from tests.factories import (
    DatasetFactory,
    PersonFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def _segments(client, name: str) -> int:
    stats = client.indices.stats(index=name, metric="segments")
    return stats["indices"][name]["primaries"]["segments"]["count"]


@pytest.fixture
def merges(search_engine, monkeypatch):
    """The force-merges sent to the engine (each one still sent)."""
    sent = []
    forcemerge = type(search_engine.indices).forcemerge

    def counted(self, **kwargs):
        sent.append(kwargs["index"])
        return forcemerge(self, **kwargs)

    monkeypatch.setattr(type(search_engine.indices), "forcemerge", counted)
    return sent


def _filled_index(client, *, writes: int) -> str:
    """A dataset index holding one document per write, each write refreshed on its
    own: as many segments as writes."""
    name = f"{DatasetDocument.alias()}-segments"
    client.indices.create(index=name, settings=index_settings(filling=True))
    for pk in range(writes):
        client.index(index=name, id=pk, document={"pk": pk}, refresh=True)
    return name


def test_an_index_of_several_segments_is_merged_into_one(search_engine, merges):
    name = _filled_index(search_engine, writes=3)
    assert _segments(search_engine, name) == 3
    _index_ready(search_engine, name)
    assert merges == [name]
    assert _segments(search_engine, name) == 1


def test_an_index_of_one_segment_is_not_merged(search_engine, merges):
    name = _filled_index(search_engine, writes=1)
    _index_ready(search_engine, name)
    assert merges == []
    assert search_engine.count(index=name)["count"] == 1


def test_a_small_index_is_not_merged(search_engine, merges):
    """One batch in serving settings: two segments if a periodic refresh fell
    during its request, searched as they are."""
    name = _filled_index(search_engine, writes=2)
    _index_ready(search_engine, name, filled=False)
    assert merges == []
    assert search_engine.count(index=name)["count"] == 2


def test_the_alias_moves_when_an_old_index_vanished_meanwhile(
    search_engine, monkeypatch
):
    DatasetFactory(name="Cohorte sommeil")
    first = index_rebuild(search_type="dataset")
    alias = DatasetDocument.alias()
    vanished = f"{alias}-vanished"
    # As if another rebuild had deleted an index after we read the alias.
    monkeypatch.setattr(
        indexing, "_alias_indexes", lambda client, alias: [first, vanished]
    )
    second = index_rebuild(search_type="dataset")
    assert list(search_engine.indices.get_alias(name=alias)) == [second]
    assert not search_engine.indices.exists(index=first)
    assert search_engine.count(index=alias)["count"] == 1


@pytest.mark.parametrize("search_type", ["team", "person", "dataset"])
def test_links_grouped_by_postgresql_equal_links_row_by_row(search_type, monkeypatch):
    for _ in range(3):
        rich_project()
    team, dataset, person = TeamFactory(), DatasetFactory(), PersonFactory()
    PersonFactory()  # without projects
    draft = ProjectFactory(live=False, lead_team=team)
    shared = ProjectFactory(lead_team=team)
    for project in (draft, shared):
        ProjectPartnerFactory(project=project, team=team)  # lead and partner: one
        ProjectDatasetFactory(project=project, dataset=dataset)
        ProjectMember.objects.create(project=project, person=person, role="pi")
    model = {"team": "registry.Team", "person": "registry.Person"}.get(
        search_type, "registry.Dataset"
    )
    ids = list(apps.get_model(model).objects.values_list("pk", flat=True))
    grouped = owner_links(search_type, ids)
    monkeypatch.setattr(connection, "vendor", "row-by-row")
    row_by_row = owner_links(search_type, ids)
    assert grouped == row_by_row
    assert draft.pk not in set().union(*grouped.values())
    assert shared.pk in set().union(*grouped.values())
