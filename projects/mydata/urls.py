"""/mes-donnees/ in French, /en/my-data/ in English (the prefix is translated)."""

from django.urls import include, path
from django.utils.translation import pgettext_lazy

from projects.mydata import feeds, views

app_name = "mydata"

urlpatterns = [
    path(
        pgettext_lazy("URL", "mes-donnees/"),
        include(
            [
                path("", views.mydata_index, name="index"),
                path("suggestions/", views.mydata_suggestions, name="suggestions"),
                path("<slug:slug>/", views.mydata_source, name="source"),
                path(
                    "<slug:slug>/flux.atom",
                    feeds.SourceProjectFeed(),
                    name="source_feed",
                ),
            ]
        ),
    ),
]
