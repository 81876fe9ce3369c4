"""The researchers' space, « Mes projets »: thin views over permissions, services
and selectors. A project the user may not see answers 404 (its existence is not
public); one they see but may not act on answers 403."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.contribution import services
from projects.contribution.forms import (
    DatasetUseFormSetClass,
    PartnerFormSetClass,
    ProjectChoices,
    ProjectContributionForm,
    dataset_use_initial,
    partner_initial,
)
from projects.contribution.permissions import (
    can_delete,
    can_edit,
    can_submit,
    can_view_draft,
    edit_lock,
    user_can_create_project,
)
from projects.contribution.selectors import (
    project_contributed_rows,
    project_contribution_state,
)
from projects.models import Project
from projects.selectors import project_detail_context


def _project_for(request: HttpRequest, pk: int, allowed: Callable) -> Project:
    project = get_object_or_404(Project.objects.select_related("owner"), pk=pk)
    if not can_view_draft(user=request.user, project=project):
        raise Http404
    if not allowed(user=request.user, project=project):
        raise PermissionDenied
    return project


def _my_projects_url() -> str:
    return reverse("contribution:my_projects")


@login_required
def my_projects(request: HttpRequest) -> HttpResponse:
    rows = project_contributed_rows(user=request.user)
    for project in rows:
        project.can_delete = can_delete(user=request.user, project=project)
    return render(
        request,
        "contribution/my_projects.html",
        {
            "projects": rows,
            "can_create": user_can_create_project(user=request.user),
        },
    )


def _forms(request: HttpRequest, *, initial: dict, partners: list, uses: list):
    choices = ProjectChoices.load()
    data = request.POST if request.method == "POST" else None
    form = ProjectContributionForm(data, initial=initial, choices=choices)
    partner_formset = PartnerFormSetClass(
        data,
        initial=partners,
        prefix="partners",
        form_kwargs={"choices": choices},
    )
    use_formset = DatasetUseFormSetClass(
        data, initial=uses, prefix="datasets", form_kwargs={"choices": choices}
    )
    return form, partner_formset, use_formset


def _all_valid(*forms) -> bool:
    # Every form validates, so every error shows at once.
    return all([form.is_valid() for form in forms])


def _report_model_errors(form, error: ValidationError) -> None:
    for field_name, field_errors in error.message_dict.items():
        target = field_name if field_name in form.fields else None
        for message in field_errors:
            form.add_error(target, message)


def _render_form(
    request, *, project, form, partner_formset, use_formset, status=None, **extra
):
    context = {
        "project": project,
        "form": form,
        "partner_formset": partner_formset,
        "use_formset": use_formset,
        "domain_groups": form.checkboxes("domains"),
        "technique_groups": form.checkboxes("techniques"),
        **extra,
    }
    if status is None:
        status = 400 if request.method == "POST" else 200
    return render(request, "contribution/project_form.html", context, status=status)


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    if not user_can_create_project(user=request.user):
        raise PermissionDenied
    form, partner_formset, use_formset = _forms(
        request, initial={}, partners=[], uses=[]
    )
    if request.method == "POST" and _all_valid(form, partner_formset, use_formset):
        try:
            project = services.project_contribution_create(
                user=request.user,
                data=form.cleaned_data,
                partners=partner_formset.kept_rows(),
                dataset_uses=use_formset.kept_rows(),
            )
        except ValidationError as error:
            _report_model_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Brouillon enregistré. Il n’est pas public : soumettez-le à la "
                    "modération quand il est prêt."
                ),
            )
            return redirect("contribution:project_edit", pk=project.pk)
    return _render_form(
        request,
        project=None,
        form=form,
        partner_formset=partner_formset,
        use_formset=use_formset,
    )


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request, pk, can_edit)
    draft = project.get_latest_revision_as_object()
    form, partner_formset, use_formset = _forms(
        request,
        initial=ProjectContributionForm.initial_from(draft),
        partners=partner_initial(draft),
        uses=dataset_use_initial(draft),
    )
    lock = edit_lock(user=request.user, project=project)
    conflict, status = None, None
    if request.method == "POST" and _all_valid(form, partner_formset, use_formset):
        try:
            services.project_contribution_update(
                project_id=project.pk,
                user=request.user,
                loaded_revision_id=form.cleaned_data["revision_id"],
                data=form.cleaned_data,
                partners=partner_formset.kept_rows(),
                dataset_uses=use_formset.kept_rows(),
            )
        except services.EditConflict as error:
            conflict, status = error.current_revision, 409
            # The next save is a deliberate one, made after reading the warning.
            form.data = form.data.copy()
            form.data["revision_id"] = conflict.pk if conflict else ""
        except services.ContributionRefused as error:
            form.add_error(None, str(error))
            status = 423
        except ValidationError as error:
            _report_model_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Modifications enregistrées (brouillon). La version publique ne "
                    "change qu’après validation par les modérateurs."
                ),
            )
            return redirect("contribution:project_edit", pk=project.pk)
    return _render_form(
        request,
        project=project,
        form=form,
        partner_formset=partner_formset,
        use_formset=use_formset,
        status=status,
        lock_message=services.lock_message(lock) if lock else "",
        conflict=conflict,
        state=project_contribution_state(project=project),
        can_submit=can_submit(user=request.user, project=project),
        can_delete=can_delete(user=request.user, project=project),
    )


@login_required
def project_preview(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request, pk, can_view_draft)
    draft = project.get_latest_revision_as_object()
    context = project_detail_context(project=draft, include_unpublished=True)
    response = render(request, "projects/project_detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def project_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request, pk, can_submit)
    try:
        services.project_submit(project=project, user=request.user)
    except services.ContributionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Projet soumis à la modération. Vous recevrez un e-mail à la "
                "décision des modérateurs."
            ),
        )
    return redirect(_my_projects_url())


@login_required
@require_POST
def project_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request, pk, can_submit)
    try:
        services.project_withdraw(project=project, user=request.user)
    except services.ContributionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Projet retiré de la modération : vous pouvez le modifier.")
        )
    return redirect(_my_projects_url())


@login_required
def project_delete(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request, pk, can_delete)
    if request.method == "POST":
        title = str(project)
        try:
            services.project_delete(project=project, user=request.user)
        except services.ContributionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Projet « %(title)s » supprimé.") % {"title": title}
            )
        return redirect(_my_projects_url())
    return render(
        request, "contribution/project_confirm_delete.html", {"project": project}
    )
