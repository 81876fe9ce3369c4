"""The digest: for each user, what was published since their last e-mail.

Every subscription covers a half-open period [last_sent_at, end): the next run starts
exactly where this one stopped, so an item is reported once and never skipped.

Saved searches run through the one search service (search/service.py), restricted
to projects, and their hits are intersected with the public projects published in
the period (`last_published_at`, which a first publication sets too). The index has
no notion of "since"; filtering ids against the database keeps the search exactly
what /recherche/ shows, whichever engine answers, and the dates come from the one
place that is always current. A run with nothing published costs no search at all,
identical saved searches run once, and paging stops as soon as every candidate is
found.

Reads are grouped by type, not by user: collecting the digests of 10 or 10,000
users costs the same number of queries (plus the searches, one per distinct
saved query).
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Min, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.core.recipients import reachable_users_q
from projects.models import Project, ProjectDataset, ProjectPartner
from registry.models import Dataset, Evaluation, Team
from search.alerts.models import Follow, Frequency, SavedSearch
from search.alerts.params import saved_search_request
from search.alerts.tokens import unsubscribe_path
from search.models import SearchOutbox
from search.service import search_execute

logger = logging.getLogger(__name__)
LOCK_KEY = "alerts:digest:running"


@dataclass
class DigestItem:
    label: str
    path: str
    note: str  # what happened: new project, new version, evaluation…


@dataclass
class DigestSection:
    heading: str
    path: str
    unsubscribe_path: str
    items: list[DigestItem]


@dataclass
class UserDigest:
    user: object
    sections: list[DigestSection] = field(default_factory=list)
    saved_search_ids: list[int] = field(default_factory=list)
    follow_ids: list[int] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.sections)


@dataclass
class DigestReport:
    period_end: datetime | None = None
    users: int = 0
    sent: int = 0
    failed: int = 0
    skipped_running: bool = False


# --- the period --------------------------------------------------------------------


def digest_period_end(*, now: datetime) -> datetime:
    """Where this run's period stops.

    A little before now, so that a publication still committing is not passed over;
    and, with Elasticsearch, before the oldest publication the index has not taken
    in yet (its outbox row is pending), so the search can see everything in the
    period. A row stuck longer than ALERTS_INDEX_WAIT_HOURS no longer holds back
    everyone else's alerts.
    """
    end = now - timedelta(seconds=settings.ALERTS_SETTLE_SECONDS)
    if settings.ELASTICSEARCH_URL:
        pending = SearchOutbox.objects.filter(search_type="project").values("object_id")
        oldest = (
            Project.objects.public()
            .filter(
                pk__in=pending,
                last_published_at__gt=now
                - timedelta(hours=settings.ALERTS_INDEX_WAIT_HOURS),
            )
            .aggregate(oldest=Min("last_published_at"))["oldest"]
        )
        if oldest is not None and oldest < end:
            end = oldest
    return end


# --- collecting --------------------------------------------------------------------


def digests_collect(*, period_end: datetime, now: datetime) -> list[UserDigest]:
    """One digest per user with an active subscription due today (possibly empty:
    its period is covered all the same)."""
    frequencies = [Frequency.DAILY]
    if timezone.localdate(now).weekday() == settings.ALERTS_WEEKLY_WEEKDAY:
        frequencies.append(Frequency.WEEKLY)
    searches = [
        search
        for search in _due(SavedSearch.objects.filter(frequency__in=frequencies))
        if search.reported_since < period_end
    ]
    follows = [
        follow
        for follow in _due(Follow.objects.all())
        if follow.reported_since < period_end
    ]

    digests: dict[int, UserDigest] = {}

    def digest_of(user) -> UserDigest:
        return digests.setdefault(user.pk, UserDigest(user=user))

    search_items = _saved_search_items(searches, period_end)
    for search in searches:
        digest = digest_of(search.user)
        digest.saved_search_ids.append(search.pk)
        if search_items.get(search.pk):
            digest.sections.append(
                DigestSection(
                    heading=_("Recherche « %(name)s »") % {"name": search.name},
                    path=search.get_absolute_url(),
                    unsubscribe_path=unsubscribe_path(kind="search", pk=search.pk),
                    items=search_items[search.pk],
                )
            )
    for follow, heading, path, items in _follow_sections(follows, period_end):
        digest = digest_of(follow.user)
        digest.follow_ids.append(follow.pk)
        if items:
            digest.sections.append(
                DigestSection(
                    heading=heading,
                    path=path,
                    unsubscribe_path=unsubscribe_path(kind="follow", pk=follow.pk),
                    items=items,
                )
            )
    return sorted(digests.values(), key=lambda digest: digest.user.pk)


def _due(rows):
    """Active subscriptions of users who may be e-mailed."""
    return list(
        rows.filter(reachable_users_q("user__"), active=True)
        .select_related("user")
        .order_by("pk")
    )


def _in_period(field_name: str, start: datetime, end: datetime) -> Q:
    return Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end})


def _project_item(project: Project, since: datetime) -> DigestItem:
    is_new = project.first_published_at and project.first_published_at >= since
    return DigestItem(
        label=str(project),
        path=project.get_absolute_url(),
        note=_("nouveau projet") if is_new else _("projet mis à jour"),
    )


def _saved_search_items(
    searches: list[SavedSearch], end: datetime
) -> dict[int, list[DigestItem]]:
    if not searches:
        return {}
    start = min(search.reported_since for search in searches)
    candidates = {
        project.pk: project
        for project in Project.objects.public()
        .filter(_in_period("last_published_at", start, end))
        .only(
            "pk", "slug", "title", "acronym", "first_published_at", "last_published_at"
        )
        .order_by("title", "pk")
    }
    if not candidates:
        return {}
    by_query: dict[str, datetime] = {}
    for search in searches:
        since = by_query.get(search.query_string, search.reported_since)
        by_query[search.query_string] = min(since, search.reported_since)
    matches = {
        query: _search_matching(
            query,
            {pk for pk, p in candidates.items() if p.last_published_at >= since},
        )
        for query, since in by_query.items()
    }
    return {
        search.pk: [
            _project_item(project, search.reported_since)
            for pk, project in candidates.items()
            if pk in matches[search.query_string]
            and project.last_published_at >= search.reported_since
        ]
        for search in searches
    }


def _search_matching(query_string: str, pool: set[int]) -> set[int]:
    """Which projects of `pool` the saved search finds, paging until all are seen."""
    if not pool:
        return set()
    request = saved_search_request(
        query_string=query_string, page_size=settings.ALERTS_SEARCH_PAGE_SIZE
    )
    if request is None:
        logger.warning("saved search no longer valid: %s", query_string)
        return set()
    found: set[int] = set()
    for _page in range(settings.ALERTS_SEARCH_MAX_PAGES):
        response = search_execute(request=request)
        found |= {int(hit.pk) for hit in response.hits if hit.type == "project"} & pool
        if found == pool or len(response.hits) < request.page_size:
            break
        if response.next_search_after:
            request = replace(request, search_after=response.next_search_after)
        else:
            request = replace(request, page=request.page + 1, search_after=None)
    return found


def _follow_sections(follows: list[Follow], end: datetime):
    """(follow, heading, path, items) for each follow, in a fixed number of queries."""
    if not follows:
        return []
    start = min(follow.reported_since for follow in follows)
    type_ids = {
        ContentType.objects.get_for_model(model).pk: name
        for name, model in (("project", Project), ("team", Team), ("dataset", Dataset))
    }
    ids: dict[str, set[int]] = defaultdict(set)
    for follow in follows:
        if follow.content_type_id in type_ids:
            ids[type_ids[follow.content_type_id]].add(follow.object_id)

    # (type, target id) → what happened to it, rendered once for all its followers
    # and filtered per follow by that follow's own period.
    news: dict[tuple[str, int], list[_News]] = defaultdict(list)
    targets = {}
    if ids["project"]:
        projects = Project.objects.public().in_bulk(ids["project"])
        targets.update({("project", pk): p for pk, p in projects.items()})
        for project in projects.values():
            if project.last_published_at and start <= project.last_published_at < end:
                news["project", project.pk].append(
                    _News(
                        project.last_published_at,
                        _project_news_item(project, _("nouvelle version publiée")),
                    )
                )
        for evaluation in (
            Evaluation.objects.public()
            .filter(project_id__in=ids["project"])
            .filter(_in_period("updated_at", start, end))
            .order_by("reference")
        ):
            label = f"{evaluation.reference} – {evaluation.get_verdict_display()}"
            path = evaluation.get_absolute_url()
            news["project", evaluation.project_id].append(
                _News(
                    evaluation.updated_at,
                    DigestItem(label, path, _("nouvelle évaluation publiée")),
                    published_on=evaluation.published_on,
                    item_if_older=DigestItem(label, path, _("évaluation mise à jour")),
                )
            )
    if ids["team"]:
        targets.update(
            {("team", pk): t for pk, t in Team.objects.in_bulk(ids["team"]).items()}
        )
        for project in (
            Project.objects.public()
            .filter(_in_period("first_published_at", start, end))
            .filter(
                Q(lead_team_id__in=ids["team"]) | Q(partners__team_id__in=ids["team"])
            )
            .distinct()
            .prefetch_related(
                Prefetch(
                    "partners",
                    queryset=ProjectPartner.objects.filter(team_id__in=ids["team"]),
                )
            )
            .order_by("title", "pk")
        ):
            teams = {project.lead_team_id} | {p.team_id for p in project.partners.all()}
            happened = _News(
                project.first_published_at,
                _project_news_item(project, _("nouveau projet")),
            )
            for team_id in teams & ids["team"]:
                news["team", team_id].append(happened)
    if ids["dataset"]:
        targets.update(
            {
                ("dataset", pk): d
                for pk, d in Dataset.objects.in_bulk(ids["dataset"]).items()
            }
        )
        for use in (
            ProjectDataset.objects.filter(
                dataset_id__in=ids["dataset"],
                project__in=Project.objects.public().filter(
                    _in_period("first_published_at", start, end)
                ),
            )
            .select_related("project")
            .order_by("project__title", "pk")
        ):
            news["dataset", use.dataset_id].append(
                _News(
                    use.project.first_published_at,
                    _project_news_item(use.project, _("nouveau projet")),
                )
            )

    headings = {
        key: (str(target), target.get_absolute_url()) for key, target in targets.items()
    }
    sections = []
    for follow in follows:
        key = (type_ids.get(follow.content_type_id), follow.object_id)
        if key not in headings:  # unpublished or deleted since it was followed
            sections.append((follow, "", "", []))
            continue
        since = follow.reported_since
        items = []
        for happened in news.get(key, []):
            item = happened.for_follower(since)
            if since <= happened.moment < end and item not in items:
                items.append(item)
        sections.append((follow, *headings[key], items))
    return sections


@dataclass
class _News:
    """Something that happened to a followed record."""

    moment: datetime
    item: DigestItem
    # Evaluations: new to a follower if published on or after their period's start
    # day (the model keeps a date), otherwise reported as an update.
    published_on: date | None = None
    item_if_older: DigestItem | None = None

    def for_follower(self, since: datetime) -> DigestItem:
        if self.item_if_older is None:
            return self.item
        is_new = self.published_on and self.published_on >= since.date()
        return self.item if is_new else self.item_if_older


def _project_news_item(project: Project, note) -> DigestItem:
    return DigestItem(label=str(project), path=project.get_absolute_url(), note=note)


# --- sending -----------------------------------------------------------------------


def digest_message(*, digest: UserDigest) -> EmailMultiAlternatives:
    """The e-mail of one digest: text and HTML, with RFC 8058 one-click unsubscribe."""
    # Workers have no request: the site's language decides the URLs and the text.
    with translation.override(settings.LANGUAGE_CODE):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        unsubscribe_all = base_url + unsubscribe_path(kind="user", pk=digest.user.pk)
        context = {
            "digest": digest,
            "base_url": base_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "alerts_url": base_url + reverse("alerts:my_alerts"),
            "unsubscribe_all_url": unsubscribe_all,
        }
        count = digest.item_count
        subject = ngettext(
            "%(count)d nouveauté dans le registre de l’IA en santé",
            "%(count)d nouveautés dans le registre de l’IA en santé",
            count,
        ) % {"count": count}
        text = render_to_string("alerts/email/digest.txt", context)
        html = render_to_string("alerts/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[digest.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def digests_send(
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DigestReport:
    """Send every due digest; one e-mail per user, none when there is nothing new.

    A user's period advances right after their e-mail is accepted (or when there was
    nothing to send), never before: a failed send leaves it for the retry, a crash
    mid-run resends to no one. Runs never overlap (a cache lock), and a second run
    finds empty periods: running twice sends nothing twice.
    """
    report = DigestReport()
    if not cache.add(LOCK_KEY, "1", timeout=settings.ALERTS_LOCK_SECONDS):
        report.skipped_running = True
        return report
    try:
        now = now or timezone.now()
        report.period_end = digest_period_end(now=now)
        digests = digests_collect(period_end=report.period_end, now=now)
        report.users = len(digests)
        quiet = UserDigest(user=None)  # nothing new: their periods advance together
        with get_connection() as connection:
            for done, digest in enumerate(digests, start=1):
                if not digest.sections:
                    quiet.saved_search_ids += digest.saved_search_ids
                    quiet.follow_ids += digest.follow_ids
                    continue
                try:
                    connection.send_messages([digest_message(digest=digest)])
                except (SMTPException, OSError):
                    logger.warning(
                        "digest to user %s not sent", digest.user.pk, exc_info=True
                    )
                    report.failed += 1
                    continue
                report.sent += 1
                _period_covered(digest, report.period_end)
                if progress:
                    progress(done, len(digests))
        _period_covered(quiet, report.period_end)
        if progress:
            progress(len(digests), len(digests))
    finally:
        cache.delete(LOCK_KEY)
    return report


def _period_covered(digest: UserDigest, end: datetime) -> None:
    if digest.saved_search_ids:
        SavedSearch.objects.filter(pk__in=digest.saved_search_ids).update(
            last_sent_at=end
        )
    if digest.follow_ids:
        Follow.objects.filter(pk__in=digest.follow_ids).update(last_sent_at=end)
