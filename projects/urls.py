from django.urls import include, path

from projects import views

app_name = "projects"

urlpatterns = [
    path("projets/", views.ProjectListView.as_view(), name="project_list"),
    path(
        "projets/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"
    ),
    path("", include("projects.dashboard.urls")),
]
