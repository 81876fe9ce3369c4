"""Form payloads of the researchers' project form."""

from projects.models import Project
from tests.factories import domain, technique


def management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def project_payload(organisation, *, revision_id="", **overrides) -> dict:
    data = {
        "revision_id": str(revision_id or ""),
        "title": "Détection précoce de la rétinopathie diabétique",
        "title_en": "Early detection of diabetic retinopathy",
        "acronym": "RETINO-IA",
        "summary": "Un réseau convolutif lit les rétinographies du dépistage.",
        "summary_en": "",
        "description": "Étude multicentrique.\n\nDeux CHU participent.",
        "status": Project.Status.ACTIVE,
        "trl": "5",
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "domains": [str(domain("ophtalmologie").pk)],
        "techniques": [str(technique("reseaux-convolutifs").pk)],
        "keywords": "rétinopathie, dépistage",
        "lead_organisation": str(organisation.pk),
        "lead_team": "",
        "code_repository": "https://github.com/exemple/retino-ia",
        **management("partners"),
        **management("datasets"),
    }
    data.update(overrides)
    return data


def edit_payload(project: Project, **overrides) -> dict:
    """What the edit form posts back unchanged, plus `overrides`."""
    draft = project.get_latest_revision_as_object()
    current = {
        "title": draft.title,
        "acronym": draft.acronym,
        "summary": draft.summary,
        "description": "",
        "domains": [str(term.pk) for term in draft.domains.all()],
        "techniques": [str(term.pk) for term in draft.techniques.all()],
        "keywords": "",
        "code_repository": "",
        "lead_team": str(draft.lead_team_id or ""),
    }
    return project_payload(
        draft.lead_organisation,
        revision_id=project.latest_revision_id,
        **{**current, **overrides},
    )
