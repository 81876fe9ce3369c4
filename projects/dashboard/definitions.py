"""One line per indicator saying exactly what it counts: shown under each block's title
and returned by the API as `definition`, so the page and the JSON never differ."""

from django.utils.translation import gettext_lazy as _

# Keyed by block name (the page and the CSV files); the API's indicators reuse them.
DEFINITIONS = {
    "projects_by_institute": _(
        "Projets publiés démarrés auxquels l’institut participe (organisation ou "
        "équipe porteuse ou partenaire, tutelles comprises) ; « porteur » : ceux "
        "dont il est l’organisation porteuse ou une tutelle de l’équipe porteuse."
    ),
    "projects_by_year": _(
        "Projets publiés par année de leur date de début (jusqu’à aujourd’hui)."
    ),
    "projects_by_status": _(
        "Projets publiés démarrés par statut déclaré (prévu, en cours, terminé, "
        "arrêté)."
    ),
    "projects_by_stage": _(
        "Projets publiés démarrés par stade de maturité : recherche (TRL 1–4), "
        "validation clinique (TRL 5–7), déployé (TRL 8–9)."
    ),
    "domain_technique": _(
        "Projets publiés démarrés par rubrique de domaine médical et de technique "
        "d’IA ; un projet compte dans chaque case concernée."
    ),
    "datasets": _(
        "Projets publiés démarrés déclarant utiliser chaque jeu de données, et leurs "
        "demandes d’accès."
    ),
    "dataset_kinds": _(
        "Projets publiés démarrés déclarant utiliser au moins un jeu de données de "
        "chaque type."
    ),
    "dataset_access": _(
        "Taux d’accès accordé = demandes accordées ÷ demandes décidées (accordées + "
        "refusées), sur les liens projet–jeu de données des projets publiés."
    ),
    "evaluation_coverage": _(
        "Projets publiés démarrés de TRL 5 ou plus ayant au moins une évaluation "
        "INESIA publiée."
    ),
    "evaluation_verdicts": _(
        "Avis des évaluations INESIA publiées des projets publiés démarrés."
    ),
    "evaluation_delay": _(
        "Jours entre la demande d’évaluation et l’avis (fin de l’évaluation, ou "
        "publication à défaut), évaluations publiées."
    ),
    "maturity_without_assurance": _(
        "Projets publiés en validation clinique ou déployés (TRL 5 ou plus) sans "
        "aucune évaluation INESIA publiée."
    ),
    "cross_institute": _(
        "Projets publiés démarrés dont les équipes relèvent d’au moins deux instituts "
        "sans tutelle commune à toutes."
    ),
    "network": _(
        "Paires d’équipes ayant au moins un projet publié démarré en commun (porteuse "
        "ou partenaire)."
    ),
    "funding": _(
        "Projets publiés démarrés et montants déclarés, par financeur et programme."
    ),
    "trends": _(
        "Chiffres clés de l’ensemble du registre à la fin de chaque mois, d’après les "
        "instantanés mensuels."
    ),
    "legal_bases": _(
        "Utilisations de jeux de données par les projets publiés démarrés, par "
        "famille de base juridique (MR, autorisation CNIL, consentement…) et par "
        "type de source ; « non renseigné » quand le projet ne l’a pas déclarée."
    ),
    "not_started": _(
        "Projets publiés dont la date de début est postérieure à aujourd’hui ou non "
        "renseignée : aucun autre indicateur ne les compte."
    ),
}

# The API's indicator names that are not block names.
INDICATOR_DEFINITION_KEYS = {"collaboration": "cross_institute"}


def definition(name: str) -> str:
    """The definition of a block or an API indicator, in the active language."""
    return str(DEFINITIONS[INDICATOR_DEFINITION_KEYS.get(name, name)])
