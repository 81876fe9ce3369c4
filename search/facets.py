"""Human labels of facet values: one database query for all the facets, whatever
the counts (`facets_labelled`), or one per facet (`facet_values`)."""

from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from projects.models import Domain, Project, Technique
from projects.models.project import Stage
from registry.models import Dataset, Evaluation, Organisation, Team
from search.contract import TYPES, FacetValue
from search.facet_labels import label_map

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
    return facets_labelled({name: counts}, {name: selected})[name]


def facets_labelled(
    counts: dict[str, list[tuple[str, int]]], selected: dict[str, list[str]]
) -> dict[str, list[FacetValue]]:
    """`facet_values` of several facets, their labels read in one query."""
    counted_by_name = {}
    for name, name_counts in counts.items():
        counted = dict(name_counts)
        for value in selected.get(name, []):
            counted.setdefault(value, 0)
        counted_by_name[name] = counted
    labels = _all_labels({name: list(c) for name, c in counted_by_name.items()})
    facets = {}
    for name, counted in counted_by_name.items():
        values = [
            FacetValue(
                value=value,
                label=labels[name][value],
                count=count,
                selected=value in selected.get(name, []),
            )
            for value, count in counted.items()
            if value in labels[name]
        ]
        if name == "start_year":
            facets[name] = sorted(values, key=lambda v: v.value, reverse=True)
        else:
            facets[name] = sorted(values, key=lambda v: (-v.count, v.label))
    return facets


def _all_labels(values_by_name: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """Labels per facet, from the process's label map; the values it lacks (a new
    team, a first search) read in one query and kept (search/facet_labels.py)."""
    known = label_map()
    labels: dict[str, dict[str, str]] = {}
    missing: dict[str, list[str]] = {}
    for name, values in values_by_name.items():
        if name not in _SHORT_NAMED and name not in _MODELS:
            labels[name] = _labels(name, values)
            continue
        stored = known.setdefault(name, {})
        labels[name] = {value: stored[value] for value in values if value in stored}
        lacking = [value for value in values if value not in stored]
        if lacking:
            missing[name] = lacking
    if missing:
        for name, read in _read_labels(missing).items():
            known[name].update(read)
            labels[name].update(read)
    return labels


def _read_labels(values_by_name: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """Labels per facet; the registry's names in one UNION ALL on PostgreSQL."""
    stored = [
        name for name in values_by_name if name in _SHORT_NAMED or name in _MODELS
    ]
    if connection.vendor != "postgresql" or len(stored) < 2:
        return {name: _labels(name, values) for name, values in values_by_name.items()}
    labels = {
        name: _labels(name, values)
        for name, values in values_by_name.items()
        if name not in stored
    }
    parts, params = [], []
    for name in stored:
        labels[name] = {}
        ids = _ids(values_by_name[name])
        if not ids:  # `pk IN ()` compiles to no SQL at all
            continue
        if name in _SHORT_NAMED:
            rows = (
                _SHORT_NAMED[name]
                .objects.filter(pk__in=ids)
                .values_list("pk", "acronym", "name")
            )
        else:
            rows = (
                _MODELS[name][0]
                .objects.filter(pk__in=ids)
                .values_list("pk", "name", "name_en", "parent__name", "parent__name_en")
            )
        sql, sql_params = rows.order_by().query.sql_with_params()
        columns = "s.a, s.b, s.c, s.d" if name in _MODELS else "s.a, s.b, NULL, NULL"
        parts.append(
            f"SELECT %s::text, s.pk, {columns} FROM ({sql}) s"
            + ("(pk, a, b, c, d)" if name in _MODELS else "(pk, a, b)")
        )
        params += [name, *sql_params]
    english = get_language() == "en"
    if not parts:
        return labels
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, pk, first, second, parent, parent_en in cursor.fetchall():
            if name in _SHORT_NAMED:
                label = first or second  # acronym or name
            else:
                label = second if english and second else first
                if parent is not None:
                    parent_label = parent_en if english and parent_en else parent
                    label = f"{parent_label} › {label}"
            labels[name][str(pk)] = label
    return labels


def _ids(values: list[str]) -> list[int]:
    # isdecimal, not isdigit: int() refuses "²"; ten digits stay within a key.
    return [int(value) for value in values if value.isdecimal() and len(value) < 10]


def _labels(name: str, values: list[str]) -> dict[str, str]:
    ids = _ids(values)
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
