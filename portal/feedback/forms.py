"""The "Signaler une erreur" form."""

from urllib.parse import urlsplit

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 5000


class ErrorReportForm(forms.Form):
    page_url = forms.CharField(
        label=_("Page concernée"),
        max_length=500,
        help_text=_("L’adresse de la page où se trouve l’erreur, sur ce site."),
    )
    description = forms.CharField(
        label=_("Quelle est l’erreur ?"),
        min_length=10,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ce qui est inexact et, si vous le savez, la bonne information et sa source."
        ),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail (facultatif)"),
        required=False,
        help_text=_(
            "Pour vous répondre quand la correction est faite ; jamais publiée."
        ),
    )
    # A field people never see: bots fill every input they find.
    website = forms.CharField(label=_("Ne pas remplir"), required=False)

    def __init__(self, *args, host: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host

    def clean_page_url(self) -> str:
        """A page of this site, kept as its path (with query string)."""
        value = self.cleaned_data["page_url"].strip()
        if not url_has_allowed_host_and_scheme(value, allowed_hosts={self.host}):
            raise forms.ValidationError(
                _("Indiquez l’adresse d’une page de ce site, par exemple /projets/…")
            )
        parts = urlsplit(value)
        path = parts.path or "/"
        if not path.startswith("/"):
            raise forms.ValidationError(
                _("Indiquez l’adresse d’une page de ce site, par exemple /projets/…")
            )
        return f"{path}?{parts.query}" if parts.query else path

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
