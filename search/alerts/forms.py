"""Forms of the alert pages: saving a search, following a record."""

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from search.alerts.models import Frequency, SavedSearch
from search.alerts.params import saved_search_form, saved_search_query_string
from search.alerts.selectors import FOLLOWABLE


class SavedSearchForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de l’alerte"),
        max_length=120,
        help_text=_(
            "Pour la reconnaître dans vos e-mails, par exemple « TAL et SNDS »."
        ),
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence des e-mails"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
    )
    query_string = forms.CharField(widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_query_string(self) -> str:
        query_string = saved_search_query_string(
            params=QueryDict(self.cleaned_data["query_string"])
        )
        search = saved_search_form(query_string=query_string)
        if not search.is_valid():
            raise forms.ValidationError(
                _("Cette recherche n’est pas valide : %(errors)s"),
                params={"errors": search.errors.as_text()},
            )
        return query_string

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            return cleaned
        count = SavedSearch.objects.filter(user=self.user).count()
        if count >= settings.ALERTS_MAX_SAVED_SEARCHES:
            raise forms.ValidationError(
                _(
                    "Vous avez déjà %(count)d recherches enregistrées : supprimez-en "
                    "une avant d’en ajouter."
                ),
                params={"count": count},
            )
        return cleaned


class FollowForm(forms.Form):
    target_type = forms.ChoiceField(choices=[(name, name) for name in FOLLOWABLE])
    target_id = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")])
    next = forms.CharField(required=False, max_length=2000)


class SubscriptionActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("pause", "pause"), ("resume", "resume"), ("delete", "delete")]
    )
