from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path(
        "organisations/", views.OrganisationListView.as_view(), name="organisation_list"
    ),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path("equipes/", views.TeamListView.as_view(), name="team_list"),
    path("equipes/<slug:slug>/", views.TeamDetailView.as_view(), name="team_detail"),
    path("personnes/", views.PersonListView.as_view(), name="person_list"),
    path(
        "personnes/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"
    ),
    path("jeux-de-donnees/", views.DatasetListView.as_view(), name="dataset_list"),
    path(
        "jeux-de-donnees/<slug:slug>/",
        views.DatasetDetailView.as_view(),
        name="dataset_detail",
    ),
    path("evaluations/", views.EvaluationListView.as_view(), name="evaluation_list"),
    path(
        "evaluations/<slug:reference>/",
        views.EvaluationDetailView.as_view(),
        name="evaluation_detail",
    ),
]
