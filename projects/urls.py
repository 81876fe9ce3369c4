from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("projets/", views.ProjectListView.as_view(), name="project_list"),
    path(
        "projets/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"
    ),
]
