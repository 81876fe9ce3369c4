from django.urls import path

from portal.feedback import views

app_name = "feedback"

urlpatterns = [
    path("signaler-une-erreur/", views.report_error, name="report"),
    path("signaler-une-erreur/merci/", views.thanks, name="thanks"),
]
