"""Every main page runs in Chromium under the Content-Security-Policy with no
violation: public pages, the account pages, the API docs and the Wagtail admin.

A violation shows up twice: as a `securitypolicyviolation` event (recorded by a
script Playwright injects, which the policy does not apply to) and as a console
error; the test reads both.
"""

import pytest
from django.conf import settings
from django.test import Client

from registry.models import EvaluationCriterion, EvaluationScore
from tests.browser.support import shot
from tests.factories import DatasetFactory, EvaluationFactory, ProjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""

# ReDoc always shows its maker's logo from cdn.redoc.ly: the policy refuses that
# third-party request on purpose, and ReDoc hides the image when it fails.
EXPECTED = ("/api/redoc/: img-src blocked https://cdn.redoc.ly/",)


def visit(page, url: str) -> list[str]:
    """Load `url`, let its scripts settle, return the violation events seen."""
    # The API docs render after fetching the schema: wait for the network to rest.
    settle = "networkidle" if "/api/" in url else "load"
    response = page.goto(url, wait_until=settle)
    assert response.status < 400, (url, response.status)
    assert "content-security-policy" in response.headers, url
    page.wait_for_timeout(150)
    events = [f"{url}: {event}" for event in page.evaluate("window.__cspViolations")]
    return [line for line in events if not any(known in line for known in EXPECTED)]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )


def test_main_pages_run_without_csp_violation(live_server, page, moderator):
    project = ProjectFactory(title="Détection du sepsis aux urgences")
    evaluation = EvaluationFactory(project=project)
    criterion, _ = EvaluationCriterion.objects.get_or_create(
        code="robustesse", defaults={"name": "Robustesse"}
    )
    EvaluationScore.objects.create(evaluation=evaluation, criterion=criterion, score=72)
    dataset = DatasetFactory(name="SNDS")
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on(
        "console",
        lambda message: console.append(f"{page.url}: {message.text}")
        if "Content Security Policy" in message.text
        and "cdn.redoc.ly" not in message.text
        else None,
    )
    public = [
        "/",
        "/projets/",
        project.get_absolute_url(),
        evaluation.get_absolute_url(),
        dataset.get_absolute_url(),
        project.lead_team.get_absolute_url(),
        "/recherche/?q=sepsis",
        "/tableau-de-bord/",
        "/appels/",
        "/collaborateurs/",
        "/donnees/",
        "/signaler-une-erreur/",
        "/compte/login/",
        "/api/docs/",
        "/api/redoc/",
    ]
    admin = [
        "/admin/",
        "/admin/pages/",
        "/admin/snippets/projects/project/",
        f"/admin/snippets/projects/project/edit/{project.pk}/",
        "/admin/documents/",
    ]

    violations = [line for url in public for line in visit(page, live_server.url + url)]
    page.goto(live_server.url + evaluation.get_absolute_url())
    # A late message of the screenshot's is the test's, not the page's (this page
    # was checked in the loop above).
    console_before_shot = len(console)
    shot(page, "csp-evaluation-scores")
    del console[console_before_shot:]
    sign_in(page, live_server, moderator)
    violations += [line for url in admin for line in visit(page, live_server.url + url)]

    assert violations == [], "\n".join(violations)
    assert console == [], "\n".join(console)


def test_an_inline_script_without_nonce_is_refused(live_server, page):
    """The policy is enforced, not just sent: a script injected without the
    nonce does not run."""
    page.goto(live_server.url + "/")
    ran = page.evaluate(
        """() => new Promise((resolve) => {
            window.__injected = false;
            document.addEventListener("securitypolicyviolation", () => resolve("refused"));
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.appendChild(script);
            setTimeout(() => resolve(window.__injected ? "ran" : "refused"), 500);
        })"""
    )
    assert ran == "refused"
