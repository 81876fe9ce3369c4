"""Reading a search request from query parameters, with what is wrong reported."""

import json
from dataclasses import replace

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from search.contract import FACET_NAMES, FACETS, SORTS, TYPES, SearchRequest

MAX_VALUES_PER_FACET = 50
# A facet value is an id, a slug or a status: anything longer, or holding a control
# character (a NUL the database refuses), names nothing and is ignored.
MAX_FACET_VALUE_LENGTH = 200


def _facet_value_usable(value: str) -> bool:
    return bool(value) and len(value) <= MAX_FACET_VALUE_LENGTH and value.isprintable()


class TypesField(forms.MultipleChoiceField):
    """Types to search; the "all types" radio button sends an empty value."""

    def to_python(self, value):
        return [item for item in super().to_python(value) if item]


class FacetNamesField(forms.Field):
    """The facets to count: names repeated (`facets=domain&facets=status`) or
    separated by commas (`facets=domain,status`), or `all`."""

    widget = forms.MultipleHiddenInput  # reads every value of a repeated parameter

    def to_python(self, value) -> frozenset[str]:
        names = {
            name.strip()
            for item in value or []
            for name in str(item).split(",")
            if name.strip()
        }
        unknown = sorted(names - {*FACET_NAMES, "all"})
        if unknown:
            raise forms.ValidationError(
                _("Facette inconnue : %(unknown)s. Facettes possibles : %(known)s."),
                code="invalid",
                params={
                    "unknown": ", ".join(name[:50] for name in unknown[:5]),
                    "known": ", ".join([*FACET_NAMES, "all"]),
                },
            )
        return frozenset(FACET_NAMES) if "all" in names else frozenset(names)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=500)
    type = TypesField(label=_("Type"), required=False, choices=list(TYPES.items()))
    sort = forms.ChoiceField(
        label=_("Trier par"), required=False, choices=list(SORTS.items())
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=500)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=100)
    search_after = forms.CharField(required=False, max_length=2000)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.facet_values = {
            name: [
                value
                for value in (data.getlist(name) if data else [])
                if _facet_value_usable(value)
            ][:MAX_VALUES_PER_FACET]
            for name in FACETS
        }

    def clean_search_after(self):
        raw = self.cleaned_data["search_after"]
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, list):
            raise forms.ValidationError(
                _("search_after doit être la liste renvoyée par la page précédente.")
            )
        return value

    def to_request(self) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            query=data.get("q") or "",
            types=data.get("type") or [],
            filters={
                name: values for name, values in self.facet_values.items() if values
            },
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or settings.SEARCH_PAGE_SIZE,
            search_after=data.get("search_after"),
        )


class SearchApiForm(SearchForm):
    """The API's parameters: the page's, and which facets to count (none unless
    asked: their aggregations were ~40 % of the engine's time, issue 15)."""

    facets = FacetNamesField(label=_("Facettes"), required=False)

    def to_request(self) -> SearchRequest:
        return replace(super().to_request(), facets=self.cleaned_data["facets"])
