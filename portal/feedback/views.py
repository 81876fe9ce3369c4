"""The public "Signaler une erreur" page."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.core.client_ip import client_ip
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
    if not error_report_rate_allow(ip=client_ip(request)):
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


def thanks(request):
    return render(request, "feedback/thanks.html")
