"""JSON from outside (API bodies, import files) with a bound on nesting.

Python's parser recurses once per `[` or `{`: a body of 5,000 brackets raises
`RecursionError`, which nothing expects, and every later walk over deeply nested
data risks the same. Real documents of the registry are a few levels deep, so
anything deeper than `MAX_JSON_DEPTH` is refused as invalid input."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


class JSONTooDeep(ValueError):
    """The document nests arrays or objects deeper than allowed."""


def json_depth_check(data: Any, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Raise `JSONTooDeep` past `max_depth` levels (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > max_depth:
            raise JSONTooDeep(
                _("JSON imbriqué trop profondément : %(max)d niveaux au plus.")
                % {"max": max_depth}
            )
        stack.extend((child, depth + 1) for child in children)


def json_loads_bounded(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """`json.loads`, raising `JSONTooDeep` (a `ValueError`) instead of recursing
    without end on deeply nested input."""
    try:
        data = json.loads(text)
    except RecursionError as error:
        raise JSONTooDeep(
            _("JSON imbriqué trop profondément : %(max)d niveaux au plus.")
            % {"max": max_depth}
        ) from error
    json_depth_check(data, max_depth=max_depth)
    return data


class DepthLimitedJSONParser(JSONParser):
    """DRF's JSON parser, answering 400 (not 500) to nesting past the bound."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(
                _("JSON imbriqué trop profondément : %(max)d niveaux au plus.")
                % {"max": MAX_JSON_DEPTH}
            ) from error
        try:
            json_depth_check(data)
        except JSONTooDeep as error:
            raise ParseError(str(error)) from error
        return data
