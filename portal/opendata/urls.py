from django.urls import path

from portal.opendata import feeds, views

app_name = "opendata"

urlpatterns = [
    path("donnees/", views.OpenDataView.as_view(), name="index"),
    path("donnees/catalogue.jsonld", views.catalogue, name="catalogue"),
    path("donnees/<slug:resource>.<str:fmt>", views.export_stream, name="export"),
    path("flux/projets.atom", feeds.ProjectFeed(), name="project_feed"),
    path("flux/evaluations.atom", feeds.EvaluationFeed(), name="evaluation_feed"),
]
