"""Admin wiring for accounts: the queue of ORCID claims, for those who review them."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.accounts import admin_views
from portal.accounts.services import REVIEW_PERMISSION

admin_urlpatterns = [
    path("", admin_views.PersonClaimQueueView.as_view(), name="claim_queue"),
    path(
        "<int:claim_id>/<str:decision>/",
        admin_views.person_claim_decide,
        name="claim_decide",
    ),
]


@hooks.register("register_admin_urls")
def register_claim_urls():
    return [
        path(
            "demandes-orcid/",
            include((admin_urlpatterns, "accounts_admin"), namespace="accounts_admin"),
        )
    ]


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REVIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_claim_menu_item():
    return ReviewerMenuItem(
        _("Demandes ORCID"),
        reverse("accounts_admin:claim_queue"),
        icon_name="user",
        order=900,
    )
