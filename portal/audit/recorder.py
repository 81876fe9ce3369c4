"""What changed, in words a moderator reads: field, old value → new value.

Each audited save is compared with the row as it is in the database just before it
(one query per update, none per creation). Child rows (a person's memberships, an
evaluation's scores, a project's partners…) are logged on their parent, whose history
page is the one a moderator opens. A new draft of a published project changes no row:
its revision is compared with the previous revision instead.

Bulk writes (`bulk_create`, `bulk_update`) send no signal: a writer that uses them
sends `portal.core.bulk.records_bulk_saved`, logged here in one INSERT
(`log_bulk_save`). `QuerySet.update` is not logged.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from portal.audit.context import current_actor

CREATE, EDIT, DELETE = "audit.create", "audit.edit", "audit.delete"
# Values are shown, not kept in full: a long description is cut here.
MAX_VALUE_LENGTH = 200

# Registry data, and the child rows that belong to one of them (logged on it).
AUDITED = [
    "registry.Organisation",
    "registry.Team",
    "registry.Person",
    "registry.Dataset",
    "registry.DataStandard",
    "registry.Evaluation",
    "registry.EvaluationCriterion",
    "projects.Project",
]
CHILDREN = {
    "registry.Membership": "person",
    "registry.EvaluationScore": "evaluation",
    "projects.ProjectPartner": "project",
    "projects.ProjectMember": "project",
    "projects.ProjectDataset": "project",
    "projects.ProjectFunding": "project",
    "projects.ProjectPublication": "project",
}
# Bookkeeping that changes with every save or publication, not data anyone edits.
IGNORED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "go_live_at",
    "expire_at",
    "expired",
}


def audited_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in [*AUDITED, *CHILDREN]]


def _parent_field(model: type[models.Model]) -> str | None:
    return CHILDREN.get(model._meta.label)


def _fields(model: type[models.Model]) -> list[models.Field]:
    parent = _parent_field(model)
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in IGNORED_FIELDS and field.name != parent
    ]


def _shown(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    return text if len(text) <= MAX_VALUE_LENGTH else text[: MAX_VALUE_LENGTH - 1] + "…"


def _shown_field(field: models.Field, raw, instance: models.Model | None = None) -> str:
    if raw is None or raw == "":
        return ""
    if field.is_relation:
        # The related object the instance already holds costs no query.
        if instance is not None and field.is_cached(instance):
            target = getattr(instance, field.name)
        else:
            target = field.related_model._base_manager.filter(pk=raw).first()
        return _shown(target if target is not None else raw)
    if field.choices:
        return _shown(dict(field.flatchoices).get(raw, raw))
    return _shown(raw)


def _change(field: str, old: str, new: str) -> dict:
    return {"field": field, "old": old, "new": new}


def _write(instance: models.Model, action: str, changes: list[dict], **extra) -> None:
    actor = current_actor()
    data = {"source": actor.source, "changes": changes, **extra}
    log(instance, action, user=actor.resolved_user(), data=data)


# --- saves and deletions ----------------------------------------------------------


def snapshot_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    names = [field.attname for field in _fields(sender)]
    if update_fields is not None:
        wanted = set(update_fields)
        names = [
            field.attname
            for field in _fields(sender)
            if field.name in wanted or field.attname in wanted
        ]
    instance._audit_before = (
        sender._base_manager.filter(pk=instance.pk).values(*names).first()
        if names
        else {}
    )


def _diff(sender, instance, before: dict) -> list[dict]:
    changes = []
    for field in _fields(sender):
        if field.attname not in before:
            continue
        old, new = before[field.attname], getattr(instance, field.attname)
        if old != new:
            changes.append(
                _change(
                    field.name,
                    _shown_field(field, old),
                    _shown_field(field, new, instance),
                )
            )
    return changes


def _initial_values(sender, instance) -> list[dict]:
    return [
        _change(field.name, "", shown)
        for field in _fields(sender)
        if (shown := _shown_field(field, getattr(instance, field.attname), instance))
    ]


def _save_entry(sender, instance, created: bool, before: dict | None):
    """What a save of `instance` logs: (record logged on, action, changes), or None
    when nothing is worth a line. `before` holds the old values of the changed
    fields (None for a creation)."""
    parent_name = _parent_field(sender)
    if parent_name:
        parent = getattr(instance, parent_name, None)
        if parent is None or parent.pk is None:
            return None
        label = sender._meta.verbose_name
        if created or before is None:
            changes = [_change(str(label), "", _shown(instance))]
        else:
            # "membre « X » — rôle": the parent's history names the row and field.
            changes = [
                _change(
                    f"{label} « {instance} » — "
                    f"{sender._meta.get_field(change['field']).verbose_name}",
                    change["old"],
                    change["new"],
                )
                for change in _diff(sender, instance, before)
            ]
        return (parent, EDIT, changes) if changes else None
    if created or before is None:
        return instance, CREATE, _initial_values(sender, instance)
    changes = _diff(sender, instance, before)
    return (instance, EDIT, changes) if changes else None


def log_save(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    entry = _save_entry(sender, instance, created, before)
    if entry:
        _write(*entry)


def log_bulk_save(sender, created=(), updated=(), links=(), **kwargs):
    """A bulk write (`portal.core.bulk.records_bulk_saved`): the entries single saves
    (and `m2m_changed`) would have logged, written in one INSERT."""
    entries = [_save_entry(sender, instance, True, None) for instance in created]
    entries += [
        _save_entry(sender, instance, False, before) for instance, before in updated
    ]
    entries += _link_entries(sender, links)
    entries = [entry for entry in entries if entry]
    if not entries:
        return
    actor = current_actor()
    user, context = actor.resolved_user(), get_active_log_context()
    now = timezone.now()
    rows = []
    for record, action, changes in entries:
        log_model = log_registry.get_log_model_for_instance(record)
        if log_model is not ModelLogEntry:  # pages keep their own log: one by one
            _write(record, action, changes)
            continue
        rows.append(
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(
                    record, for_concrete_model=False
                ),
                label=ModelLogEntry.objects.get_instance_title(record),
                action=action,
                timestamp=now,
                data={"source": actor.source, "changes": changes},
                user=user,
                uuid=context.uuid,
                object_id=str(record.pk),
            )
        )
    ModelLogEntry.objects.bulk_create(rows)


def log_delete(sender, instance, **kwargs):
    parent_name = _parent_field(sender)
    if parent_name:
        parent_id = getattr(instance, f"{parent_name}_id", None)
        parent_model = sender._meta.get_field(parent_name).related_model
        parent = parent_model._base_manager.filter(pk=parent_id).first()
        if parent is not None:
            label = sender._meta.verbose_name
            _write(parent, EDIT, [_change(str(label), _shown(instance), "")])
        return
    _write(instance, DELETE, [])


def log_m2m_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Links added or removed, logged on the record that owns the field (a team's
    tutelles are logged on the team, from whichever side they were changed)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not pk_set and action != "post_clear":
        return
    if reverse:
        owners = list(model._base_manager.filter(pk__in=pk_set or []))
        linked = [instance]
    else:
        owners = [instance]
        linked = list(model._base_manager.filter(pk__in=pk_set or []))
    for owner in owners:
        field = next(
            f
            for f in type(owner)._meta.many_to_many
            if f.remote_field.through is sender
        )
        names = ", ".join(sorted(str(obj) for obj in linked))
        if action == "post_add":
            change = _change(field.name, "", f"+ {names}")
        elif action == "post_remove":
            change = _change(field.name, f"- {names}", "")
        else:
            change = _change(field.name, "…", "")
        _write(owner, EDIT, [change])


def _link_entries(sender, links) -> list[tuple]:
    """What `log_m2m_change` writes for links set in bulk: removals, then additions
    (the order of `RelatedManager.set`), names read in one query per field."""
    entries = []
    for name in dict.fromkeys(name for _owner, name, _added, _removed in links):
        field = sender._meta.get_field(name)
        pks = {pk for _o, n, added, removed in links if n == name for pk in added}
        pks |= {pk for _o, n, _a, removed in links if n == name for pk in removed}
        names = {
            obj.pk: str(obj)
            for obj in field.related_model._base_manager.filter(pk__in=pks)
        }
        for owner, link_name, added, removed in links:
            if link_name != name:
                continue
            if removed:
                shown = ", ".join(sorted(names[pk] for pk in removed))
                entries.append((owner, EDIT, [_change(name, f"- {shown}", "")]))
            if added:
                shown = ", ".join(sorted(names[pk] for pk in added))
                entries.append((owner, EDIT, [_change(name, "", f"+ {shown}")]))
    return entries


# --- drafts (revisions) of projects -------------------------------------------------


def _revision_values(content: dict, model: type[models.Model]) -> dict[str, str]:
    """A revision's content, one comparable text per field (children included)."""
    values = {}
    for key, value in content.items():
        if key in IGNORED_FIELDS or key == "pk":
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            # Child rows: compared without their own ids and parent key.
            rows = [
                ", ".join(
                    f"{k}={v}"
                    for k, v in sorted(row.items())
                    if k not in ("pk", "id", model._meta.model_name)
                )
                for row in value
            ]
            values[key] = "; ".join(sorted(rows))
        else:
            values[key] = _shown(value)
    return values


def log_draft_revision(sender, instance, created=False, raw=False, **kwargs):
    """A new draft of a published object: what it changes from the previous draft."""
    if raw or not created:
        return
    model = instance.content_type.model_class()
    if model is None or model._meta.label not in AUDITED:
        return
    obj = model._base_manager.filter(pk=instance.object_id).first()
    if obj is None or not getattr(obj, "live", True):
        # A draft that was never published is saved to its row too: logged there.
        return
    previous = (
        sender.objects.filter(
            base_content_type=instance.base_content_type, object_id=instance.object_id
        )
        .exclude(pk=instance.pk)
        .order_by("-created_at", "-pk")
        .first()
    )
    if previous is None:
        return  # The first draft is the creation, logged with the row.
    old = _revision_values(previous.content, model)
    new = _revision_values(instance.content, model)
    changes = [
        _change(key, _shown(old.get(key, "")), _shown(new.get(key, "")))
        for key in sorted(set(old) | set(new))
        if old.get(key, "") != new.get(key, "")
    ]
    if changes:
        _write(obj, EDIT, changes, draft=True, revision=instance.pk)
