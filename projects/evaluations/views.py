"""The public side of evaluation requests: the form a project's team sends."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from portal.core.access import refuse
from projects.evaluations.forms import EvaluationRequestForm
from projects.evaluations.roles import user_can_request_evaluation
from projects.evaluations.services import evaluation_request
from projects.models import Project
from registry.models import Evaluation

TEMPLATE = "evaluations/evaluation_request.html"


class EvaluationRequestView(View):
    """GET shows the form alone; POST files the request (from here or the project
    page) then shows its confirmation, or shows the errors next to the fields."""

    def dispatch(self, request, slug):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        # Members may ask for an evaluation of a draft too: the request is private.
        self.project = get_object_or_404(
            Project.objects.select_related("lead_team"), slug=slug
        )
        if not user_can_request_evaluation(user=request.user, project=self.project):
            refuse(
                publicly_visible=Project.objects.public()
                .filter(pk=self.project.pk)
                .exists()
            )
        return super().dispatch(request, slug)

    def _render(self, form, status=200, filed=None):
        return render(
            self.request,
            TEMPLATE,
            {"project": self.project, "form": form, "filed": filed},
            status=status,
        )

    def get(self, request, slug):
        # After a POST: the confirmation of the user's own request, nothing else.
        filed = (
            Evaluation.objects.filter(
                project=self.project,
                reference=request.GET["demande"],
                requested_by=request.user,
            ).first()
            if request.GET.get("demande")
            else None
        )
        return self._render(
            EvaluationRequestForm(initial={"contact_email": request.user.email}),
            filed=filed,
        )

    def post(self, request, slug):
        form = EvaluationRequestForm(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        evaluation = evaluation_request(
            project=self.project, user=request.user, **form.cleaned_data
        )
        return redirect(f"{request.path}?demande={evaluation.reference}")
