"""sitemap.xml: editorial pages and every public registry record, nothing else."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailPageSitemap

from projects.models import Project
from projects.mydata.selectors import dataset_source_path
from registry.models import Dataset, Evaluation, Organisation, Person, Team


class RegistrySitemap(Sitemap):
    limit = 5000

    def __init__(self, queryset_factory):
        self.queryset_factory = queryset_factory

    def items(self):
        return self.queryset_factory().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class GuideSitemap(Sitemap):
    """The citizens' guides served from templates: the glossary, the method."""

    def items(self):
        return ["glossary", "evaluation_method", "mydata:index"]

    def location(self, item):
        return reverse(item)


class DataSourceSitemap(RegistrySitemap):
    """Each data source's page of /mes-donnees/ (which projects use data from it)."""

    def location(self, item):
        return dataset_source_path(item)


SITEMAPS = {
    "pages": WagtailPageSitemap,
    "guides": GuideSitemap(),
    "projects": RegistrySitemap(lambda: Project.objects.public()),
    "evaluations": RegistrySitemap(lambda: Evaluation.objects.public()),
    "datasets": RegistrySitemap(lambda: Dataset.objects.all()),
    "data-sources": DataSourceSitemap(lambda: Dataset.objects.all()),
    "organisations": RegistrySitemap(lambda: Organisation.objects.all()),
    "teams": RegistrySitemap(lambda: Team.objects.all()),
    "people": RegistrySitemap(lambda: Person.objects.all()),
}
