"""The account space under /compte/ (and /en/compte/): ours first, then allauth's."""

from django.urls import include, path

from portal.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("orcid/", views.orcid_claim, name="orcid_claim"),
    path("fiche/", views.person_propose, name="person_propose"),
]

# Outside the "accounts" namespace: allauth reverses its own names (account_login…).
allauth_urlpatterns = [
    # Same path as allauth's, resolved first: only staff may turn on TOTP.
    path("2fa/totp/activate/", views.totp_activate),
    path("", include("allauth.urls")),
]
