"""The registry the accessibility checks walk through (tests/browser/test_accessibility.py):
the search scene, the matching scene, a project with every relation its page shows and
two open calls, committed once per module, and the public pages it gives."""

from django.urls import reverse
from django.utils import translation

from tests.factories.scenarios import rich_project
from tests.matching.calls import CallFactory
from tests.matching.scene import build_scene as build_matching_scene
from tests.search.scene import build_scene as build_search_scene

SEARCH_WORDS = "imagerie"
AUTOCOMPLETE_PREFIX = "ne"  # NEUROVASC, the search scene's stroke project


def build_a11y_scene() -> dict[str, tuple[str, str]]:
    """Commit the scene; return each page type's French and English paths."""
    search = build_search_scene()
    matching = build_matching_scene()
    stroke = search["stroke"]
    stroke.title_en = "Imaging and acute stroke"  # an English page with both languages
    stroke.save()
    project = rich_project(
        title="Dépistage assisté de la rétinopathie", acronym="RETINA"
    )
    evaluation = project.evaluations.get(status="published")
    team = project.lead_team
    calls = []
    for number, term in enumerate(project.domains.all()[:2]):
        calls.append(
            CallFactory(
                team=team,
                title=f"Recherche d’un service d’ophtalmologie partenaire {number}",
            )
        )
        calls[-1].domains.set([term])
    person = project.members.first().person
    dataset = project.dataset_uses.first().dataset
    french = {
        "accueil": "/",
        "autocompletion": "/",
        "recherche": f"{reverse('search:search')}?q={SEARCH_WORDS}",
        "projets": reverse("projects:project_list"),
        "projet": project.get_absolute_url(),
        "equipes": reverse("registry:team_list"),
        "equipe": team.get_absolute_url(),
        "personnes": reverse("registry:person_list"),
        "personne": person.get_absolute_url(),
        "organismes": reverse("registry:organisation_list"),
        "organisme": project.lead_organisation.get_absolute_url(),
        "jeux-de-donnees": reverse("registry:dataset_list"),
        "jeu-de-donnees": dataset.get_absolute_url(),
        "evaluations": reverse("registry:evaluation_list"),
        "evaluation": evaluation.get_absolute_url(),
        "collaborateurs": f"{reverse('search:matching')}?project={matching.project.slug}",
        "appels": reverse("collaboration:call_list"),
        "donnees": reverse("opendata:index"),
        "tableau-de-bord": reverse("projects:dashboard"),
        "connexion-erreurs": reverse("account_login"),
        "signalement-erreurs": reverse("feedback:report"),
        "api-docs": reverse("api-docs"),
        "page-cms": "/a-propos/",
        "appel": calls[0].get_absolute_url(),
    }
    pages = {name: (path, "/en" + path) for name, path in french.items()}
    translated = {}
    for language in ("fr", "en"):
        with translation.override(language):
            translated[language] = translated_paths(dataset.slug, dataset.name)
    return pages | {
        name: (path, translated["en"][name]) for name, path in translated["fr"].items()
    }


def translated_paths(dataset_slug: str, dataset_name: str) -> dict[str, str]:
    """The page types whose path itself is translated (/mes-donnees/, /en/my-data/),
    in the active language."""
    return {
        "mes-donnees": f"{reverse('mydata:index')}?q={dataset_name[:12]}",
        "mes-donnees-source": reverse("mydata:source", args=[dataset_slug]),
        "glossaire": reverse("glossary"),
        "methode-evaluation": reverse("evaluation_method"),
    }
