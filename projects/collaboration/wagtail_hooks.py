"""Admin wiring: moderators manage calls as snippets and read contact requests."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from projects.collaboration.models import CollaborationCall, ContactRequest


class CollaborationCallViewSet(SnippetViewSet):
    model = CollaborationCall
    icon = "mail"
    menu_label = _("Appels à collaboration")
    list_display = ["title", "project", "team", "status", "deadline"]
    list_filter = ["status", "domains", "techniques"]
    search_fields = ["title", "text"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("project"), FieldPanel("team")])],
            heading=_("Au nom de (un projet ou une équipe)"),
        ),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("domains"), FieldPanel("techniques")]),
        FieldPanel("dataset"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("deadline")]),
    ]


class ContactRequestViewSet(SnippetViewSet):
    """Read-only in practice: moderators only get the view permission."""

    model = ContactRequest
    icon = "comment"
    menu_label = _("Demandes de contact")
    list_display = ["sender", "team", "status", "created_at", "sent_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]
    panels = [FieldPanel("status", read_only=True)]


class CollaborationGroup(SnippetViewSetGroup):
    items = (CollaborationCallViewSet, ContactRequestViewSet)
    menu_icon = "mail"
    menu_label = _("Collaborations")
    menu_name = "collaborations"


register_snippet(CollaborationGroup)
