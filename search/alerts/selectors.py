"""Reads of saved searches and follows for the account pages and the buttons."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from projects.models import Project
from registry.models import Dataset, Team
from search.alerts.models import Follow, SavedSearch

# What can be followed, and the rows of each the public may reach.
FOLLOWABLE = {
    "project": lambda: Project.objects.public(),
    "team": lambda: Team.objects.all(),
    "dataset": lambda: Dataset.objects.all(),
}


def follow_type_name(model: type[Model]) -> str | None:
    names = {"project": Project, "team": Team, "dataset": Dataset}
    return next((name for name, cls in names.items() if cls is model), None)


def follow_target_get(*, target_type: str, target_id: int) -> Model | None:
    """A public project, or a team or dataset, that may be followed; else None."""
    rows = FOLLOWABLE.get(target_type)
    return rows().filter(pk=target_id).first() if rows else None


def follow_get(*, user, target: Model) -> Follow | None:
    return Follow.objects.filter(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
    ).first()


def saved_search_list(*, user) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("name", "pk")


def follow_list(*, user) -> list[Follow]:
    """The user's follows, each with `target` loaded: one query per followed type.

    A project unpublished since it was followed keeps its row but shows no link."""
    follows = list(
        Follow.objects.filter(user=user)
        .select_related("content_type")
        .order_by("-created_at", "pk")
    )
    by_type: dict[int, list[Follow]] = {}
    for follow in follows:
        by_type.setdefault(follow.content_type_id, []).append(follow)
    for rows in by_type.values():
        model = rows[0].content_type.model_class()
        name = follow_type_name(model)
        visible = FOLLOWABLE[name]() if name else model.objects.none()
        targets = visible.in_bulk([follow.object_id for follow in rows])
        for follow in rows:
            follow.public_target = targets.get(follow.object_id)
            follow.type_name = name
    return follows


def unsubscribe_subject(*, kind: str, pk: int) -> str | None:
    """What a signed link would switch off, in words; None when it no longer exists."""
    if kind == "search":
        search = SavedSearch.objects.filter(pk=pk).first()
        return search.name if search else None
    if kind == "follow":
        follow = Follow.objects.filter(pk=pk).select_related("content_type").first()
        if follow is None:
            return None
        target = follow.target
        return str(target) if target else None
    return ""  # all of a user's alerts
