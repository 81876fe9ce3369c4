from django.urls import path

from search.alerts import views

app_name = "alerts"

urlpatterns = [
    path("compte/alertes/", views.my_alerts, name="my_alerts"),
    path(
        "compte/alertes/recherches/nouvelle/",
        views.saved_search_new,
        name="saved_search_new",
    ),
    path(
        "compte/alertes/<str:kind>/<int:pk>/",
        views.subscription_update,
        name="subscription_update",
    ),
    path("suivre/", views.follow, name="follow"),
    path("alertes/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
