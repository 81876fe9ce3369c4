"""Wagtail admin: moderators confirm or refuse ORCID claims. The rules are in
services.py; these views only show the queue and pass decisions on."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.accounts import selectors, services
from portal.accounts.forms import ClaimRefusalForm
from portal.accounts.models import PersonClaim
from portal.accounts.services import REVIEW_PERMISSION


class PersonClaimQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/claim_queue.html"
    page_title = gettext_lazy("Demandes de liaison ORCID")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["claims"] = selectors.person_claim_pending_list()
        context["refusal_form"] = ClaimRefusalForm()
        return context


@require_POST
def person_claim_decide(request, claim_id: int, decision: str):
    if decision not in ("confirm", "refuse"):
        raise Http404
    try:
        if decision == "confirm":
            claim = services.person_claim_confirm(
                claim_id=claim_id, moderator=request.user
            )
            messages.success(
                request,
                _("%(user)s est lié à la fiche de %(name)s.")
                % {"user": claim.user.email, "name": claim.claimed_name},
            )
        else:
            form = ClaimRefusalForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            claim = services.person_claim_refuse(
                claim_id=claim_id, moderator=request.user, reason=reason
            )
            messages.success(
                request, _("La demande de %(user)s est refusée.") % {"user": claim.user}
            )
    except PersonClaim.DoesNotExist as missing:
        raise Http404 from missing
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("accounts_admin:claim_queue"))
