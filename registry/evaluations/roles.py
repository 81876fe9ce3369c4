"""Who may do what with evaluations, from the groups a user belongs to."""

from django.contrib.auth.models import AbstractBaseUser

from projects.models import Project

EVALUATORS_GROUP = "INESIA evaluators"
MODERATORS_GROUP = "Moderators"


def _in_group(user: AbstractBaseUser, name: str) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    # Group names are read once per user object: a page asks several times.
    cache = getattr(user, "_evaluation_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._evaluation_group_names = cache
    return name in cache


def user_is_moderator(*, user: AbstractBaseUser) -> bool:
    """Moderators (and superusers) assign evaluators and publish evaluations."""
    return bool(user and user.is_authenticated and user.is_superuser) or _in_group(
        user, MODERATORS_GROUP
    )


def user_is_evaluator(*, user: AbstractBaseUser) -> bool:
    """INESIA evaluators conduct the evaluations assigned to them."""
    return _in_group(user, EVALUATORS_GROUP)


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
