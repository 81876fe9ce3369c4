"""Public pages of calls for collaboration and the contact form; thin over the
selectors and services."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from portal.core.access import refuse
from projects.collaboration import selectors, services
from projects.collaboration.forms import CallFilterForm, CallForm, ContactForm
from projects.collaboration.models import CollaborationCall
from registry.models import Team


@require_GET
def call_list(request):
    form = CallFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    calls = selectors.call_public_list(
        text=filters.get("q", ""),
        domains=filters.get("domains") or (),
        techniques=filters.get("techniques") or (),
        dataset=filters.get("dataset"),
        owner_kind=filters.get("owner", ""),
    )
    page = Paginator(calls, settings.PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "collaboration/call_list.html",
        {"form": form, "page_obj": page, "calls": page.object_list},
        status=status,
    )


@require_GET
def call_detail(request, slug):
    call = get_object_or_404(selectors.call_public_detail(), slug=slug)
    return render(
        request,
        "collaboration/call_detail.html",
        {
            "call": call,
            "can_edit": selectors.call_can_edit(user=request.user, call=call),
        },
    )


@login_required
def call_mine(request):
    return render(
        request,
        "collaboration/call_mine.html",
        {"calls": selectors.calls_editable(user=request.user)},
    )


@login_required
def call_create(request):
    return _call_edit(request, CollaborationCall())


@login_required
def call_update(request, slug):
    call = get_object_or_404(CollaborationCall, slug=slug)
    if not selectors.call_can_edit(user=request.user, call=call):
        refuse(
            publicly_visible=selectors.call_public_detail().filter(pk=call.pk).exists()
        )
    return _call_edit(request, call)


def _call_edit(request, call: CollaborationCall):
    form = CallForm(request.POST or None, instance=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        call = services.call_save(form=form, user=request.user)
        return redirect("collaboration:call_mine")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "collaboration/call_form.html",
        {"form": form, "call": call if call.pk else None},
        status=status,
    )


@login_required
def contact_team(request, slug):
    team = get_object_or_404(Team.objects.select_related("lead"), slug=slug)
    call = None
    call_slug = request.GET.get("appel") or request.POST.get("call")
    if call_slug:
        call = selectors.call_public_detail().filter(slug=call_slug[:80]).first()
    form = ContactForm(
        request.POST or None, initial={"call": call.slug if call else ""}
    )
    refusal = None
    recipient = selectors.contact_recipient(team=team)
    quota = services.contact_quota(user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_request_create(
                user=request.user,
                team=team,
                message=form.cleaned_data["message"],
                call=call,
            )
        except services.ContactRefused as refused:
            refusal = str(refused)
        else:
            return redirect("collaboration:contact_sent", slug=team.slug)
    status = 400 if form.is_bound else 200
    if refusal:
        status = 429 if quota.exhausted else 400
    return render(
        request,
        "collaboration/contact_form.html",
        {
            "team": team,
            "call": call,
            "form": form,
            "refusal": refusal,
            "available": recipient is not None and bool(request.user.email),
            "has_recipient": recipient is not None,
            "quota": quota,
        },
        status=status,
    )


@login_required
def contact_sent(request, slug):
    team = get_object_or_404(Team, slug=slug)
    return render(request, "collaboration/contact_sent.html", {"team": team})
