"""What every installation needs before anyone logs in: the home page, the editorial
pages the footer links to, and the moderation workflow with its groups' permissions.

`portal_defaults_ensure` is idempotent; it runs after every `migrate` (and after the
test runner's flushes), so a fresh database is immediately usable.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

from portal.models import HomePage, StandardPage
from projects.models import Project
from registry.models import Dataset, Evaluation, Organisation, Person, Team

MODERATION_WORKFLOW = "Modération des projets"
MODERATION_TASK = "Validation par les modérateurs"

EDITORIAL_PAGES = [
    (
        "a-propos",
        "À propos du registre",
        "Le registre national recense les projets d’intelligence artificielle en santé "
        "des organismes de recherche français.",
        "<p>Le Registre national de l’IA en santé recense les projets d’intelligence "
        "artificielle en santé menés par l’Inserm, Inria, le CNRS, le CEA et leurs "
        "partenaires hospitaliers et universitaires. Il relie chaque projet aux jeux de "
        "données qu’il utilise (SNDS, CépiDc, entrepôts de données de santé, cohortes) "
        "et aux évaluations conduites par l’INESIA.</p>",
    ),
    (
        "accessibilite",
        "Accessibilité",
        "Déclaration d’accessibilité au titre du RGAA.",
        "<p>Le registre s’engage à rendre son site accessible conformément à l’article 47 "
        "de la loi n° 2005-102 du 11 février 2005. Le site est partiellement conforme au "
        "référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : un audit "
        "complet reste à conduire.</p>",
    ),
    (
        "mentions-legales",
        "Mentions légales",
        "",
        "<p>Le registre publie la description des projets et des jeux de données ; il ne "
        "contient aucune donnée de patient. Les adresses électroniques des personnes ne "
        "sont jamais publiées.</p>",
    ),
]


def portal_defaults_ensure() -> None:
    with transaction.atomic():
        home = _home_page_ensure()
        if home is not None:
            for slug, title, introduction, body in EDITORIAL_PAGES:
                _standard_page_ensure(
                    home, slug=slug, title=title, introduction=introduction, body=body
                )
        _moderation_workflow_ensure()


def _home_page_ensure() -> HomePage | None:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    if root is None:
        # A flushed test database has no page tree at all: nothing to attach to.
        return None
    # Wagtail's installation leaves a placeholder page at /: our home page replaces it.
    placeholders = root.get_children().filter(
        content_type=ContentType.objects.get_for_model(Page)
    )
    for placeholder in placeholders:
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(
            title="Registre national de l’IA en santé",
            slug="accueil",
            introduction="<p>Qui travaille en France sur quel problème d’IA en santé, "
            "avec quelles données, et avec quelle fiabilité ?</p>",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.save(update_fields=["root_page"])
    else:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Registre IA santé",
        )
    return home


def _standard_page_ensure(
    home: HomePage, *, slug: str, title: str, introduction: str, body: str
) -> None:
    if home.get_children().filter(slug=slug).exists():
        return
    home.add_child(
        instance=StandardPage(
            title=title, slug=slug, introduction=introduction, body=body
        )
    )


def _moderation_workflow_ensure() -> None:
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    editors, _ = Group.objects.get_or_create(name="Editors")
    project_type = ContentType.objects.get_for_model(Project)

    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
        task.groups.set([moderators])
    workflow, created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.get_or_create(
        content_type=project_type, defaults={"workflow": workflow}
    )

    # Editors draft and submit; moderators also publish and lock.
    editors.permissions.add(
        *_permissions(project_type, "project", ["add", "change", "view"])
    )
    moderators.permissions.add(
        *_permissions(
            project_type,
            "project",
            ["add", "change", "view", "delete", "publish", "lock", "unlock"],
        )
    )
    for model in (Organisation, Team, Person, Dataset, Evaluation):
        content_type = ContentType.objects.get_for_model(model)
        moderators.permissions.add(
            *_permissions(
                content_type,
                model._meta.model_name,
                ["add", "change", "view", "delete"],
            )
        )


def _permissions(
    content_type: ContentType, model_name: str, actions: list[str]
) -> list[Permission]:
    # publish/lock permissions are created by Wagtail after migrate too; whichever
    # runs first creates them, so the other finds them.
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model_name}",
            defaults={"name": f"Can {action} {model_name}"},
        )[0]
        for action in actions
    ]
