"""Admin wiring for projects (drafts, revisions, locking, moderation) and taxonomies."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from projects.models import Domain, Project, Technique


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "doc-full-inverse"
    menu_label = _("Projets")
    list_display = ["title", "acronym", "status", "lead_organisation", "live"]
    list_filter = ["status", "live", "domains", "techniques", "lead_organisation"]
    search_fields = ["title", "acronym", "summary"]
    ordering = ["title"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("title"), FieldPanel("acronym")]),
                    FieldPanel("title_en"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("summary_en"),
                    FieldPanel("description"),
                    FieldPanel("description_en"),
                    FieldPanel("keywords"),
                ],
                heading=_("Contenu"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("status"),
                            FieldPanel("trl"),
                            FieldPanel("stage_reached_on"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("domains"),
                    FieldPanel("techniques"),
                    MultiFieldPanel(
                        [
                            FieldPanel("ce_class"),
                            FieldPanel("ai_act_risk"),
                        ],
                        heading=_("Statut réglementaire"),
                    ),
                    FieldPanel("code_repository"),
                    FieldPanel("is_fictional"),
                ],
                heading=_("Classement"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("lead_organisation"), FieldPanel("lead_team")]
                    ),
                    InlinePanel("partners", label=_("Partenaires")),
                    InlinePanel("members", label=_("Membres")),
                ],
                heading=_("Équipes"),
            ),
            ObjectList(
                [
                    InlinePanel("dataset_uses", label=_("Jeux de données utilisés")),
                    InlinePanel("fundings", label=_("Financements")),
                    InlinePanel("publications", label=_("Publications")),
                ],
                heading=_("Données et résultats"),
            ),
            # Contribution (issue 6): moderators schedule publication (go_live_at);
            # snippets only get Wagtail's scheduling dialog from this panel.
            ObjectList([PublishingPanel()], heading=_("Publication")),
        ]
    )


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "tag"
    menu_label = _("Domaines médicaux")
    list_display = ["__str__", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class TechniqueViewSet(SnippetViewSet):
    model = Technique
    icon = "tag"
    menu_label = _("Techniques d’IA")
    list_display = ["__str__", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class ProjectViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Projets")
    menu_icon = "doc-full-inverse"
    menu_order = 100
    items = (ProjectViewSet, DomainViewSet, TechniqueViewSet)


register_snippet(ProjectViewSetGroup)
