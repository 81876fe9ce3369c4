"""Admin side of ownership: a project created in the Wagtail admin belongs to the
account that created it, as one created from « Mes projets » does."""

from wagtail import hooks

from projects.models import Project


@hooks.register("after_create_snippet")
def project_owner_record(request, instance) -> None:
    if isinstance(instance, Project) and instance.owner_id is None:
        Project.objects.filter(pk=instance.pk).update(owner=request.user)
