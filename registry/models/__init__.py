"""The registry's reference entities: who does research, with which data, evaluated by whom."""

from registry.models.datasets import Dataset, DataStandard
from registry.models.evaluations import (
    Evaluation,
    EvaluationCriterion,
    EvaluationScore,
    EvaluationTransition,
)
from registry.models.organisations import Organisation
from registry.models.people import Membership, Person, PersonExpertise
from registry.models.teams import Team, TeamExpertise

__all__ = [
    "DataStandard",
    "Dataset",
    "Evaluation",
    "EvaluationCriterion",
    "EvaluationScore",
    "EvaluationTransition",
    "Membership",
    "Organisation",
    "Person",
    "PersonExpertise",
    "Team",
    "TeamExpertise",
]
