"""docs/import.md documents every column of every template, in the spec's order."""

import re
from pathlib import Path

from projects.imports.templates_files import TEMPLATE_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "import.md"


def test_every_template_column_is_documented_in_order():
    text = DOCS.read_text(encoding="utf-8")
    for name, columns in TEMPLATE_COLUMNS.items():
        section = text.split(f"### `{name}`", 1)[1].split("###", 1)[0]
        documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
        assert documented == [column.name for column in columns], name
