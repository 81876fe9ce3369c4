"""Moderators handle error reports in the admin: a snippet listing with filters."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.feedback.models import ErrorReport
from portal.feedback.services import error_report_after_moderation


class ErrorReportViewSet(SnippetViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Signalements")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["__str__", "status", "email", "created_at", "handled_by"]
    list_filter = ["status", "created_at"]
    search_fields = ["page_url", "description", "email"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("email", read_only=True),
        FieldRowPanel([FieldPanel("status")]),
        FieldPanel("moderator_comment"),
    ]


register_snippet(ErrorReportViewSet)


@hooks.register("after_edit_snippet")
def answer_when_resolved(request, instance):
    if isinstance(instance, ErrorReport):
        error_report_after_moderation(report=instance, user=request.user)
