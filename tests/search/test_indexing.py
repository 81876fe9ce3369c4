"""Indexing loses nothing: changes go through the outbox, survive an unreachable
Elasticsearch, and reach the index once it answers; rebuilds switch aliases;
reconcile finds and fixes differences."""

import pytest
from elasticsearch import ConnectionError as ElasticsearchConnectionError

from search.client import es_client, es_reset
from search.contract import SearchRequest
from search.documents import ProjectDocument
from search.indexing import index_rebuild, index_reconcile, search_outbox_drain
from search.models import SearchOutbox
from search.service import search_execute
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    response = search_execute(request=SearchRequest(query=query, types=["project"]))
    assert response.engine == "elasticsearch"
    return [hit.label for hit in response.hits]


@pytest.fixture
def empty_indexes(search_engine):
    index_rebuild(search_type="project")


def test_publishing_and_unpublishing_go_through_the_outbox(empty_indexes):
    project = ProjectFactory(
        title="Oxymétrie nocturne et apnée", acronym="OXYNOC", live=False
    )
    project.save_revision().publish()
    assert SearchOutbox.objects.filter(
        search_type="project", object_id=project.pk
    ).exists()
    report = search_outbox_drain()
    assert report.indexed >= 1 and report.pending == 0
    assert found("oxymetrie") == ["OXYNOC – Oxymétrie nocturne et apnée"]

    project.refresh_from_db()  # publish() worked on the revision's copy
    project.unpublish()
    search_outbox_drain()
    assert found("oxymetrie") == []


def test_nothing_is_lost_while_elasticsearch_is_unreachable(empty_indexes, settings):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    es_reset()
    project = ProjectFactory(title="Capnographie en salle de réveil", acronym="CAPNO")
    # The write succeeded and the page works, from the database.
    response = search_execute(request=SearchRequest(query="capnographie"))
    assert response.engine == "database"
    assert [hit.label for hit in response.hits] == [str(project)]
    with pytest.raises(ElasticsearchConnectionError):
        search_outbox_drain()
    assert SearchOutbox.objects.filter(
        search_type="project", object_id=project.pk
    ).exists()

    settings.ELASTICSEARCH_URL = real_url
    es_reset()
    search_outbox_drain()
    assert not SearchOutbox.objects.filter(
        search_type="project", object_id=project.pk
    ).exists()
    assert found("capnographie") == [str(project)]


def test_a_change_during_a_drain_stays_queued(empty_indexes):
    project = ProjectFactory(title="Première version")
    row = SearchOutbox.objects.get(search_type="project", object_id=project.pk)
    # Simulate a new change landing after the drain read the row.
    SearchOutbox.objects.filter(pk=row.pk).update(
        dirtied_at=row.dirtied_at.replace(year=row.dirtied_at.year + 1)
    )
    from search.indexing import DrainReport, _apply

    _apply(es_client(), "project", [row], DrainReport())
    assert SearchOutbox.objects.filter(pk=row.pk).exists()


def test_rebuild_moves_the_alias_and_drops_the_old_index(search_engine):
    ProjectFactory(title="Électrocardiogramme ambulatoire", acronym="HOLTER")
    first = index_rebuild(search_type="project")
    second = index_rebuild(search_type="project")
    client = es_client()
    assert list(client.indices.get_alias(name=ProjectDocument.alias())) == [second]
    assert not client.indices.exists(index=first)
    assert found("holter") == ["HOLTER – Électrocardiogramme ambulatoire"]


def test_reconcile_finds_and_fixes_differences(search_engine):
    kept = ProjectFactory(title="Spirométrie connectée", acronym="SPIRO")
    gone = ProjectFactory(title="Projet retiré", acronym="RETIRE")
    index_rebuild(search_type="project")
    client = es_client()
    client.delete(index=ProjectDocument.alias(), id=kept.pk, refresh=True)
    gone.live = False
    gone.save(update_fields=["live"])
    SearchOutbox.objects.all().delete()  # as if the change's outbox row were lost

    report = index_reconcile(search_type="project", fix=False)
    assert report.missing == [kept.pk] and report.extra == [gone.pk]
    index_reconcile(search_type="project")
    assert index_reconcile(search_type="project", fix=False).differences == 0
    assert found("spirometrie") == ["SPIRO – Spirométrie connectée"]
    assert found("retire") == []
