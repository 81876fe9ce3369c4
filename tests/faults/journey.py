"""What a visitor, a researcher and a program do: pages, API reads, every write path.

`journey` runs all of it through a counting client and returns what each write
should have stored, so a test can check that nothing was lost.
"""

import json
from dataclasses import dataclass

from django.urls import reverse

from portal.feedback.models import ErrorReport
from projects.collaboration.models import ContactRequest
from projects.models import Project
from registry.models import Evaluation
from tests.contribution.forms_data import project_payload
from tests.faults.conftest import PASSWORD

PAGES = [
    "/",
    "/projets/",
    "/projets/?q=sepsis",
    "/recherche/?q=sepsis",
    "/tableau-de-bord/",
    "/appels/",
    "/compte/login/",
    "/signaler-une-erreur/",
    "/donnees/",
    "/sante/",
]
API_READS = [
    "/api/v1/projects/",
    "/api/v1/organisations/",
    "/api/v1/teams/",
    "/api/v1/people/",
    "/api/v1/datasets/",
    "/api/v1/evaluations/",
    "/api/v1/domains/",
    "/api/v1/techniques/",
    "/api/v1/indicators/",
    "/api/v1/search/?q=sepsis",
]


@dataclass
class Stored:
    """Rows the journey's writes created (the lost-write check)."""

    error_reports: int
    evaluations: int
    contact_requests: int
    projects: int


def _counts() -> tuple[int, int, int, int]:
    return (
        ErrorReport.objects.count(),
        Evaluation.objects.count(),
        ContactRequest.objects.count(),
        Project.objects.count(),
    )


def journey(client, scene, capture, *, tag: str) -> Stored:
    """Every page and write once; `capture` runs the after-commit callbacks."""
    before = _counts()
    for path in [
        *PAGES,
        scene.project.get_absolute_url(),
        f"/equipes/{scene.team.slug}/",
    ]:
        client.get(path)
    for path in API_READS:
        client.get(path)
    client.get(f"/api/v1/projects/{scene.project.slug}/")

    # Logging in: a wrong password (form again), the API token, then the right one.
    client.post(
        reverse("account_login"), {"login": scene.sender.email, "password": "faux"}
    )
    client.post("/api/v1/auth/token/", {"username": "x", "password": "y"})
    client.post(
        reverse("account_login"), {"login": scene.sender.email, "password": PASSWORD}
    )

    client.force_login(scene.sender)  # unconfirmed addresses cannot log in by form
    with capture(execute=True):
        client.post(
            reverse("feedback:report"),
            {
                "page_url": scene.project.get_absolute_url(),
                "description": f"Le partenaire indiqué n’est pas le bon ({tag}).",
                "email": "lecteur@example.org",
                "website": "",
            },
        )
    with capture(execute=True):
        client.post(
            f"/equipes/{scene.team.slug}/contact/",
            {"message": f"Bonjour, notre équipe cherche un partenaire ECG ({tag})."},
        )
    client.force_login(scene.researcher)
    with capture(execute=True):
        client.post(
            reverse(
                "evaluations:evaluation_request", kwargs={"slug": scene.project.slug}
            ),
            {
                "model_version": f"v-{tag}",
                "intended_use": "Alerte précoce de sepsis aux urgences adultes.",
                "contact_email": "equipe@example.org",
            },
        )
    with capture(execute=True):
        client.post(
            "/api/v1/projects/",
            json.dumps(
                {
                    "title": f"Brouillon par l’API ({tag})",
                    "summary": "Un modèle d’alerte précoce aux urgences.",
                    "lead_organisation": "ror:02vjkv261",
                    "domains": ["oncologie"],
                    "techniques": ["apprentissage-profond"],
                    "keywords": ["sepsis"],
                    "start_date": "2025-01-01",
                    "end_date": "2027-12-31",
                }
            ),
            content_type="application/json",
        )
    with capture(execute=True):
        client.post(
            reverse("contribution:project_create"),
            project_payload(
                scene.organisation,
                title=f"Projet du formulaire ({tag})",
                acronym=f"FORM-{tag}".upper()[:30],
            ),
        )
    client.get(reverse("contribution:my_projects"))
    client.logout()

    after = _counts()
    return Stored(*(new - old for new, old in zip(after, before, strict=True)))
