"""Public pages of organisations, teams, people, datasets and evaluations.

Projects and similar teams on these pages come from the higher layers that own
them, through `portal.core.related` (see docs/architecture.md)."""

from django.conf import settings
from django.views.generic import DetailView, ListView

from portal.core import related
from registry import filters, selectors
from registry.jsonld import dataset_jsonld


class PublicListView(ListView):
    """A public list, narrowed by its search box and filter when it has them."""

    paginate_by = settings.PUBLIC_PAGE_SIZE
    selector = None
    filterset_class = None

    def get_queryset(self):
        queryset = type(self).selector()
        if self.filterset_class is None:
            return queryset
        self.filterset = self.filterset_class(self.request.GET, queryset=queryset)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filterset_class is not None:
            context["filter_form"] = self.filterset.form
            context["is_filtered"] = any(
                self.request.GET.get(name) for name in self.filterset.form.fields
            )
        return context


class OrganisationListView(PublicListView):
    template_name = "registry/organisation_list.html"
    selector = selectors.organisation_public_list
    filterset_class = filters.OrganisationFilter


class OrganisationDetailView(DetailView):
    template_name = "registry/organisation_detail.html"

    def get_queryset(self):
        return selectors.organisation_public_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            related.page_context("organisation_detail", organisation=self.object)
        )
        return context


class TeamListView(PublicListView):
    template_name = "registry/team_list.html"
    selector = selectors.team_public_list
    filterset_class = filters.TeamFilter


class TeamDetailView(DetailView):
    template_name = "registry/team_detail.html"

    def get_queryset(self):
        return selectors.team_public_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(related.page_context("team_detail", team=self.object))
        return context


class PersonListView(PublicListView):
    template_name = "registry/person_list.html"
    selector = selectors.person_public_list
    filterset_class = filters.PersonFilter


class PersonDetailView(DetailView):
    template_name = "registry/person_detail.html"

    def get_queryset(self):
        return selectors.person_public_detail()


class DatasetListView(PublicListView):
    template_name = "registry/dataset_list.html"
    selector = selectors.dataset_public_list


class DatasetDetailView(DetailView):
    template_name = "registry/dataset_detail.html"

    def get_queryset(self):
        return selectors.dataset_public_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(related.page_context("dataset_detail", dataset=self.object))
        context["jsonld"] = dataset_jsonld(dataset=self.object, request=self.request)
        return context


class EvaluationListView(PublicListView):
    template_name = "registry/evaluation_list.html"
    selector = selectors.evaluation_public_list
    filterset_class = filters.EvaluationFilter


class EvaluationDetailView(DetailView):
    template_name = "registry/evaluation_detail.html"
    slug_field = "reference"
    slug_url_kwarg = "reference"

    def get_queryset(self):
        return selectors.evaluation_public_detail()
