from django.urls import path

from projects.collaboration import views

app_name = "collaboration"

urlpatterns = [
    path("appels/", views.call_list, name="call_list"),
    path("appels/nouveau/", views.call_create, name="call_create"),
    path("appels/les-miens/", views.call_mine, name="call_mine"),
    path("appels/<slug:slug>/", views.call_detail, name="call_detail"),
    path("appels/<slug:slug>/modifier/", views.call_update, name="call_update"),
    path("equipes/<slug:slug>/contact/", views.contact_team, name="contact_team"),
    path(
        "equipes/<slug:slug>/contact/envoye/", views.contact_sent, name="contact_sent"
    ),
]
