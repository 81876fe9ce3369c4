"""The public "Signaler une erreur" page."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.throttling import BaseThrottle

from portal.feedback.forms import ErrorReportForm
from portal.feedback.services import error_report_create, error_report_rate_allow


@require_http_methods(["GET", "POST"])
def report_error(request):
    host = request.get_host()
    if request.method == "GET":
        page = request.GET.get("page") or request.META.get("HTTP_REFERER", "")
        form = ErrorReportForm(initial={"page_url": page[:500]}, host=host)
        return render(request, "feedback/report_form.html", {"form": form})

    form = ErrorReportForm(request.POST, host=host)
    if not form.is_valid():
        return render(request, "feedback/report_form.html", {"form": form}, status=400)
    if form.is_bot:
        # Answer as if it worked: a bot learns nothing; nothing is stored.
        return redirect("feedback:thanks")
    if not error_report_rate_allow(ip=client_address(request)):
        form.add_error(
            None,
            _(
                "Vous avez envoyé beaucoup de signalements en peu de temps : "
                "réessayez dans une heure. Votre texte est conservé ci-dessous."
            ),
        )
        return render(request, "feedback/report_form.html", {"form": form}, status=429)
    error_report_create(
        page_url=form.cleaned_data["page_url"],
        description=form.cleaned_data["description"],
        email=form.cleaned_data["email"],
    )
    return redirect("feedback:thanks")


def client_address(request) -> str:
    """The visitor's address as the API throttles see it (REMOTE_ADDR, or the
    X-Forwarded-For entry that REST_FRAMEWORK's NUM_PROXIES designates)."""
    return BaseThrottle().get_ident(request)


def thanks(request):
    return render(request, "feedback/thanks.html")
