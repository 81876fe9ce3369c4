"""Included by projects/urls.py, inside the language prefix: names are projects:…"""

from django.urls import path

from projects.dashboard import views

urlpatterns = [
    path("tableau-de-bord/", views.DashboardView.as_view(), name="dashboard"),
    path(
        "tableau-de-bord/<slug:indicator>.csv",
        views.dashboard_csv,
        name="dashboard_csv",
    ),
]
