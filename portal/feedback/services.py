"""Error reports: creating tickets (with a per-address rate limit), moderators'
permissions, and handing the e-mails to Celery once the change is committed."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from portal.core.queue import task_enqueue
from portal.core.roles import MODERATORS
from portal.feedback.models import ErrorReport

MODERATORS_GROUP = MODERATORS


def error_report_rate_allow(*, ip: str) -> bool:
    """Count one report from this address in the current hour; False past the limit.

    The address is hashed before it becomes a cache key and is never stored."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    hour = timezone.now().strftime("%Y%m%d%H")
    key = f"feedback:rate:{digest}:{hour}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= settings.FEEDBACK_REPORTS_PER_HOUR


def error_report_create(*, page_url: str, description: str, email: str) -> ErrorReport:
    """A new ticket; moderators are e-mailed once it is committed."""
    from portal.feedback.tasks import error_report_notify_moderators

    with transaction.atomic():  # the ticket and its queued e-mail, together
        report = ErrorReport.objects.create(
            page_url=page_url, description=description, email=email
        )
        task_enqueue(error_report_notify_moderators, report.pk)
    return report


def error_report_after_moderation(*, report: ErrorReport, user) -> None:
    """After a moderator saved a ticket: who handled it, and the reporter's answer
    once it is resolved (sent once, if they left an address)."""
    from portal.feedback.tasks import error_report_answer_reporter

    if report.handled_by_id != getattr(user, "pk", None):
        report.handled_by = user
        report.save(update_fields=["handled_by"])
    if (
        report.status == ErrorReport.Status.RESOLVED
        and report.email
        and report.reporter_notified_at is None
    ):
        task_enqueue(error_report_answer_reporter, report.pk)


def error_report_permissions_ensure() -> None:
    """Moderators see, handle and delete tickets (nobody adds them in the admin)."""
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    content_type = ContentType.objects.get_for_model(ErrorReport)
    moderators.permissions.add(
        *[
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_errorreport",
                defaults={"name": f"Can {action} error report"},
            )[0]
            for action in ("view", "change", "delete")
        ]
    )
