"""Public project pages; queries come from `projects.selectors`."""

from django.conf import settings
from django.views.generic import DetailView, ListView

from portal.core import related
from projects import selectors
from projects.filters import ProjectFilter, active_filter_tags
from projects.jsonld import project_jsonld


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = settings.PUBLIC_PAGE_SIZE

    def get_queryset(self):
        self.filterset = ProjectFilter(
            self.request.GET or None, queryset=selectors.project_public_list()
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["active_filters"] = active_filter_tags(
            filterset=self.filterset, query=self.request.GET
        )
        return context


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return selectors.project_public_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.project_detail_context(project=self.object))
        context["jsonld"] = project_jsonld(project=self.object, request=self.request)
        context.update(related.page_context("project_detail", project=self.object))
        return context
