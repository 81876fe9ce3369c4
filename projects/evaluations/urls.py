from django.urls import path

from projects.evaluations import views

app_name = "evaluations"

urlpatterns = [
    path(
        "projets/<slug:slug>/demander-une-evaluation/",
        views.EvaluationRequestView.as_view(),
        name="evaluation_request",
    ),
]
