"""Citizens' guides and findability (issue 16): the glossary and the evaluation
method in both languages, the terms explained where they appear, and the header
and footer leading to matching, calls, open data and the API documentation."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from registry.models import EvaluationCriterion, EvaluationScore
from tests.factories import DatasetFactory, EvaluationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/glossaire/", "Glossaire"),
        ("/en/glossary/", "Glossary"),
        ("/comment-inesia-evalue/", "Comment l’INESIA évalue une IA en santé"),
        ("/en/how-inesia-evaluates/", "How INESIA evaluates a health AI"),
    ],
)
def test_guides_exist_in_french_and_english(client, url, heading):
    page = text_of(client, url)
    assert f"<h1>{heading}</h1>" in page


def test_the_glossary_anchors_every_term_the_tooltips_link_to(client):
    page = text_of(client, "/glossaire/")
    for slug in ("trl", "classe-ce", "ai-act", "notes-evaluation"):
        assert f'id="{slug}"' in page
    assert "Technology Readiness Level" in page


def test_the_project_page_explains_trl_ce_class_and_ai_act(client):
    project = ProjectFactory(
        trl=8, ce_class=Project.CeClass.CLASS_III, ai_act_risk=Project.AiActRisk.HIGH
    )
    page = text_of(client, project.get_absolute_url())
    for slug, text in (
        ("trl", "TRL 8"),
        ("classe-ce", "classe III"),
        ("ai-act", "AI Act"),
    ):
        link = re.search(
            rf'<a class="glossary-term" href="/glossaire/#{slug}" '
            rf'aria-describedby="([^"]+)">{text}</a>',
            page,
        )
        assert link, slug
        tooltip_id = link.group(1)
        assert page.count(f'id="{tooltip_id}"') == 1
        assert re.search(
            rf'<span class="fr-tooltip[^"]*" id="{tooltip_id}" role="tooltip"', page
        )

    assert "{#" not in page  # no template comment leaks into the page
    # The term sits flush against what follows: "AI Act :", not "AI Act  :".
    assert re.search(r"AI Act</a><span[^>]*>[^<]*</span>\u00a0:", page)

    english = text_of(client, "/en" + project.get_absolute_url())
    assert 'href="/en/glossary/#trl"' in english
    assert "How mature a technology is" in english


def test_evaluation_pages_explain_the_scores_and_link_the_method(client):
    evaluation = EvaluationFactory()
    criterion = EvaluationCriterion.objects.get_or_create(name="Robustesse")[0]
    EvaluationScore.objects.create(evaluation=evaluation, criterion=criterion, score=80)
    page = text_of(client, evaluation.get_absolute_url())
    assert 'href="/glossaire/#notes-evaluation"' in page
    assert f'href="{reverse("evaluation_method")}"' in page
    project_page = text_of(client, evaluation.project.get_absolute_url())
    assert f'href="{reverse("evaluation_method")}"' in project_page


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_header_and_footer_lead_to_matching_calls_open_data_and_api(client, prefix):
    page = text_of(client, prefix + "/")
    header = page[page.index("<header") : page.index("</header>")]
    footer = page[page.index("<footer") : page.index("</footer>")]
    language = "en" if prefix else "fr"
    with translation.override(language):
        targets = [
            reverse("search:matching"),
            reverse("collaboration:call_list"),
            reverse("opendata:index"),
            reverse("glossary"),
            reverse("evaluation_method"),
            "/api/docs/",
        ]
    for target in targets:
        assert f'href="{target}"' in header, (language, target)
        assert f'href="{target}"' in footer, (language, target)


def test_the_sitemap_lists_the_guides(client):
    sitemap = text_of(client, "/sitemap.xml")
    assert "/glossaire/</loc>" in sitemap
    assert "/comment-inesia-evalue/</loc>" in sitemap
    assert "/mes-donnees/</loc>" in sitemap


def test_the_sitemap_lists_each_data_source_of_mes_donnees(client):
    dataset = DatasetFactory()
    sitemap = text_of(client, "/sitemap.xml")
    assert f"/mes-donnees/{dataset.slug}/</loc>" in sitemap
