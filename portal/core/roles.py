"""The portal's roles, in one place: group names, what each may do in the admin, and
who counts as staff.

| group               | Wagtail admin | may change                                       |
|---------------------|---------------|--------------------------------------------------|
| Researchers         | no            | nothing here (their projects: front-end, by owner) |
| Editors (existing)  | yes           | project drafts (portal/services.py)              |
| Moderators          | yes           | all registry and project content, publication,   |
|                     |               | ORCID claims                                     |
| INESIA evaluators   | yes           | evaluations and their scores only                |
| Administrators      | yes           | everything                                       |

`roles_ensure` runs after every `migrate` (and test flush). Groups this module owns
outright (Researchers, INESIA evaluators) get exactly the permissions below; Moderators
and Editors are shared with Wagtail's initial data and portal/services.py, so they only
gain what is missing; Administrators gain every permission that exists.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

RESEARCHERS = "Researchers"
EDITORS = "Editors"
MODERATORS = "Moderators"
EVALUATORS = "INESIA evaluators"
ADMINISTRATORS = "Administrators"

# Everyone in these groups is staff: they may turn on two-factor authentication.
STAFF_GROUPS = (MODERATORS, EVALUATORS, ADMINISTRATORS)

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
CRUD = ("add", "change", "delete", "view")
# The apps whose content moderators look after.
REGISTRY_APPS = ("registry", "projects")


def _model_permissions(app_label: str, model_name: str, actions) -> Q:
    return Q(
        content_type__app_label=app_label,
        codename__in=[f"{action}_{model_name}" for action in actions],
    )


def _permission(app_label: str, codename: str) -> Q:
    return Q(content_type__app_label=app_label, codename=codename)


def role_permissions() -> dict[str, Q | None]:
    """Each role's permissions as a filter on Permission (None: no permission)."""
    return {
        RESEARCHERS: None,
        # Their project permissions come from portal/services.py.
        EDITORS: _permission(*ACCESS_ADMIN),
        MODERATORS: (
            _permission(*ACCESS_ADMIN)
            | Q(content_type__app_label__in=REGISTRY_APPS)
            | _permission("accounts", "review_personclaim")
            | _model_permissions("accounts", "personclaim", ["view"])
        ),
        EVALUATORS: (
            _permission(*ACCESS_ADMIN)
            # Evaluations are filled in, never created or deleted here: a request
            # starts them and their history must survive (projects/evaluations).
            | _model_permissions("registry", "evaluation", ["view", "change"])
            | _model_permissions("registry", "evaluationscore", CRUD)
        ),
        ADMINISTRATORS: Q(),
    }


def roles_ensure() -> None:
    """Create the groups and give them their permissions; idempotent."""
    # Permissions are created app by app after migrate; this runs in the middle of
    # that sequence, so make sure every app's exist before handing them out.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    with transaction.atomic():
        for name, permissions in role_permissions().items():
            group, _ = Group.objects.get_or_create(name=name)
            wanted = (
                Permission.objects.filter(permissions)
                if permissions is not None
                else Permission.objects.none()
            )
            if name in (RESEARCHERS, EVALUATORS):
                group.permissions.set(wanted)
            else:
                group.permissions.add(*wanted)


def user_is_staff_member(user) -> bool:
    """Moderators, INESIA evaluators, Administrators and Django staff."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def user_group_names(user) -> set[str]:
    """The names of the user's groups, read once per user object (a page asks
    several questions about one user)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    if not hasattr(user, "_role_group_names"):
        user._role_group_names = set(user.groups.values_list("name", flat=True))
    return user._role_group_names


def user_is_moderator(user) -> bool:
    """Moderators, Administrators and superusers act on all registry content."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(
        user_group_names(user) & {MODERATORS, ADMINISTRATORS}
    )


def researcher_role_grant(*, user) -> None:
    """A confirmed e-mail address makes an account a researcher's."""
    group, _ = Group.objects.get_or_create(name=RESEARCHERS)
    user.groups.add(group)
