"""What search adds to lower layers' pages: similar and complementary teams on a
team page, similar projects on a project page. Registered from
`SearchConfig.ready()` through `portal.core.related`, since registry and projects may
not import search.
"""

from portal.core import related
from search.matching.match import team_match_neighbours
from search.service import similar_projects


def team_neighbours(*, team) -> dict:
    neighbours = team_match_neighbours(team=team)
    return {
        "similar_teams": neighbours["similar"],
        "complementary_teams": neighbours["complementary"],
    }


def project_similar(*, project) -> dict:
    return {"similar_projects": similar_projects(project=project)}


def register_pages() -> None:
    related.register_page("team_detail", team_neighbours)
    related.register_page("project_detail", project_similar)
