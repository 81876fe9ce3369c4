"""The form of `/collaborateurs/`: a need, required expertise, a dataset, institutes."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from projects.models import Domain, Technique
from registry.models import Dataset, Organisation
from search.matching.match import MatchRequest


class MatchForm(forms.Form):
    text = forms.CharField(
        label=_("Votre besoin ou votre résumé"),
        required=False,
        max_length=settings.MATCHING_TEXT_MAX_WORDS * 15,
        widget=forms.Textarea(attrs={"rows": 6, "class": "fr-input"}),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Domaines médicaux requis"),
        queryset=Domain.objects.in_tree_order(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 6}),
    )
    techniques = forms.ModelMultipleChoiceField(
        label=_("Techniques d’IA requises"),
        queryset=Technique.objects.in_tree_order(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 6}),
    )
    dataset = forms.ModelChoiceField(
        label=_("Jeu de données que l’équipe doit connaître"),
        queryset=Dataset.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.Select(attrs={"class": "fr-select"}),
    )
    preferred_institutes = forms.ModelMultipleChoiceField(
        label=_("Instituts préférés"),
        queryset=Organisation.objects.institutes().order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 4}),
    )
    excluded_institutes = forms.ModelMultipleChoiceField(
        label=_("Instituts à exclure"),
        queryset=Organisation.objects.institutes().order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 4}),
    )
    project = forms.SlugField(required=False, widget=forms.HiddenInput)
    team = forms.SlugField(required=False, widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        choices=[("complementary", "complementary"), ("similar", "similar")],
        required=False,
        widget=forms.HiddenInput,
    )

    def to_request(self) -> MatchRequest:
        data = self.cleaned_data
        return MatchRequest(
            text=data["text"],
            domains=[term.pk for term in data["domains"]],
            techniques=[term.pk for term in data["techniques"]],
            dataset=data["dataset"].pk if data["dataset"] else None,
            preferred_institutes=[o.pk for o in data["preferred_institutes"]],
            excluded_institutes=[o.pk for o in data["excluded_institutes"]],
            project=data["project"],
            team=data["team"],
            mode=data["mode"] or "complementary",
            size=10,
        )
