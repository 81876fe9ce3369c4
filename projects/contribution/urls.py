from django.urls import path

from projects.contribution import views

app_name = "contribution"

urlpatterns = [
    path("espace/projets/", views.my_projects, name="my_projects"),
    path("espace/projets/nouveau/", views.project_create, name="project_create"),
    path("espace/projets/<int:pk>/modifier/", views.project_edit, name="project_edit"),
    path(
        "espace/projets/<int:pk>/apercu/",
        views.project_preview,
        name="project_preview",
    ),
    path(
        "espace/projets/<int:pk>/soumettre/",
        views.project_submit,
        name="project_submit",
    ),
    path(
        "espace/projets/<int:pk>/retirer/",
        views.project_withdraw,
        name="project_withdraw",
    ),
    path(
        "espace/projets/<int:pk>/supprimer/",
        views.project_delete,
        name="project_delete",
    ),
]
