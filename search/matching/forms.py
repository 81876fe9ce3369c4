"""The form of `/collaborateurs/`: what we need (a text, expertise, a dataset,
institutes) and what we have (a project, a team, or a described profile)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from projects.models import Domain, Technique
from registry.models import Dataset, Organisation
from search.matching.match import MatchRequest

TEXT_MAX = settings.MATCHING_TEXT_MAX_WORDS * 15


def _terms(model, label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.in_tree_order(),
        to_field_name="slug",
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 6}),
    )


def _institutes(label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Organisation.objects.institutes().order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 4}),
    )


class MatchForm(forms.Form):
    text = forms.CharField(
        label=_("Ce dont vous avez besoin"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "class": "fr-input"}),
    )
    domains = _terms(Domain, _("Domaines médicaux requis"))
    techniques = _terms(Technique, _("Techniques d’IA requises"))
    dataset = forms.ModelChoiceField(
        label=_("Jeu de données que l’équipe doit connaître"),
        queryset=Dataset.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Aucun en particulier"),
        widget=forms.Select(attrs={"class": "fr-select"}),
    )
    preferred_institutes = _institutes(_("Instituts préférés"))
    excluded_institutes = _institutes(_("Instituts à exclure"))
    have_text = forms.CharField(
        label=_("Ce que vous avez déjà (votre équipe, vos méthodes)"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "class": "fr-input"}),
    )
    have_techniques = _terms(Technique, _("Techniques que vous maîtrisez"))
    project = forms.SlugField(required=False, widget=forms.HiddenInput)
    team = forms.SlugField(required=False, widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        choices=[("complementary", "complementary"), ("similar", "similar")],
        required=False,
        widget=forms.HiddenInput,
    )

    def payload(self) -> dict:
        """The request as plain values (slugs), to keep and to bind again."""
        data = self.cleaned_data
        return {
            "text": data["text"],
            "domains": [t.slug for t in data["domains"]],
            "techniques": [t.slug for t in data["techniques"]],
            "dataset": data["dataset"].slug if data["dataset"] else "",
            "preferred_institutes": [o.slug for o in data["preferred_institutes"]],
            "excluded_institutes": [o.slug for o in data["excluded_institutes"]],
            "have_text": data["have_text"],
            "have_techniques": [t.slug for t in data["have_techniques"]],
            "project": data["project"],
            "team": data["team"],
            "mode": data["mode"] or "complementary",
        }

    def to_request(self) -> MatchRequest:
        payload = self.payload()
        dataset = payload.pop("dataset")
        return MatchRequest(**payload, datasets=[dataset] if dataset else [], size=10)
