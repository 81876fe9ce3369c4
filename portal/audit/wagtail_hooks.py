"""The audit's entries in Wagtail's log: their labels and how they read."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.audit.recorder import CREATE, DELETE, EDIT

SOURCE_LABELS = {
    "admin": gettext_lazy("administration"),
    "api": gettext_lazy("API"),
    "web": gettext_lazy("site public"),
    "script": gettext_lazy("script"),
}


def source_label(source: str) -> str:
    if source.startswith("command:"):
        return _("commande %(name)s") % {"name": source.removeprefix("command:")}
    if source.startswith("task:"):
        return _("tâche %(name)s") % {"name": source.removeprefix("task:")}
    return str(SOURCE_LABELS.get(source, source))


def _field_label(log_entry, name: str) -> str:
    model = log_entry.content_type.model_class()
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a child row's label, or a field since removed
        return name


def changes_text(log_entry) -> str:
    parts = []
    for change in (log_entry.data or {}).get("changes", []):
        label = _field_label(log_entry, change["field"])
        old, new = change.get("old") or "—", change.get("new") or "—"
        parts.append(f"{label} : « {old} » → « {new} »")
    return " ; ".join(parts)


class AuditFormatter(LogFormatter):
    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("%(verb)s (%(source)s)") % {
            "verb": self.verb,
            "source": source_label(data.get("source", "")),
        }
        if data.get("draft"):
            message += " — " + _("brouillon")
        details = changes_text(log_entry)
        return f"{message} : {details}" if details else message


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    @actions.register_action(CREATE)
    class Created(AuditFormatter):
        label = gettext_lazy("Création (données)")
        verb = gettext_lazy("Créé")

    @actions.register_action(EDIT)
    class Edited(AuditFormatter):
        label = gettext_lazy("Modification (données)")
        verb = gettext_lazy("Modifié")

    @actions.register_action(DELETE)
    class Deleted(AuditFormatter):
        label = gettext_lazy("Suppression (données)")
        verb = gettext_lazy("Supprimé")
