from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TaxonomyQuerySet(models.QuerySet):
    def in_tree_order(self) -> "TaxonomyQuerySet":
        """Each heading followed by its own terms, for lists people read top-down."""
        return self.select_related("parent").order_by(
            Coalesce("parent__position", "position"),
            F("parent").asc(nulls_first=True),
            "position",
        )


class TaxonomyTerm(models.Model):
    """A term of a two-level vocabulary: a broad heading and its specific terms."""

    name = models.CharField(_("nom"), max_length=120)
    name_en = models.CharField(_("nom (anglais)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("terme parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = TaxonomyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        if self.parent_id:
            return f"{self.parent.display_name} › {self.display_name}"
        return self.display_name

    @property
    def display_name(self) -> str:
        """The English name on English pages when there is one."""
        return self.name_en if get_language() == "en" and self.name_en else self.name

    @classmethod
    def with_descendant_ids(cls, ids) -> set[int]:
        """The given ids and those of their children, for filters on a heading."""
        ids = {int(i) for i in ids}
        return ids | set(
            cls.objects.filter(parent_id__in=ids).values_list("id", flat=True)
        )


class Domain(TaxonomyTerm):
    """A medical domain (cardiology, oncology › breast cancer…)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("domaine médical")
        verbose_name_plural = _("domaines médicaux")


class Technique(TaxonomyTerm):
    """An AI technique (deep learning › convolutional networks…)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("technique d’IA")
        verbose_name_plural = _("techniques d’IA")
