"""Writes of saved searches and follows: create, pause, resume, delete, unsubscribe."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from search.alerts.models import Follow, SavedSearch


def saved_search_create(
    *, user, name: str, query_string: str, frequency: str
) -> SavedSearch:
    """A saved search; its first digest covers what is published from now on."""
    return SavedSearch.objects.create(
        user=user, name=name, query_string=query_string, frequency=frequency
    )


def subscription_set_active(
    *, subscription: SavedSearch | Follow, active: bool
) -> None:
    """Pause or resume. Resuming starts afresh: what was published during the pause is
    not sent as a backlog."""
    if subscription.active == active:
        return
    subscription.active = active
    fields = ["active"]
    if active:
        subscription.last_sent_at = timezone.now()
        fields.append("last_sent_at")
    subscription.save(update_fields=fields)


def follow_set(*, user, target: Model, following: bool) -> Follow | None:
    """Follow (or stop following) a project, team or dataset; idempotent."""
    content_type = ContentType.objects.get_for_model(target)
    with transaction.atomic():
        follow = (
            Follow.objects.select_for_update()
            .filter(user=user, content_type=content_type, object_id=target.pk)
            .first()
        )
        if not following:
            if follow:
                follow.delete()
            return None
        if follow is None:
            return Follow.objects.create(
                user=user, content_type=content_type, object_id=target.pk
            )
        subscription_set_active(subscription=follow, active=True)
        return follow


def unsubscribe_apply(*, kind: str, pk: int) -> int:
    """Switch off what a signed link names; returns how many alerts were active.

    Deactivated rather than deleted: the user sees them paused on "Mes alertes"."""
    if kind == "search":
        return SavedSearch.objects.filter(pk=pk, active=True).update(active=False)
    if kind == "follow":
        return Follow.objects.filter(pk=pk, active=True).update(active=False)
    return SavedSearch.objects.filter(user_id=pk, active=True).update(
        active=False
    ) + Follow.objects.filter(user_id=pk, active=True).update(active=False)
