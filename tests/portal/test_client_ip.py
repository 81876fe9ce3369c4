"""Issue 17, item 4: no client earns a fresh quota by forging X-Forwarded-For.
Every limit (API throttles, error reports, allauth) counts the address given by
`portal.core.client_ip`, which believes only TRUSTED_PROXY_COUNT proxies."""

import pytest
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from portal.core.client_ip import client_ip
from portal.feedback.models import ErrorReport

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # every limit counts there
    yield
    cache.clear()


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the forged entry is left
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),  # shorter chain: the leftmost
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_only_trusted_proxies_are_believed(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from("10.0.0.1", forwarded)) == expected


def test_allauth_counts_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = request_from("10.0.0.1", "203.0.113.9")
    assert get_adapter(request).get_client_ip(request) == "10.0.0.1"


def test_forged_addresses_share_one_error_report_quota(client, settings):
    settings.FEEDBACK_REPORTS_PER_HOUR = 5
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.post(
            reverse("feedback:report"),
            {
                "page_url": "/projets/",
                "description": f"Signalement numéro {n} : un partenaire manque.",
                "email": "",
                "website": "",
            },
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(8)
    ]
    assert statuses == [302] * 5 + [429] * 3
    assert ErrorReport.objects.count() == 5


def test_forged_addresses_share_one_api_quota(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    statuses = [
        client.get(
            "/api/v1/domains/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_one_proxy_each_real_client_has_its_quota(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "5/minute"},
    }

    def get(forwarded):
        return client.get("/api/v1/domains/", HTTP_X_FORWARDED_FOR=forwarded)

    # The client forges a first entry; the proxy appends the real one.
    assert [get(f"6.6.6.{n}, 203.0.113.1").status_code for n in range(3)] == [
        200,
        200,
        429,
    ]
    assert get("203.0.113.2").status_code == 200
