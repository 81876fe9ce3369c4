"""Admin wiring for the registry's reference entities, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from registry.models import (
    Dataset,
    DataStandard,
    Organisation,
    Person,
    Team,
)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "ror_id", "parent"]
    list_filter = ["kind", "is_fictional"]
    search_fields = ["name", "acronym", "ror_id"]
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("ror_id")]),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("city")]),
        FieldPanel("source"),
        FieldPanel("is_fictional"),
    ]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Équipes")
    list_display = ["name", "acronym", "rnsr", "city"]
    list_filter = ["kind", "parents", "is_fictional"]
    search_fields = ["name", "acronym", "rnsr", "city"]
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("rnsr")]),
        FieldPanel("parents"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("website")]),
        FieldPanel("description"),
        FieldPanel("expertise"),
        FieldPanel("lead"),
        FieldPanel("is_fictional"),
    ]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personnes")
    list_display = ["full_name", "orcid", "title"]
    list_filter = ["is_fictional"]
    search_fields = ["first_name", "last_name", "orcid"]
    ordering = ["last_name", "first_name"]
    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldRowPanel([FieldPanel("orcid"), FieldPanel("email")]),
        FieldPanel("title"),
        FieldPanel("expertise"),
        FieldPanel("user"),
        InlinePanel("memberships", label=_("Appartenances")),
        FieldPanel("is_fictional"),
    ]


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    menu_label = _("Jeux de données")
    list_display = ["name", "acronym", "kind", "producer"]
    list_filter = ["kind", "access_route"]
    search_fields = ["name", "acronym", "description"]
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("producer")]),
        FieldPanel("description"),
        FieldPanel("description_en"),
        MultiFieldPanel(
            [
                FieldPanel("population"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading=_("Couverture"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access_route"),
                FieldPanel("access_procedure"),
                FieldPanel("access_url"),
            ],
            heading=_("Accès"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("data_controller")]),
                FieldPanel("information_url"),
                FieldPanel("objection_url"),
                FieldPanel("objection_procedure"),
            ],
            heading=_("Information des personnes et droit d’opposition"),
        ),
        FieldPanel("standards"),
        FieldPanel("landing_page"),
        FieldPanel("source"),
    ]


class DataStandardViewSet(SnippetViewSet):
    model = DataStandard
    icon = "code"
    menu_label = _("Standards de données")


class RegistryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Registre")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        OrganisationViewSet,
        TeamViewSet,
        PersonViewSet,
        DatasetViewSet,
        DataStandardViewSet,
    )


register_snippet(RegistryViewSetGroup)
