"""Forms of the public pages: filter the calls, write a call, ask for a contact."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.collaboration.models import CollaborationCall
from projects.collaboration.selectors import call_owner_choices
from projects.models import Domain, Technique
from registry.models import Dataset

CALL_TEXT_MAX_CHARS = 10000


class CallFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Mots recherchés"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "fr-input", "type": "search"}),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Domaines"),
        queryset=Domain.objects.in_tree_order(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 5}),
    )
    techniques = forms.ModelMultipleChoiceField(
        label=_("Techniques"),
        queryset=Technique.objects.in_tree_order(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": 5}),
    )
    dataset = forms.ModelChoiceField(
        label=_("Jeu de données"),
        queryset=Dataset.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les jeux de données"),
        widget=forms.Select(attrs={"class": "fr-select"}),
    )
    owner = forms.ChoiceField(
        label=_("Publié par"),
        required=False,
        choices=[
            ("", _("Projets et équipes")),
            ("project", _("un projet")),
            ("team", _("une équipe")),
        ],
        widget=forms.Select(attrs={"class": "fr-select"}),
    )


class CallForm(forms.ModelForm):
    """A call written by a member of its team or project; the owner is chosen among
    the user's own teams and projects, so ownership is checked by the choices."""

    owner = forms.ChoiceField(
        label=_("Au nom de"), widget=forms.Select(attrs={"class": "fr-select"})
    )

    class Meta:
        model = CollaborationCall
        fields = [
            "title",
            "text",
            "domains",
            "techniques",
            "dataset",
            "deadline",
            "status",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"class": "fr-input"}),
            "text": forms.Textarea(attrs={"class": "fr-input", "rows": 8}),
            "domains": forms.SelectMultiple(attrs={"class": "fr-select", "size": 6}),
            "techniques": forms.SelectMultiple(attrs={"class": "fr-select", "size": 6}),
            "dataset": forms.Select(attrs={"class": "fr-select"}),
            "deadline": forms.DateInput(
                attrs={"class": "fr-input", "type": "date"}, format="%Y-%m-%d"
            ),
            "status": forms.Select(attrs={"class": "fr-select"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = Domain.objects.in_tree_order()
        self.fields["techniques"].queryset = Technique.objects.in_tree_order()
        self.fields["dataset"].queryset = Dataset.objects.order_by("name")
        if self.instance.pk:
            # The owner of an existing call does not change.
            del self.fields["owner"]
            return
        teams, projects = call_owner_choices(user=user)
        self.fields["owner"].choices = [
            (_("Équipes"), [(f"team:{t.pk}", str(t)) for t in teams]),
            (_("Projets"), [(f"project:{p.pk}", str(p)) for p in projects]),
        ]
        self._owners: dict = {f"team:{t.pk}": t for t in teams} | {
            f"project:{p.pk}": p for p in projects
        }

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 30:
            raise forms.ValidationError(
                _("Décrivez ce que vous recherchez en 30 caractères au moins.")
            )
        if len(text) > CALL_TEXT_MAX_CHARS:
            raise forms.ValidationError(
                _("%(max)s caractères au plus.") % {"max": CALL_TEXT_MAX_CHARS}
            )
        return text

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < timezone.localdate() and not self.instance.pk:
            raise forms.ValidationError(_("La date limite est déjà passée."))
        return deadline

    def clean(self):
        data = super().clean()
        # Before the model's own checks run (one owner): the owner is set here.
        owner = self._owners.get(data.get("owner")) if "owner" in self.fields else None
        if owner is not None:
            is_team = owner._meta.model_name == "team"
            self.instance.team = owner if is_team else None
            self.instance.project = None if is_team else owner
        return data


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Votre message"),
        min_length=settings.COLLABORATION_MESSAGE_MIN_CHARS,
        max_length=settings.COLLABORATION_MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"class": "fr-input", "rows": 8}),
        help_text=_(
            "Présentez-vous et dites ce que vous proposez (30 à 5 000 caractères). "
            "La réponse arrivera à l’adresse e-mail de votre compte."
        ),
    )
    call = forms.SlugField(required=False, widget=forms.HiddenInput)
