"""Visibility has one home: the models' queryset methods (`Project.objects.public()`,
`ProjectMember.objects.public()`, `Evaluation.objects.public()`…), `public_project_q`
for counts, and `project.is_public` in templates. A literal `live=` or "published"
filter written anywhere else fails here."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("projects", "registry", "search", "portal", "bench")
# Where the definitions live.
HOMES = ("projects/models/", "registry/models/")
LOOKUP_CALLS = {"filter", "exclude", "get", "Q"}
TEMPLATE_LITERALS = re.compile(r"\.live\b|status\s*==\s*[\"']published")


def _is_published(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value == "published"
    return isinstance(node, ast.Attribute) and node.attr == "PUBLISHED"


def literal_visibility_filters(source: str) -> list[int]:
    """Lines of `source` that filter on `live` or on a published status by hand."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in LOOKUP_CALLS:
            continue
        for keyword in node.keywords:
            field = (keyword.arg or "").rsplit("__", 1)[-1]
            if field == "live" or (field == "status" and _is_published(keyword.value)):
                lines.append(node.lineno)
    return lines


def python_files():
    for top in SOURCES:
        for path in (ROOT / top).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative.startswith(HOMES):
                continue
            yield relative, path


def test_the_detector_finds_the_hand_written_forms():
    source = (
        "Project.objects.filter(live=True)\n"
        "Q(project__live=True)\n"
        "Evaluation.objects.filter(pk=1, status='published')\n"
        "Evaluation.objects.exclude(status=Evaluation.Status.PUBLISHED)\n"
        "Project(live=False)\n"  # a write, not a filter
        "Evaluation.objects.public()\n"
    )
    assert literal_visibility_filters(source) == [1, 2, 3, 4]


def test_no_literal_visibility_filter_outside_the_models():
    found = [
        f"{relative}:{line}"
        for relative, path in python_files()
        for line in literal_visibility_filters(path.read_text())
    ]
    assert found == [], "use the models' public() methods or public_project_q"


def test_templates_ask_the_model_whether_a_project_is_public():
    found = [
        path.relative_to(ROOT).as_posix()
        for top in SOURCES
        for path in (ROOT / top).rglob("*.html")
        if TEMPLATE_LITERALS.search(path.read_text())
    ]
    assert found == [], "use project.is_public"
