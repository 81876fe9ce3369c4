"""The researcher's project form: plain Django forms rendered with DSFR markup.

Choices (organisations, teams, datasets, domains, techniques) are read once per
request by `ProjectChoices` and shared by the form and every formset row, so the
page costs the same number of queries whatever the number of rows.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from projects.drafts import description_as_text
from projects.models import Domain, Project, ProjectDataset, ProjectPartner, Technique
from projects.models.legal_basis import LegalFramework, legal_basis_check
from projects.models.project import STAGE_TRL_RANGES, project_dates_check
from registry.models import Dataset, Organisation, Team

MAX_KEYWORDS = 30
EXTRA_ROWS = 2


@dataclass
class TermGroup:
    """A heading of a two-level vocabulary and the choice values under it."""

    label: str
    # (choice value, label within the group): the heading itself reads « général ».
    values: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ProjectChoices:
    """Everything the selects and checkboxes offer, read in one query per model."""

    organisations: dict[str, Organisation]
    teams: dict[str, Team]
    datasets: dict[str, Dataset]
    domains: dict[str, Domain]
    techniques: dict[str, Technique]

    @classmethod
    def load(cls) -> "ProjectChoices":
        def by_id(queryset) -> dict:
            return {str(row.pk): row for row in queryset}

        return cls(
            organisations=by_id(Organisation.objects.order_by("name")),
            teams=by_id(Team.objects.order_by("acronym", "name")),
            datasets=by_id(Dataset.objects.order_by("name")),
            domains=by_id(Domain.objects.in_tree_order()),
            techniques=by_id(Technique.objects.in_tree_order()),
        )

    @staticmethod
    def options(rows: dict, *, blank: str | None = None) -> list[tuple[str, str]]:
        options = [(pk, str(row)) for pk, row in rows.items()]
        return [("", blank), *options] if blank is not None else options

    @staticmethod
    def groups(terms: dict) -> list[TermGroup]:
        """Headings in order, each with its own value first, then its terms'."""
        groups: dict[int, TermGroup] = {}
        for pk, term in terms.items():
            heading = term.parent if term.parent_id else term
            group = groups.setdefault(heading.pk, TermGroup(heading.display_name))
            label = term.display_name if term.parent_id else _("général")
            group.values.append((pk, label))
        return list(groups.values())


def _trl_choices() -> list[tuple[int, str]]:
    return [
        (trl, _("TRL %(trl)d — %(stage)s") % {"trl": trl, "stage": stage.label})
        for stage, (low, high) in STAGE_TRL_RANGES.items()
        for trl in range(low, high + 1)
    ]


class DsfrBoundField(forms.BoundField):
    """Links an input to its hint and to its error messages (`aria-describedby`),
    so a screen reader reads why a field was refused."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        described = []
        if self.help_text:
            described.append(f"{self.auto_id}_helptext")
        if self.form.is_bound and self.errors:
            described.append(f"{self.auto_id}-messages")
        if described:
            attrs["aria-describedby"] = " ".join(described)
        return attrs


class DsfrForm(forms.Form):
    """DSFR classes on inputs and selects (checkboxes are styled by their group)."""

    bound_field_class = DsfrBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            widget = form_field.widget
            if isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "fr-select")
            elif not isinstance(
                widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)
            ):
                widget.attrs.setdefault("class", "fr-input")


class ProjectContributionForm(DsfrForm):
    """The project's own fields; partners and datasets are formsets beside it."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Titre (français)"), max_length=255)
    title_en = forms.CharField(
        label=_("Titre (anglais)"), max_length=255, required=False
    )
    acronym = forms.CharField(
        label=_("Acronyme"),
        max_length=40,
        required=False,
        help_text=_("Par exemple RETINO-IA."),
    )
    summary = forms.CharField(
        label=_("Résumé (français)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Deux ou trois phrases : le problème, la méthode, les données."),
    )
    summary_en = forms.CharField(
        label=_("Résumé (anglais)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Texte libre ; une ligne vide sépare deux paragraphes."),
    )
    status = forms.ChoiceField(label=_("Statut"), choices=Project.Status.choices)
    trl = forms.TypedChoiceField(
        label=_("Niveau de maturité (TRL)"),
        coerce=int,
        choices=_trl_choices,
        help_text=_("1–4 recherche, 5–7 validation clinique, 8–9 déployé."),
    )
    start_date = forms.DateField(
        label=_("Date de début"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_("Date de fin"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    domains = forms.MultipleChoiceField(
        label=_("Domaines médicaux"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    techniques = forms.MultipleChoiceField(
        label=_("Techniques d’IA"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=1000,
        help_text=_("Séparés par des virgules, par exemple : dépistage, rétine."),
    )
    lead_organisation = forms.ChoiceField(label=_("Organisation porteuse"))
    lead_team = forms.ChoiceField(label=_("Équipe porteuse"), required=False)
    code_repository = forms.URLField(
        label=_("Dépôt de code"),
        required=False,
        assume_scheme="https",
        help_text=_("Adresse complète, par exemple https://github.com/…"),
    )

    def __init__(self, *args, choices: ProjectChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        fields = self.fields
        fields["lead_organisation"].choices = choices.options(
            choices.organisations, blank=_("Choisir une organisation")
        )
        fields["lead_team"].choices = choices.options(
            choices.teams, blank=_("Aucune équipe")
        )
        fields["domains"].choices = choices.options(choices.domains)
        fields["techniques"].choices = choices.options(choices.techniques)
        self.domain_groups = choices.groups(choices.domains)
        self.technique_groups = choices.groups(choices.techniques)

    @classmethod
    def initial_from(cls, project: Project) -> dict:
        """The form's values for a project (its latest revision, for an edit)."""
        return {
            "revision_id": project.latest_revision_id,
            "title": project.title,
            "title_en": project.title_en,
            "acronym": project.acronym,
            "summary": project.summary,
            "summary_en": project.summary_en,
            "description": description_as_text(project.description),
            "status": project.status,
            "trl": project.trl,
            "start_date": project.start_date,
            "end_date": project.end_date,
            "domains": [str(term.pk) for term in project.domains.all()],
            "techniques": [str(term.pk) for term in project.techniques.all()],
            "keywords": ", ".join(tag.name for tag in project.keywords.all()),
            "lead_organisation": str(project.lead_organisation_id or ""),
            "lead_team": str(project.lead_team_id or ""),
            "code_repository": project.code_repository,
        }

    def checkboxes(self, name: str):
        """The checkboxes of `domains` or `techniques`, grouped under headings."""
        groups = self.domain_groups if name == "domains" else self.technique_groups
        widgets = {widget.data["value"]: widget for widget in self[name]}
        return [
            (group.label, [(widgets[value], label) for value, label in group.values])
            for group in groups
        ]

    def clean_lead_organisation(self) -> Organisation:
        return self.choices.organisations[self.cleaned_data["lead_organisation"]]

    def clean_lead_team(self) -> Team | None:
        value = self.cleaned_data["lead_team"]
        return self.choices.teams[value] if value else None

    def clean_domains(self) -> list[Domain]:
        return [self.choices.domains[pk] for pk in self.cleaned_data["domains"]]

    def clean_techniques(self) -> list[Technique]:
        return [self.choices.techniques[pk] for pk in self.cleaned_data["techniques"]]

    def clean_keywords(self) -> list[str]:
        names = []
        for name in self.cleaned_data["keywords"].split(","):
            name = " ".join(name.split())
            if name and name.lower() not in {known.lower() for known in names}:
                names.append(name)
        if len(names) > MAX_KEYWORDS:
            raise ValidationError(
                _("%(limit)d mots-clés au plus.") % {"limit": MAX_KEYWORDS}
            )
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(
                _("Mot-clé trop long (100 caractères au plus) : %(name)s")
                % {"name": too_long[0][:40]}
            )
        return names

    def clean(self):
        cleaned = super().clean()
        try:
            project_dates_check(cleaned.get("start_date"), cleaned.get("end_date"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class PartnerForm(DsfrForm):
    """One partner team and its role; a blank row is ignored."""

    team = forms.ChoiceField(label=_("Équipe partenaire"), required=False)
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=ProjectPartner.Role.choices,
        initial=ProjectPartner.Role.PARTNER,
    )

    def __init__(self, *args, choices: ProjectChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["team"].choices = choices.options(
            choices.teams, blank=_("Choisir une équipe")
        )

    def has_changed(self) -> bool:
        # The role has a default: only a chosen team makes the row count.
        return bool(self.data.get(self.add_prefix("team")) or self.initial)

    def clean_team(self) -> Team | None:
        value = self.cleaned_data["team"]
        return self.choices.teams[value] if value else None


class DatasetUseForm(DsfrForm):
    """One dataset the project uses, what for, and where the access request is."""

    dataset = forms.ChoiceField(label=_("Jeu de données"), required=False)
    access_status = forms.ChoiceField(
        label=_("Statut de l’accès"),
        choices=ProjectDataset.AccessStatus.choices,
        initial=ProjectDataset.AccessStatus.REQUESTED,
    )
    purpose = forms.CharField(label=_("Usage"), max_length=255, required=False)
    # The legal basis of the use (issue 18); rules in `legal_basis_check`.
    legal_framework = forms.ChoiceField(
        label=_("Cadre juridique"),
        choices=LegalFramework.choices,
        required=False,
        help_text=_(
            "Méthodologie de référence de la CNIL (MR-001 à MR-008), autorisation de "
            "la CNIL après avis du CESREES, consentement ou autre cadre."
        ),
    )
    authorisation_reference = forms.CharField(
        label=_("Numéro d’autorisation de la CNIL"),
        max_length=80,
        required=False,
        help_text=_("Vide pour une méthodologie de référence."),
    )
    authorisation_date = forms.DateField(
        label=_("Date de l’autorisation"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    data_controller = forms.CharField(
        label=_("Responsable du traitement"), max_length=255, required=False
    )
    data_leave_source = forms.TypedChoiceField(
        label=_("Les données sortent-elles de l’environnement sécurisé de la source ?"),
        choices=[("", _("Non renseigné")), ("yes", _("Oui")), ("no", _("Non"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, choices: ProjectChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["dataset"].choices = choices.options(
            choices.datasets, blank=_("Choisir un jeu de données")
        )

    def has_changed(self) -> bool:
        return bool(
            self.data.get(self.add_prefix("dataset"))
            or self.data.get(self.add_prefix("purpose"))
            or self.initial
        )

    def clean_dataset(self) -> Dataset | None:
        value = self.cleaned_data["dataset"]
        return self.choices.datasets[value] if value else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("purpose") and not cleaned.get("dataset"):
            self.add_error("dataset", _("Choisissez le jeu de données de cet usage."))
        try:
            legal_basis_check(
                framework=cleaned.get("legal_framework", ""),
                reference=cleaned.get("authorisation_reference", ""),
                date=cleaned.get("authorisation_date"),
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name, message)
        return cleaned


class UniqueRowsFormSet(forms.BaseFormSet):
    """Rows kept (not deleted, not blank), each naming a different record."""

    unique_field = ""
    duplicate_message = ""

    def kept_rows(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed()
            and form.cleaned_data.get(self.unique_field)
            and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            value = form.cleaned_data.get(self.unique_field)
            if value is None or form.cleaned_data.get("DELETE"):
                continue
            if value.pk in seen:
                form.add_error(self.unique_field, self.duplicate_message)
            seen.add(value.pk)


class PartnerFormSet(UniqueRowsFormSet):
    unique_field = "team"
    duplicate_message = _("Cette équipe est déjà dans la liste des partenaires.")


class DatasetUseFormSet(UniqueRowsFormSet):
    unique_field = "dataset"
    duplicate_message = _("Ce jeu de données est déjà dans la liste.")


PartnerFormSetClass = forms.formset_factory(
    PartnerForm,
    formset=PartnerFormSet,
    extra=EXTRA_ROWS,
    can_delete=True,
    max_num=50,
    validate_max=True,
)
DatasetUseFormSetClass = forms.formset_factory(
    DatasetUseForm,
    formset=DatasetUseFormSet,
    extra=EXTRA_ROWS,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


def partner_initial(project: Project) -> list[dict]:
    """Team partners only: organisation partners are edited in the admin and kept."""
    return [
        {"team": str(partner.team_id), "role": partner.role}
        for partner in project.partners.all()
        if partner.team_id
    ]


def dataset_use_initial(project: Project) -> list[dict]:
    return [
        {
            "dataset": str(use.dataset_id),
            "access_status": use.access_status,
            "purpose": use.purpose,
            "legal_framework": use.legal_framework,
            "authorisation_reference": use.authorisation_reference,
            "authorisation_date": use.authorisation_date,
            "data_controller": use.data_controller,
            "data_leave_source": {True: "yes", False: "no"}.get(
                use.data_leave_source, ""
            ),
        }
        for use in project.dataset_uses.all()
    ]
