"""The portal under load (issue 15): visitors browsing, searching, matching and
reading the API, as `make load` runs them (scripts/load-test) against gunicorn,
PostgreSQL, Redis and Elasticsearch on 127.0.0.1.

Each simulated visitor waits 1–3 s between requests, as a reader does; requests are
grouped by endpoint (`name=`) so the report gives one p95 per endpoint. The records
visited are read once from the API at the start (slugs of projects, teams,
organisations), so any seeded database will do.
"""

import random

from locust import HttpUser, between, events, task

SEARCH_WORDS = [
    "cancer",
    "imagerie",
    "cardiologie",
    "diabète",
    "radiologie",
    "apprentissage profond",
    "sommeil",
    "dermatologie",
    "AVC",
    "santé mentale",
]
MATCH_TEXTS = [
    "segmentation de tumeurs en IRM par apprentissage profond",
    "prédiction du risque cardiovasculaire à partir du SNDS",
    "traitement automatique du langage sur comptes rendus médicaux",
    "détection précoce de la rétinopathie diabétique",
]
API_LIST = (
    "/api/v1/projects/?page_size=50&expand=lead_organisation,lead_team,partners,"
    "datasets,evaluations,members"
)
SLUGS: dict[str, list[str]] = {}


@events.test_start.add_listener
def read_slugs(environment, **kwargs):
    """The records to visit, from the API's first pages (before any user starts)."""
    import requests

    for resource in ("projects", "teams", "organisations"):
        response = requests.get(
            f"{environment.host}/api/v1/{resource}/?page_size=100", timeout=30
        )
        response.raise_for_status()
        SLUGS[resource] = [row["slug"] for row in response.json()["results"]]


class Visitor(HttpUser):
    wait_time = between(1, 3)

    def slug(self, resource: str) -> str:
        return random.choice(SLUGS[resource])

    # --- browsing the pages
    @task(3)
    def home(self):
        self.client.get("/", name="page: home")

    @task(3)
    def project_list(self):
        self.client.get("/projets/", name="page: project list")

    @task(5)
    def project_page(self):
        self.client.get(f"/projets/{self.slug('projects')}/", name="page: project")

    @task(3)
    def team_page(self):
        self.client.get(f"/equipes/{self.slug('teams')}/", name="page: team")

    @task(2)
    def organisation_page(self):
        self.client.get(
            f"/organisations/{self.slug('organisations')}/",
            name="page: organisation",
        )

    # --- searching
    @task(3)
    def search_page(self):
        word = random.choice(SEARCH_WORDS)
        self.client.get("/recherche/", params={"q": word}, name="page: search")

    @task(2)
    def search_api(self):
        word = random.choice(SEARCH_WORDS)
        self.client.get("/api/v1/search/", params={"q": word}, name="api: search")

    # --- matching
    @task(1)
    def matching_page(self):
        text = random.choice(MATCH_TEXTS)
        self.client.get(
            "/collaborateurs/", params={"text": text}, name="page: matching"
        )

    @task(1)
    def matching_api(self):
        text = random.choice(MATCH_TEXTS)
        self.client.get(
            "/api/v1/match/teams/", params={"text": text}, name="api: matching"
        )

    # --- reading the API
    @task(2)
    def api_project_list(self):
        self.client.get(API_LIST, name="api: project list (50, expanded)")

    @task(1)
    def api_project(self):
        self.client.get(
            f"/api/v1/projects/{self.slug('projects')}/", name="api: project"
        )
