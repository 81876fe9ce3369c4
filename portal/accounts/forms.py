"""Forms of the account space; the rules they apply live in services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from registry.validators import validate_orcid

ORCID_HELP = _("16 caractères, par exemple 0000-0002-1825-0097.")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom")}


class OrcidClaimForm(forms.Form):
    orcid = forms.CharField(label=_("Votre ORCID"), max_length=40, help_text=ORCID_HELP)


class PersonProposalForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=120)
    last_name = forms.CharField(label=_("Nom"), max_length=120)
    orcid = forms.CharField(
        label=_("ORCID"),
        max_length=19,
        validators=[validate_orcid],
        help_text=ORCID_HELP,
    )
    expertise = forms.CharField(
        label=_("Expertise"),
        max_length=500,
        required=False,
        help_text=_("Mots-clés séparés par des virgules, par exemple : imagerie, IRM."),
    )


class ClaimRefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus (envoyé à la personne)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
