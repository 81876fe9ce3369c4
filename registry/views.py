"""Public pages of organisations, teams, people, datasets and evaluations."""

from django.conf import settings
from django.views.generic import DetailView, ListView

from registry import selectors
from registry.jsonld import dataset_jsonld
from search.matching.match import team_match_neighbours


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
        context["partner_projects"] = selectors.organisation_partner_projects(
            organisation=self.object
        )[:50]
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
        context["partner_projects"] = selectors.team_partner_projects(team=self.object)
        neighbours = team_match_neighbours(team=self.object)
        context["similar_teams"] = neighbours["similar"]
        context["complementary_teams"] = neighbours["complementary"]
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
        context["projects"] = selectors.dataset_projects(dataset=self.object)
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
