"""What an Atom entry says of a project, the same in every feed that lists projects
(the registry's /flux/projets.atom and each data source's feed of /mes-donnees/)."""

from projects.models import Project


class ProjectFeedItems:
    """Mixed into a `Feed` whose items are projects; each feed writes its own
    description (a whole summary or its first sentence)."""

    def item_title(self, project: Project) -> str:
        return str(project)

    def item_pubdate(self, project: Project):
        return project.first_published_at or project.created_at

    def item_updateddate(self, project: Project):
        return project.last_published_at or project.updated_at

    def item_author_name(self, project: Project) -> str:
        return project.lead_organisation.name
