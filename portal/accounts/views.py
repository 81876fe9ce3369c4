"""The account space (/compte/): profile, link to a person of the registry, security."""

from allauth.mfa.totp.views import activate_totp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts import selectors, services
from portal.accounts.forms import OrcidClaimForm, PersonProposalForm, ProfileForm
from portal.core.roles import user_is_staff_member


def _home_context(request: HttpRequest, **forms) -> dict:
    from allauth.mfa.models import Authenticator

    user = request.user
    person = selectors.account_person(user=user)
    return {
        "profile_form": forms.get("profile_form") or ProfileForm(instance=user),
        "claim_form": forms.get("claim_form") or OrcidClaimForm(),
        "person": person,
        "claim": None if person else selectors.account_claim_latest(user=user),
        "is_staff_member": user_is_staff_member(user),
        "totp_enabled": Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists(),
    }


@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        profile_form = ProfileForm(request.POST, instance=request.user)
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("accounts:home")
        context = _home_context(request, profile_form=profile_form)
        return render(request, "accounts/account_home.html", context, status=400)
    return render(request, "accounts/account_home.html", _home_context(request))


@login_required
@require_POST
def orcid_claim(request: HttpRequest) -> HttpResponse:
    form = OrcidClaimForm(request.POST)
    if form.is_valid():
        try:
            claim = services.person_claim_create(
                user=request.user, orcid=form.cleaned_data["orcid"]
            )
        except ValidationError as error:
            form.add_error("orcid", error)
        else:
            if claim is None:
                query = urlencode({"orcid": form.cleaned_data["orcid"].strip()})
                return redirect(f"{reverse('accounts:person_propose')}?{query}")
            messages.success(
                request,
                _(
                    "Votre demande est enregistrée : un modérateur la vérifiera avant "
                    "de lier votre compte à la fiche."
                ),
            )
            return redirect("accounts:home")
    context = _home_context(request, claim_form=form)
    return render(request, "accounts/account_home.html", context, status=400)


@login_required
def person_propose(request: HttpRequest) -> HttpResponse:
    """No person has the ORCID: describe yourself; the person exists once confirmed."""
    if request.method == "POST":
        form = PersonProposalForm(request.POST)
        if form.is_valid():
            try:
                services.person_proposal_create(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("orcid", error)
            else:
                messages.success(
                    request,
                    _(
                        "Votre fiche est proposée : elle apparaîtra dans le registre "
                        "quand un modérateur l’aura validée."
                    ),
                )
                return redirect("accounts:home")
        status = 400
    else:
        initial = {
            "orcid": request.GET.get("orcid", ""),
            "first_name": request.user.first_name,
            "last_name": request.user.last_name,
        }
        form, status = PersonProposalForm(initial=initial), 200
    return render(
        request, "accounts/person_propose.html", {"form": form}, status=status
    )


def totp_activate(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Two-factor is offered to staff (moderators, evaluators, administrators)."""
    if request.user.is_authenticated and not user_is_staff_member(request.user):
        raise PermissionDenied
    return activate_totp(request, *args, **kwargs)


def admin_login_redirect(request: HttpRequest) -> HttpResponse:
    """Where Wagtail sends whoever it refuses (WAGTAILADMIN_LOGIN_URL).

    Visitors sign in through allauth (Wagtail's form checks no throttle). A
    signed-in account without admin access gets a 403 page saying so: sending it
    to the login page would bounce it straight back to /admin/, for ever.
    """
    next_url = request.GET.get("next")
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(reverse("wagtailadmin_home"))
        # Wagtail queued « no permission » before sending the user here: this
        # page says it, so it must not show up again on a later page.
        list(messages.get_messages(request))
        return render(request, "accounts/admin_denied.html", status=403)
    target = reverse("account_login")
    if next_url:
        target = f"{target}?{urlencode({'next': next_url})}"
    return redirect(target)
