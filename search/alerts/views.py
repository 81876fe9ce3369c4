"""The account's alert pages, the follow button's target and the unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from search.alerts import selectors, services
from search.alerts.forms import FollowForm, SavedSearchForm, SubscriptionActionForm
from search.alerts.models import Follow, SavedSearch
from search.alerts.params import saved_search_query_string
from search.alerts.tokens import unsubscribe_target

SUBSCRIPTION_MODELS = {"recherche": SavedSearch, "suivi": Follow}


@login_required
@require_GET
def my_alerts(request):
    return render(
        request,
        "alerts/my_alerts.html",
        {
            "saved_searches": selectors.saved_search_list(user=request.user),
            "follows": selectors.follow_list(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def saved_search_new(request):
    """GET: the form for the search in the query string; POST: save it."""
    if request.method == "POST":
        form = SavedSearchForm(request.POST, user=request.user)
        if form.is_valid():
            services.saved_search_create(user=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("Recherche « %(name)s » enregistrée.")
                % {"name": form.cleaned_data["name"]},
            )
            return redirect("alerts:my_alerts")
        status = 400
    else:
        query_string = saved_search_query_string(params=request.GET)
        form = SavedSearchForm(
            initial={
                "query_string": query_string,
                "name": request.GET.get("q", "")[:120],
            },
            user=request.user,
        )
        status = 200
    return render(
        request, "alerts/saved_search_new.html", {"form": form}, status=status
    )


@login_required
@require_POST
def subscription_update(request, kind: str, pk: int):
    """Pause, resume or delete one of the user's own saved searches or follows."""
    model = SUBSCRIPTION_MODELS.get(kind)
    if model is None:
        raise Http404
    subscription = get_object_or_404(model, pk=pk, user=request.user)
    form = SubscriptionActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Action inconnue : rien n’a été modifié."))
        return redirect("alerts:my_alerts")
    action = form.cleaned_data["action"]
    if action == "delete":
        subscription.delete()
        messages.success(request, _("Alerte supprimée."))
    else:
        services.subscription_set_active(
            subscription=subscription, active=action == "resume"
        )
        messages.success(
            request,
            _("Alerte réactivée.") if action == "resume" else _("Alerte en pause."),
        )
    return redirect("alerts:my_alerts")


@login_required
@require_POST
def follow(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise Http404
    data = form.cleaned_data
    target = selectors.follow_target_get(
        target_type=data["target_type"], target_id=data["target_id"]
    )
    if target is None:
        raise Http404
    following = data["action"] == "follow"
    services.follow_set(user=request.user, target=target, following=following)
    if following:
        messages.success(
            request,
            _(
                "Vous suivez « %(target)s » : ses nouveautés arrivent dans votre e-mail quotidien."
            )
            % {"target": target},
        )
    else:
        messages.success(
            request, _("Vous ne suivez plus « %(target)s ».") % {"target": target}
        )
    next_url = data["next"]
    if not url_has_allowed_host_and_scheme(
        next_url,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        next_url = target.get_absolute_url()
    return HttpResponseRedirect(next_url)


# Mail clients POST here without cookies (RFC 8058 one-click): the signed token is the
# authorisation, so there is no CSRF token to check.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET confirms (mail scanners fetch links); POST switches the alert off."""
    try:
        kind, pk = unsubscribe_target(token=token)
    except signing.BadSignature:
        return render(request, "alerts/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.unsubscribe_apply(kind=kind, pk=pk)
        return render(request, "alerts/unsubscribe.html", {"done": True})
    return render(
        request,
        "alerts/unsubscribe.html",
        {"subject": selectors.unsubscribe_subject(kind=kind, pk=pk), "kind": kind},
    )
