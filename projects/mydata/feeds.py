"""An Atom feed per data source: the published projects that use it."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from projects.feed_items import ProjectFeedItems
from projects.models import Project
from projects.mydata import selectors
from registry.models import Dataset

FEED_LENGTH = 50


class SourceProjectFeed(ProjectFeedItems, Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str):
        return get_object_or_404(Dataset, slug=slug)

    def title(self, dataset: Dataset) -> str:
        return _("Registre IA santé — projets utilisant %(source)s") % {
            "source": dataset.short_name
        }

    def subtitle(self, dataset: Dataset) -> str:
        return _("Les projets publiés qui utilisent des données de %(source)s.") % {
            "source": dataset
        }

    def link(self, dataset: Dataset) -> str:
        return selectors.dataset_source_path(dataset)

    def items(self, dataset: Dataset):
        return selectors.source_projects_for_feed(dataset=dataset, limit=FEED_LENGTH)

    def item_description(self, project: Project) -> str:
        return selectors.first_sentence(project.display_summary)
