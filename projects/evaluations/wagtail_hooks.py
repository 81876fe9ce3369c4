"""Evaluations in the Wagtail admin: fields are edited freely, the status never is.

Status, step dates and assignment are read-only on the edit form; they change
through the "Étapes" view, which calls `transitions` (role and preconditions checked
there, and every step dated and attributed).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from projects.evaluations.roles import (
    EVALUATORS_GROUP,
    user_is_evaluator,
    user_is_moderator,
)
from projects.evaluations.transitions import (
    evaluation_assign,
    evaluation_next_statuses,
    evaluation_record_request,
    evaluation_transition,
)
from registry.models import Evaluation, EvaluationCriterion

ASSIGN = "assign"
STEP_LABELS = {
    Evaluation.Status.IN_PROGRESS: _("Commencer l’évaluation (en cours)"),
    Evaluation.Status.COMPLETED: _("Rendre l’avis (terminée)"),
    Evaluation.Status.PUBLISHED: _("Publier"),
}


def steps_url(evaluation: Evaluation) -> str:
    return reverse("evaluation_steps", args=[evaluation.pk])


class EvaluationCreateView(CreateView):
    def save_instance(self):
        evaluation = super().save_instance()
        evaluation_record_request(evaluation=evaluation, user=self.request.user)
        return evaluation


class EvaluationEditView(EditView):
    # Evaluators work on their own evaluations while the verdict is being written;
    # afterwards only moderators touch it (every edit is in the audit log).
    EVALUATOR_EDITABLE = (Evaluation.Status.REQUESTED, Evaluation.Status.IN_PROGRESS)

    def get_object(self, queryset=None):
        evaluation = super().get_object(queryset)
        user = self.request.user
        if not user_is_moderator(user=user) and (
            evaluation.assigned_to_id != user.pk
            or evaluation.status not in self.EVALUATOR_EDITABLE
        ):
            raise PermissionDenied
        return evaluation

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Étapes et assignation"),
                url=steps_url(self.object),
                icon_name="tasks",
                priority=5,
            ),
        ]


class EvaluationViewSet(SnippetViewSet):
    model = Evaluation
    icon = "tasks"
    menu_label = _("Évaluations INESIA")
    list_display = [
        "reference",
        "project",
        "model_version",
        "status",
        "verdict",
        "assigned_to",
    ]
    list_filter = ["status", "verdict"]
    search_fields = ["reference", "model_version", "summary"]
    ordering = ["-requested_on"]
    add_view_class = EvaluationCreateView
    edit_view_class = EvaluationEditView
    panels = [
        FieldRowPanel([FieldPanel("reference"), FieldPanel("model_version")]),
        FieldPanel("project"),
        FieldPanel("evaluator"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("status", read_only=True),
                        FieldPanel("assigned_to", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("requested_on", read_only=True),
                        FieldPanel("started_on", read_only=True),
                        FieldPanel("completed_on", read_only=True),
                        FieldPanel("published_on", read_only=True),
                    ]
                ),
            ],
            heading=_("Étapes (bouton « Étapes et assignation »)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("intended_use"),
                FieldPanel("contact_email"),
                FieldPanel("requested_by", read_only=True),
            ],
            heading=_("Demande"),
        ),
        FieldPanel("verdict"),
        InlinePanel("scores", label=_("Notes par critère")),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("report_document"), FieldPanel("report_url")]),
    ]


class EvaluationStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Étape"), widget=forms.RadioSelect)
    assignee = forms.ModelChoiceField(
        label=_("Évaluateur ou évaluatrice"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Pour l’assignation seulement."),
    )
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, evaluation: Evaluation, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (status, STEP_LABELS.get(status, _("Rouvrir (retour en cours)")))
            for status in evaluation_next_statuses(evaluation=evaluation, user=user)
        ]
        if user_is_moderator(user=user) and evaluation.status in (
            Evaluation.Status.REQUESTED,
            Evaluation.Status.IN_PROGRESS,
        ):
            choices.insert(0, (ASSIGN, _("Assigner")))
        self.fields["step"].choices = choices
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(groups__name=EVALUATORS_GROUP, is_active=True)
            .order_by("last_name", "username")
            .distinct()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("step") == ASSIGN and not cleaned.get("assignee"):
            self.add_error("assignee", _("Choisissez qui assigner."))
        return cleaned


class EvaluationStepsView(WagtailAdminTemplateMixin, FormView):
    """The evaluation's dated steps, and the next ones this user may take."""

    template_name = "evaluations/admin/steps.html"
    form_class = EvaluationStepForm
    header_icon = "tasks"
    page_title = _("Étapes de l’évaluation")

    def dispatch(self, request, pk):
        # The role first: the answer to others must not depend on whether `pk` exists.
        user = request.user
        if not (user_is_moderator(user=user) or user_is_evaluator(user=user)):
            raise PermissionDenied
        self.evaluation = get_object_or_404(
            Evaluation.objects.select_related("project", "assigned_to"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.evaluation.reference

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "evaluation": self.evaluation,
            "user": self.request.user,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            evaluation=self.evaluation,
            transitions=self.evaluation.transitions.select_related("by", "assignee"),
            action_url=self.request.path,
            submit_button_label=_("Valider l’étape"),
            edit_url=reverse(
                "wagtailsnippets_registry_evaluation:edit", args=[self.evaluation.pk]
            ),
        )
        return context

    def form_valid(self, form):
        step, comment = form.cleaned_data["step"], form.cleaned_data["comment"]
        try:
            if step == ASSIGN:
                evaluation_assign(
                    evaluation=self.evaluation,
                    assignee=form.cleaned_data["assignee"],
                    user=self.request.user,
                    comment=comment,
                )
            else:
                evaluation_transition(
                    evaluation=self.evaluation,
                    to_status=step,
                    user=self.request.user,
                    comment=comment,
                )
        except ValidationError as error:
            for field, messages_ in getattr(
                error, "message_dict", {None: error.messages}
            ).items():
                target = field if field in form.fields else None
                for message in messages_:
                    form.add_error(target, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Étape enregistrée."))
        return redirect(self.request.path)


@hooks.register("register_admin_urls")
def evaluation_admin_urls():
    return [
        path(
            "evaluations/<int:pk>/etapes/",
            EvaluationStepsView.as_view(),
            name="evaluation_steps",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def evaluation_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Evaluation):
        yield Button(
            _("Étapes et assignation"), url=steps_url(snippet), icon_name="tasks"
        )


class EvaluationCriterionViewSet(SnippetViewSet):
    model = EvaluationCriterion
    icon = "list-ol"
    menu_label = _("Critères d’évaluation")
    list_display = ["name", "code", "position"]


class EvaluationViewSetGroup(SnippetViewSetGroup):
    """INESIA evaluations and their criteria, beside the registry's menu."""

    menu_label = _("Évaluations INESIA")
    menu_icon = "tasks"
    menu_order = 210
    items = (EvaluationViewSet, EvaluationCriterionViewSet)


register_snippet(EvaluationViewSetGroup)
