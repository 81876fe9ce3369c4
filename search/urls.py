from django.urls import path

from search import views
from search.matching.views import matching_page

app_name = "search"

urlpatterns = [
    path("recherche/", views.search_page, name="search"),
    path("recherche/suggestions/", views.suggestions, name="suggestions"),
    path("collaborateurs/", matching_page, name="matching"),
]
