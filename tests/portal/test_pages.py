"""Every public page renders, in the DSFR shell, and says when data is for demonstration."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from portal.models import PortalSettings
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def test_every_public_page_renders(client):
    project = rich_project()
    evaluation = project.evaluations.get(status="published")
    urls = [
        "/",
        "/a-propos/",
        "/accessibilite/",
        "/mentions-legales/",
        reverse("projects:project_list"),
        project.get_absolute_url(),
        reverse("registry:organisation_list"),
        project.lead_organisation.get_absolute_url(),
        reverse("registry:team_list"),
        project.lead_team.get_absolute_url(),
        reverse("registry:person_list"),
        project.members.first().person.get_absolute_url(),
        reverse("registry:dataset_list"),
        project.dataset_uses.first().dataset.get_absolute_url(),
        reverse("registry:evaluation_list"),
        evaluation.get_absolute_url(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert 'class="fr-header"' in content and 'class="fr-footer"' in content, url
        assert content.count("<h1") == 1, url


def test_evaluation_page_shows_scores_per_criterion(client):
    project = rich_project()
    evaluation = project.evaluations.get(status="published")
    content = client.get(evaluation.get_absolute_url()).content.decode()
    for criterion in (
        "Robustesse",
        "Biais et équité",
        "Explicabilité",
        "Documentation",
    ):
        assert criterion in content


def test_unknown_page_is_a_dsfr_404(client):
    response = client.get("/projets/nexiste-pas/")
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()


def test_demo_banner_follows_the_site_setting(client):
    assert 'id="demo-banner"' not in client.get("/").content.decode()
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.demo_data_loaded = True
    settings.save()
    assert 'id="demo-banner"' in client.get("/").content.decode()
