"""The matching tables follow the registry: every change that matching reads marks
its project or team in `MatchingDirty`, in the writer's transaction (a save never
waits for a profile), and after commit a task applies the marks
(search/matching/store.py `matching_refresh`). A request first applies a few marks
still pending, so a change is seen at once even without a worker (and in tests).
Marks are re-dated, never duplicated; a mark moved during a refresh stays for the
next one, so no change is lost.

Not followed here: a renamed or re-parented taxonomy term, or an institute's
hierarchy; run `manage.py matching_tables_rebuild` after such edits.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from portal.core.bulk import records_bulk_saved
from portal.core.queue import task_enqueue
from projects.models import (
    Project,
    ProjectDataset,
    ProjectKeyword,
    ProjectPartner,
)
from registry.models import Evaluation, Organisation, Team, TeamExpertise
from search.matching.models import MatchingDirty

logger = logging.getLogger(__name__)

# A request applies at most this many marks itself; more are a worker's job.
REQUEST_APPLY_MAX = 50
TASK_BATCH = 200


def matching_mark(*, projects: Iterable[int] = (), teams: Iterable[int] = ()) -> None:
    """Record projects and teams whose matching rows must be computed again."""
    from search.signals import _deferred

    if _deferred:  # a bulk load (seed_demo) rebuilds the tables once after
        return
    now = timezone.now()
    rows = [
        MatchingDirty(kind=kind, object_id=pk, changed_at=now)
        for kind, ids in (("p", projects), ("t", teams))
        for pk in {pk for pk in ids if pk}
    ]
    if not rows:
        return
    MatchingDirty.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["changed_at"],
    )
    # A task per mark: the first applies them all, the others find nothing.
    transaction.on_commit(_apply_after_commit)


def _apply_after_commit() -> None:
    from search.matching.tasks import matching_tables_refresh_task

    # Not durable: the marks are the record; a request or the periodic task
    # applies them if this message is lost.
    task_enqueue(matching_tables_refresh_task, durable=False, after_commit=False)


def matching_pending_apply(*, limit: int | None = REQUEST_APPLY_MAX) -> int:
    """Apply pending marks, `limit` at most (None: all, by batches); how many.
    With more than `limit` pending, apply none: a worker is on it."""
    applied = 0
    while True:
        size = TASK_BATCH if limit is None else limit
        marks = list(
            MatchingDirty.objects.order_by("pk").values_list(
                "pk", "kind", "object_id", "changed_at"
            )[: size + 1]
        )
        if not marks or (limit is not None and len(marks) > limit):
            return applied
        marks = marks[:size]
        from search.matching.store import matching_refresh

        matching_refresh(
            project_ids=[pk for _id, kind, pk, _at in marks if kind == "p"],
            team_ids=[pk for _id, kind, pk, _at in marks if kind == "t"],
        )
        for mark_id, _kind, _pk, changed_at in marks:
            MatchingDirty.objects.filter(pk=mark_id, changed_at=changed_at).delete()
        applied += len(marks)
        if limit is not None:
            return applied


# --- what marks what ---------------------------------------------------------------


def _project_saved(sender, instance, **kwargs) -> None:
    matching_mark(projects=[instance.pk])


def _project_child_saved(sender, instance, **kwargs) -> None:
    matching_mark(projects=[instance.project_id])


def _keyword_saved(sender, instance, **kwargs) -> None:
    matching_mark(projects=[instance.content_object_id])


def _team_saved(sender, instance, **kwargs) -> None:
    matching_mark(teams=[instance.pk])


def _expertise_saved(sender, instance, **kwargs) -> None:
    matching_mark(teams=[instance.content_object_id])


def _organisation_saved(sender, instance, **kwargs) -> None:
    # Its name is an institute's name in its teams' profiles.
    matching_mark(
        teams=Team.objects.filter(parents=instance).values_list("pk", flat=True)
    )


def _project_terms_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        matching_mark(projects=(pk_set or ()) if reverse else [instance.pk])


def _team_parents_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        matching_mark(teams=(pk_set or ()) if reverse else [instance.pk])


_SAVED = {
    Project: _project_saved,
    ProjectPartner: _project_child_saved,
    ProjectDataset: _project_child_saved,
    Evaluation: _project_child_saved,
    ProjectKeyword: _keyword_saved,
    Team: _team_saved,
    TeamExpertise: _expertise_saved,
    Organisation: _organisation_saved,
}


# What a bulk write of each model marks: ("p" or "t", the id's attribute).
_BULK = {
    Project: ("p", "pk"),
    ProjectPartner: ("p", "project_id"),
    ProjectDataset: ("p", "project_id"),
    Evaluation: ("p", "project_id"),
    ProjectKeyword: ("p", "content_object_id"),
    Team: ("t", "pk"),
    TeamExpertise: ("t", "content_object_id"),
}


def _bulk_saved(sender, created=(), updated=(), links=(), **kwargs) -> None:
    """A bulk write's batch: one mark for all of it, whatever its size."""
    instances = [*created, *(one for one, _before in updated)]
    marked: dict[str, set[int]] = {"p": set(), "t": set()}
    if sender in _BULK:
        kind, attribute = _BULK[sender]
        marked[kind] |= {getattr(one, attribute) for one in instances}
    elif sender is Organisation and instances:
        marked["t"] |= set(
            Team.objects.filter(parents__in=[one.pk for one in instances]).values_list(
                "pk", flat=True
            )
        )
    for instance, _field, _added, _removed in links:
        if isinstance(instance, Project):
            marked["p"].add(instance.pk)
        elif isinstance(instance, Team):
            marked["t"].add(instance.pk)
    matching_mark(projects=marked["p"], teams=marked["t"])


def matching_receivers_connect() -> None:
    for model, handler in _SAVED.items():
        post_save.connect(handler, sender=model, dispatch_uid=f"matching-{model}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"matching-del-{model}")
    for through in (Project.domains.through, Project.techniques.through):
        m2m_changed.connect(
            _project_terms_changed, sender=through, dispatch_uid=f"matching-{through}"
        )
    m2m_changed.connect(
        _team_parents_changed,
        sender=Team.parents.through,
        dispatch_uid="matching-team-parents",
    )
    records_bulk_saved.connect(_bulk_saved, dispatch_uid="matching-bulk")
