"""Fault injection: Redis, the broker and Elasticsearch made unreachable.

A service is made unreachable by pointing the portal at a port of 127.0.0.1 that
was just bound and released (nothing listens there: connections are refused at
once). Where a test owns the service, it runs its own `redis-server` and stops it.

Every request the suite makes is counted; the totals go to
test-artifacts/faults.txt and to the end of the pytest output.
"""

import json
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group

from portal.celery import app as celery_app
from portal.core import queue
from projects.evaluations.roles import EVALUATORS_GROUP, MODERATORS_GROUP
from projects.models import ProjectMember
from search.client import es_reset
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
)

PASSWORD = "x-test-pass-1234"
ARTIFACT = Path(django_settings.BASE_DIR) / "test-artifacts" / "faults.txt"


def closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the tally ---------------------------------------------------------------------


@dataclass
class Tally:
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    slowest: float = 0.0
    by_fault: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"faults: {self.requests} requests under injected faults "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.by_fault.items()))}), "
            f"{len(self.server_errors)} answered >= 500, "
            f"slowest {self.slowest:.2f} s"
        )


TALLY = Tally()


def pytest_terminal_summary(terminalreporter):
    if not TALLY.requests:
        return
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(
        TALLY.line()
        + "\n"
        + "".join(f"  500: {error}\n" for error in TALLY.server_errors)
    )
    terminalreporter.write_line(TALLY.line())


class CountingClient:
    """Django's test client, counting every answer (and its time) in the tally."""

    def __init__(self, client, fault: str):
        self.client, self.fault = client, fault
        client.raise_request_exception = False  # a 500 is counted, not raised

    def __getattr__(self, name):
        return getattr(self.client, name)

    def _count(self, method, path, *args, **kwargs):
        started = time.monotonic()
        response = getattr(self.client, method)(path, *args, **kwargs)
        elapsed = time.monotonic() - started
        TALLY.requests += 1
        TALLY.by_fault[self.fault] = TALLY.by_fault.get(self.fault, 0) + 1
        TALLY.slowest = max(TALLY.slowest, elapsed)
        if response.status_code >= 500:
            TALLY.server_errors.append(f"{self.fault} {method.upper()} {path}")
        return response

    def get(self, path, *args, **kwargs):
        return self._count("get", path, *args, **kwargs)

    def post(self, path, *args, **kwargs):
        return self._count("post", path, *args, **kwargs)


# --- the faults --------------------------------------------------------------------


def redis_cache_settings(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "portal.core.cache.FailOpenRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                **django_settings.CACHES["default"].get("OPTIONS", {}),
                "CIRCUIT_OPEN_SECONDS": 0.5,  # short, so recovery is seen at once
                "LOCAL_FALLBACK_PREFIXES": ["allauth:rl:"],
            },
        }
    }


@pytest.fixture
def generous_throttles(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }


@pytest.fixture
def cache_down(settings):
    """The cache's Redis refuses connections."""
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")


@pytest.fixture
def broker_at(monkeypatch):
    """Point Celery at a broker URL (workers, not eager); restored at teardown."""

    def point(url: str) -> None:
        monkeypatch.setattr(celery_app.conf, "task_always_eager", False)
        # broker_write_url follows broker_url when unset (patching it would stick).
        monkeypatch.setattr(celery_app.conf, "broker_url", url)
        queue.broker_circuit.reset()

    yield point
    queue.broker_circuit.reset()


@pytest.fixture
def broker_down(broker_at):
    broker_at(f"redis://127.0.0.1:{closed_port()}/0")


@pytest.fixture
def broker_recovered(monkeypatch):
    """The broker is back: tasks run as a worker would run them (here, in place)."""

    def recover() -> None:
        monkeypatch.setattr(celery_app.conf, "task_always_eager", True)
        queue.broker_circuit.reset()

    return recover


@pytest.fixture
def search_down(settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    es_reset()
    yield
    es_reset()


class RedisServer:
    """A `redis-server` of the test's own on a spare port, stopped and restarted."""

    def __init__(self, tmp_path: Path):
        self.port = closed_port()
        self.dir = tmp_path
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            # A broker keeps its messages across a restart: append-only file.
            + ["--save", "", "--appendonly", "yes", "--appendfsync", "always"]
            + ["--dir", str(self.dir)]
            + ["--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

    def queued_messages(self, queue_name: str) -> list[dict]:
        """The messages waiting in a Celery queue, decoded (kombu's Redis list)."""
        import base64

        messages = []
        for raw in self.client().lrange(queue_name, 0, -1):
            message = json.loads(raw)
            args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
            messages.append(
                {"task": message["headers"]["task"], "args": args, "kwargs": kwargs}
            )
        return messages


@pytest.fixture
def redis_server(tmp_path):
    import shutil

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


# --- the people and records every write path needs ----------------------------------


@dataclass
class Scene:
    researcher: object
    sender: object
    moderator: object
    evaluator: object
    project: object
    team: object
    team_lead_email: str
    organisation: object


def _user(django_user_model, username, *groups, person=True):
    user = django_user_model.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if person:
        PersonFactory(user=user, email=user.email)
    return user


@pytest.fixture
def scene(django_user_model) -> Scene:
    researcher = _user(django_user_model, "chercheuse", "Researchers")
    project = ProjectFactory(title="Détection du sepsis aux urgences", acronym="SEPSIA")
    ProjectMember.objects.create(
        project=project,
        person=researcher.person,
        role=ProjectMember.Role.CO_INVESTIGATOR,
    )
    lead = PersonFactory(email="direction@chu-test.fr")
    team = TeamFactory(name="Rythmologie", lead=lead)
    team.save()
    MembershipFactory(person=lead, team=team)
    ProjectFactory(lead_team=team, title="Détection de la fibrillation atriale")
    return Scene(
        researcher=researcher,
        sender=_user(django_user_model, "expediteur", "Researchers"),
        moderator=_user(django_user_model, "moderatrice", MODERATORS_GROUP),
        evaluator=_user(django_user_model, "evaluatrice", EVALUATORS_GROUP),
        project=project,
        team=team,
        team_lead_email="direction@chu-test.fr",
        organisation=OrganisationFactory(ror_id="02vjkv261"),
    )
