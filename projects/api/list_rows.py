"""The API's project list page as plain rows (portal/core/api/list_rows.py): the
representation of `ProjectSerializer`, key for key, built from `.values()` in a
fixed number of queries: the page (leads joined in), then its terms, keywords and
expanded relations in one statement on PostgreSQL (portal/core/api/rows_json.py).
tests/api/test_list_rows.py renders both and compares them.
"""

from collections.abc import Sequence

from portal.core.api.list_rows import (
    ListRows,
    UrlTemplate,
    ValueLists,
    date_text,
    datetime_text_in_zone,
    nested,
)
from portal.core.api.rows_json import load_together
from projects.api import rows
from projects.models import Project, ProjectKeyword
from projects.models.project import stage_for_trl

TEXT_COLUMNS = (
    "slug",
    "title",
    "title_en",
    "acronym",
    "summary",
    "summary_en",
    "description",
    "description_en",
    "status",
    "trl",
)
TAIL_COLUMNS = ("code_repository", "ce_class", "ai_act_risk", "is_fictional")
DATETIME_COLUMNS = (
    "first_published_at",
    "last_published_at",
    "created_at",
    "updated_at",
)
LEADS = {"lead_organisation": rows.ORGANISATION, "lead_team": rows.TEAM}

# The terms in their own ordering (as the serializer's prefetch reads them), and
# keywords sorted by name in Python (as `tag_names`).
TERM_LISTS = {
    "domains": ValueLists(
        queryset=lambda: Project.domains.through.objects.all(),
        parent="project_id",
        value="domain__slug",
        sort=("domain__position", "domain__name", "domain_id"),
    ),
    "techniques": ValueLists(
        queryset=lambda: Project.techniques.through.objects.all(),
        parent="project_id",
        value="technique__slug",
        sort=("technique__position", "technique__name", "technique_id"),
    ),
    "keywords": ValueLists(
        queryset=lambda: ProjectKeyword.objects.all(),
        parent="content_object_id",
        value="tag__name",
        sort=("tag__name",),
    ),
}
# `?expand=` of a related list: its loader (in the serializer's expansions).
RELATED_ROWS = {
    "partners": rows.PARTNER_ROWS,
    "members": rows.MEMBER_ROWS,
    "datasets": rows.DATASET_ROWS,
    "evaluations": rows.EVALUATION_ROWS,
    "fundings": rows.FUNDING_ROWS,
    "publications": rows.PUBLICATION_ROWS,
}


class ProjectListRows(ListRows):
    def columns(self, expand: Sequence[str]) -> list[str]:
        columns = ["pk", *TEXT_COLUMNS, "start_date", "end_date"]
        columns += [*TAIL_COLUMNS, *DATETIME_COLUMNS]
        for lead, fields in LEADS.items():
            shown = fields if lead in expand else fields[:1]
            columns += [f"{lead}__{name}" for name in shown]
        return columns

    def represent(self, page: list[dict], *, expand: Sequence[str], request) -> list:
        ids = [row["pk"] for row in page]
        expanded = {name: RELATED_ROWS[name] for name in expand if name in RELATED_ROWS}
        lists = load_together({**TERM_LISTS, **expanded}, ids)
        api_url = UrlTemplate(request, "api:project-detail")
        web_url = UrlTemplate(request, "projects:project_detail")
        datetime_text = datetime_text_in_zone()
        represented = []
        for row in page:
            pk, slug = row["pk"], row["slug"]
            item = {"url": api_url(slug), "web_url": web_url(slug)}
            item.update((name, row[name]) for name in TEXT_COLUMNS)
            item["stage"] = str(stage_for_trl(row["trl"]))
            item["start_date"] = date_text(row["start_date"])
            item["end_date"] = date_text(row["end_date"])
            item["domains"] = lists["domains"].get(pk, [])
            item["techniques"] = lists["techniques"].get(pk, [])
            item["keywords"] = sorted(lists["keywords"].get(pk, []))
            for lead, fields in LEADS.items():
                if lead in expand:
                    item[lead] = nested(row, lead, fields)
                else:
                    item[lead] = row[f"{lead}__slug"]
            item.update((name, row[name]) for name in TAIL_COLUMNS)
            item.update((name, datetime_text(row[name])) for name in DATETIME_COLUMNS)
            for name in expanded:
                item[name] = lists[name].get(pk, [])
            represented.append(item)
        return represented
