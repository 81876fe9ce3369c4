"""allauth's hooks for the portal."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings

from portal.accounts.tasks import account_email_send
from portal.core.client_ip import client_ip
from portal.core.queue import task_enqueue


class PortalAccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the portal's one rule."""
        return client_ip(request) or super().get_client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render in the request (language, links), send from a Celery worker."""
        request = allauth_context.request
        # Without django.contrib.sites the "site" would be nameless: use the portal's.
        site = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME,
            domain=request.get_host() if request else "",
        )
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": site, **context},
        )
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        # Sent as soon as rendered, as allauth does (its links do not depend on the
        # transaction); the outbox row still keeps it if the broker is away.
        task_enqueue(
            account_email_send,
            after_commit=False,
            subject=message.subject,
            body=message.body,
            html=html,
            to=list(message.to),
            from_email=message.from_email,
        )
