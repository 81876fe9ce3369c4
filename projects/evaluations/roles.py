"""Who may do what with evaluations, from the groups a user belongs to."""

from django.contrib.auth.models import AbstractBaseUser

from portal.core import roles
from projects.models import Project

EVALUATORS_GROUP = roles.EVALUATORS
MODERATORS_GROUP = roles.MODERATORS


def user_is_moderator(*, user: AbstractBaseUser) -> bool:
    """Moderators (and administrators) assign evaluators and publish evaluations."""
    return roles.user_is_moderator(user)


def user_is_evaluator(*, user: AbstractBaseUser) -> bool:
    """INESIA evaluators conduct the evaluations assigned to them."""
    return EVALUATORS_GROUP in roles.user_group_names(user)


def user_can_request_evaluation(*, user: AbstractBaseUser, project: Project) -> bool:
    """A project's owner, its members and its lead team's head may ask INESIA to
    evaluate it.

    Membership is the registry's: the user's linked person is a member of the project,
    or leads the project's lead team.
    """
    if not (user and user.is_authenticated and user.is_active):
        return False
    if project.owner_id == user.pk:
        return True
    person = getattr(user, "person", None)
    if person is None:
        return False
    if project.lead_team_id and project.lead_team.lead_id == person.pk:
        return True
    return project.members.filter(person=person).exists()
