"""Editorial pages of the portal and its site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The portal's front page: an editorial introduction above live key figures."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["portal.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("page d’accueil")

    def get_context(self, request, *args, **kwargs):
        from projects.selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context())
        return context


class StandardPage(Page):
    """An editorial page: about, methodology, legal notices, accessibility statement."""

    introduction = models.TextField(_("chapeau"), blank=True)
    body = RichTextField(_("contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("page éditoriale")


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Site-wide switches that editors control."""

    demo_data_loaded = models.BooleanField(
        _("données de démonstration chargées"),
        default=False,
        help_text=_("Affiche un bandeau avertissant que les données sont fictives."),
    )
    accessibility_status = models.CharField(
        _("conformité RGAA"), max_length=60, default=_("partiellement conforme")
    )

    class Meta:
        verbose_name = _("réglages du portail")
