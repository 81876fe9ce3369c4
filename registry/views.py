"""Public pages of organisations, teams, people, datasets and evaluations.

Projects and similar teams on these pages come from the higher layers that own
them, through `portal.core.related` (see docs/architecture.md)."""

from django.conf import settings
from django.views.generic import DetailView, ListView

from portal.core import related
from registry import selectors
from registry.jsonld import dataset_jsonld


class PublicListView(ListView):
    paginate_by = settings.PUBLIC_PAGE_SIZE
    selector = None

    def get_queryset(self):
        return type(self).selector()


class OrganisationListView(PublicListView):
    template_name = "registry/organisation_list.html"
    selector = selectors.organisation_public_list


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


class EvaluationDetailView(DetailView):
    template_name = "registry/evaluation_detail.html"
    slug_field = "reference"
    slug_url_kwarg = "reference"

    def get_queryset(self):
        return selectors.evaluation_public_detail()
