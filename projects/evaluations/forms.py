"""The request form a project's team fills in on the project page."""

from django import forms
from django.utils.translation import gettext_lazy as _


class EvaluationRequestForm(forms.Form):
    """Which model version, for what use, and whom INESIA should contact."""

    model_version = forms.CharField(
        label=_("Version du modèle"),
        max_length=60,
        help_text=_("Telle que l’équipe la nomme, par exemple v2.1.0."),
    )
    intended_use = forms.CharField(
        label=_("Usage prévu"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Population, contexte clinique et décisions que le modèle éclaire."
        ),
    )
    contact_email = forms.EmailField(
        label=_("Adresse e-mail de contact"),
        help_text=_("Transmise à l’INESIA seulement, jamais publiée."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "fr-input"
            field.widget.attrs.update(
                {"class": css, "aria-describedby": f"{name}-hint"}
            )

    def full_clean(self):
        super().full_clean()
        # Each error is read out with its field (DSFR: message linked by id).
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {
                        "aria-describedby": f"{name}-hint {name}-error",
                        "aria-invalid": "true",
                        "class": "fr-input fr-input--error",
                    }
                )
