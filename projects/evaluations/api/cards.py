"""Assurance cards: one self-contained JSON document per published evaluation.

The field-by-field crosswalk to the EU AI Act database (Annex VIII) and to the
CHAI applied model card is documented in `projects/evaluations/api/ASSURANCE_CARD.md`; keep
both in step (the test suite checks that every top-level key is documented)."""

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags

from projects.models import ProjectDataset
from registry.models import Evaluation

CARD_VERSION = "1.0"


def evaluation_card_queryset(queryset: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
    """Everything a card shows, for one evaluation or a whole export."""
    return queryset.select_related(
        "evaluator", "project__lead_organisation", "project__lead_team"
    ).prefetch_related(
        "scores__criterion",
        "project__domains",
        "project__techniques",
        Prefetch(
            "project__dataset_uses",
            queryset=ProjectDataset.objects.select_related("dataset__producer"),
        ),
    )


def _organisation(organisation) -> dict | None:
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "acronym": organisation.acronym,
        "ror": organisation.ror_url or None,
    }


def evaluation_card(*, evaluation: Evaluation, request) -> dict:
    project = evaluation.project

    def absolute(path: str) -> str:
        return request.build_absolute_uri(path) if request else path

    return {
        "card_version": CARD_VERSION,
        "card_type": "registre-ia-sante/assurance-card",
        "reference": evaluation.reference,
        "url": absolute(evaluation.get_absolute_url()),
        "system": {
            "name": project.title,
            "name_en": project.title_en,
            "acronym": project.acronym,
            "registry_url": absolute(project.get_absolute_url()),
            "model_version": evaluation.model_version,
            "provider": _organisation(project.lead_organisation),
            "provider_team": project.lead_team.name if project.lead_team else None,
            "intended_purpose": strip_tags(project.summary),
            "intended_purpose_en": strip_tags(project.summary_en),
            "medical_domains": [domain.name for domain in project.domains.all()],
            "ai_techniques": [technique.name for technique in project.techniques.all()],
            "development_status": project.status,
            "technology_readiness_level": project.trl,
            "stage": str(project.stage.value),
            "ai_act_risk_level": project.ai_act_risk or None,
            "medical_device_class": project.ce_class or None,
            "code_repository": project.code_repository or None,
        },
        "data": [
            {
                "dataset": use.dataset.name,
                "producer": use.dataset.producer.name,
                "kind": use.dataset.kind,
                "purpose": use.purpose,
                "access_status": use.access_status,
            }
            for use in project.dataset_uses.all()
        ],
        "evaluation": {
            "evaluator": _organisation(evaluation.evaluator),
            "requested_on": evaluation.requested_on,
            "started_on": evaluation.started_on,
            "completed_on": evaluation.completed_on,
            "published_on": evaluation.published_on,
            "verdict": evaluation.verdict,
            "verdict_label": evaluation.get_verdict_display(),
            "summary": evaluation.summary,
            "report_url": evaluation.report_url or None,
        },
        "criteria": [
            {
                "code": score.criterion.code,
                "name": score.criterion.name,
                "name_en": score.criterion.name_en,
                "score": score.score,
                "scale_max": 100,
                "comment": score.comment,
            }
            for score in evaluation.scores.all()
        ],
        "is_fictional": evaluation.is_fictional or project.is_fictional,
    }
