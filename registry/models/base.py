"""Pieces shared by the registry's models."""

from collections.abc import Callable

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


def unique_slug(
    instance: models.Model,
    source: str,
    max_length: int = 80,
    taken: Callable[[str], bool] | None = None,
) -> str:
    """A slug for `source` that no other row of the instance's model uses.

    `taken` answers "is this slug used?" in place of a query per candidate (the
    bulk import knows every slug of the model)."""
    if taken is None:
        others = type(instance)._default_manager.exclude(pk=instance.pk)

        def taken(candidate: str) -> bool:
            return others.filter(slug=candidate).exists()

    base = slugify(source)[: max_length - 6] or "element"
    candidate, suffix = base, 2
    while taken(candidate):
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate


class RegistryEntry(models.Model):
    """A public registry record: a slug for its URL, timestamps and a demo marker."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    is_fictional = models.BooleanField(
        _("fictif"),
        default=False,
        help_text=_("Coché pour les données de démonstration inventées."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    slug_source_field = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source_field))
        super().save(*args, **kwargs)
