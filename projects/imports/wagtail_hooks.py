"""Admin wiring: the import pages under /admin/imports/, in the menu for those who
may import (moderators and administrators)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from projects.imports import views
from projects.imports.services import user_can_import

app_name = "imports"
urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("nouveau/", views.run_create, name="run_create"),
    path("<int:pk>/", views.run_detail, name="run_detail"),
    path("<int:pk>/progression/", views.run_progress, name="run_progress"),
    path("modele/<slug:name>.csv", views.template_download, name="template"),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("imports/", include((urlpatterns, app_name), namespace=app_name))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(user=request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Imports"), reverse("imports:run_list"), icon_name="upload", order=250
    )
