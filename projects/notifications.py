"""E-mails about projects, sent to the people who work on them.

Addresses come from `Person.email`, which is never displayed: these messages are the
only place it is used.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core.recipients import reachable_people_q
from projects.models import Project, ProjectMember


def project_publication_notify_members(*, project_id: int) -> int:
    """Tell each member of a newly published project that it is on the registry.

    Re-reads the project from the public queryset, so a project unpublished in the
    meantime (or deleted) gets no message. Fictional (demo) people are never written
    to. Sends one e-mail per distinct address and returns how many were sent.
    """
    project = Project.objects.public().filter(pk=project_id).first()
    if project is None:
        return 0

    recipients = sorted(
        set(
            ProjectMember.objects.filter(
                reachable_people_q("person__"), project=project
            ).values_list("person__email", flat=True)
        )
    )
    if not recipients:
        return 0

    # Workers have no request: the public language decides the URL prefix and the text.
    with translation.override(settings.LANGUAGE_CODE):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        project_url = base_url + project.get_absolute_url()
        subject = _("Votre projet « %(title)s » est publié") % {"title": project.title}
        body = _(
            "Bonjour,\n\n"
            "Le projet « %(title)s », auquel vous participez, est désormais publié "
            "sur le %(site)s.\n\n"
            "Vous pouvez le consulter à cette adresse :\n%(url)s\n\n"
            "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
        ) % {
            "title": project.title,
            "site": settings.WAGTAIL_SITE_NAME,
            "url": project_url,
        }

    messages = [
        EmailMessage(subject=subject, body=body, to=[address]) for address in recipients
    ]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
