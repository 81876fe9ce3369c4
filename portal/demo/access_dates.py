"""When a demo project asked for its data and heard back, and when it reached its stage.

Access requests go in around the project's start (the training data a little before,
further datasets later), and the answer takes as long as the route does: the SNDS and
the CépiDc go through the CESREES and the CNIL (months, often 4 to 12), a registry
through its scientific board, a hospital warehouse through its own committee (1 to 6
months), a cohort through its access committee (1 to 4). An answer that could not have
come by `TODAY` is still awaited. Dates are drawn from a generator seeded by the
project's acronym, so the project's other draws stay what they were.
"""

import random
from datetime import date, timedelta

from portal.demo.data_uses import kind_of
from projects.models.project import Stage

# Generator kind → request-to-decision delay in days (shortest, most frequent, longest).
DECISION_DAYS = {
    "claims": (100, 200, 420),
    "deaths": (80, 170, 330),
    "registry": (45, 100, 210),
    "warehouse": (30, 75, 185),
    "cohort": (25, 55, 125),
}
# How long before its start a project may file its first request, in days.
EARLIEST_BEFORE_START = 150
# A pending request was filed this many days before `TODAY` at most.
PENDING_AGE_DAYS = 300
# Stage → the share of the time elapsed since the start when the project reached it.
STAGE_SHARE = {Stage.CLINICAL_VALIDATION: (0.25, 0.6), Stage.DEPLOYED: (0.6, 0.95)}


def decision_days(rng: random.Random, name: str) -> int:
    low, mode, high = DECISION_DAYS[kind_of(name)]
    return round(rng.triangular(low, high, mode))


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, max(low, high)))


def access_dated(
    rng: random.Random,
    uses: list[tuple[str, str, str]],
    *,
    start: date,
    end: date,
    today: date,
) -> list[tuple[str, str, str, date, date | None]]:
    """(acronym, purpose, status, requested on, decided on) of each dataset use.

    A decision that the delay of its route would put after `today` becomes a pending
    request: the draw never invents an answer faster than the route gives one.
    """
    dated = []
    for index, (name, purpose, status) in enumerate(uses):
        earliest = start - timedelta(days=EARLIEST_BEFORE_START)
        if status == "requested":
            dated.append((name, purpose, status, _pending(rng, earliest, today), None))
            continue
        delay = timedelta(days=decision_days(rng, name))
        # The training data are asked for first, around the start; the others while
        # the project runs, mostly in its first two years.
        requested = (
            start + _days(rng, -120, 60) if index == 0 else start + _days(rng, 0, 700)
        )
        requested = max(earliest, min(requested, end, today - delay))
        decided = requested + delay
        if decided > today:
            dated.append((name, purpose, "requested", min(requested, today), None))
        else:
            dated.append((name, purpose, status, requested, decided))
    return dated


def _pending(rng: random.Random, earliest: date, today: date) -> date:
    """A request still awaiting its answer: filed in the last months, after
    `earliest` when it can be (a project starting long after `today` filed early)."""
    first = max(earliest, today - timedelta(days=PENDING_AGE_DAYS))
    last = today - timedelta(days=7)
    if first > last:
        return today - _days(rng, 7, 120)
    return first + _days(rng, 0, (last - first).days)


def stage_reached_on(
    rng: random.Random, *, stage: Stage, start: date, end: date, today: date
) -> date | None:
    """When a project reached its current stage: its start for research, a point of
    its elapsed time for clinical validation, a later one for deployment.

    None for a project not yet started: its stage date would lie in the future.
    """
    if start > today:
        return None
    if stage not in STAGE_SHARE:
        return start
    elapsed = (min(today, end) - start).days
    low, high = STAGE_SHARE[stage]
    return start + timedelta(days=round(elapsed * rng.uniform(low, high)))
