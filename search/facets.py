"""Human labels of facet values: one database query per facet, whatever the counts."""

from django.utils.translation import gettext as _

from projects.models import Domain, Project, Technique
from projects.models.project import Stage
from registry.models import Dataset, Evaluation, Organisation, Team
from search.contract import TYPES, FacetValue

# Their short name (acronym or name), read as two columns: building the model
# instances cost more than the query.
_SHORT_NAMED = {"institute": Organisation, "team": Team, "dataset": Dataset}
_MODELS = {
    "domain": (Domain, str),
    "technique": (Technique, str),
}
_CHOICES = {
    "type": {key: str(label) for key, label in TYPES.items()},
    "status": dict(Project.Status.choices),
    "stage": dict(Stage.choices),
    "verdict": dict(Evaluation.Verdict.choices),
}


def facet_values(
    name: str, counts: list[tuple[str, int]], selected: list[str]
) -> list[FacetValue]:
    """Counted values (and selected ones even when their count fell to 0), labelled."""
    counted = dict(counts)
    for value in selected:
        counted.setdefault(value, 0)
    labels = _labels(name, list(counted))
    values = [
        FacetValue(
            value=value,
            label=labels.get(value, value),
            count=count,
            selected=value in selected,
        )
        for value, count in counted.items()
        if value in labels
    ]
    if name == "start_year":
        return sorted(values, key=lambda v: v.value, reverse=True)
    return sorted(values, key=lambda v: (-v.count, v.label))


def _labels(name: str, values: list[str]) -> dict[str, str]:
    # isdecimal, not isdigit: int() refuses "²"; ten digits stay within a key.
    ids = [int(value) for value in values if value.isdecimal() and len(value) < 10]
    if name in _SHORT_NAMED:
        rows = _SHORT_NAMED[name].objects.filter(pk__in=ids)
        return {
            str(pk): acronym or label
            for pk, acronym, label in rows.values_list("pk", "acronym", "name")
        }
    if name in _MODELS:
        model, label = _MODELS[name]
        queryset = model.objects.filter(pk__in=ids)
        if model in (Domain, Technique):
            queryset = queryset.select_related("parent")
        return {str(obj.pk): label(obj) for obj in queryset}
    if name in _CHOICES:
        return {
            value: str(_CHOICES[name][value])
            for value in values
            if value in _CHOICES[name]
        }
    if name == "start_year":
        return {value: value for value in values if value.isdecimal()}
    return {value: _(value) for value in values}
