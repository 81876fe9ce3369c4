"""The tables team matching reads, so that no web process holds the registry.

`MatchingProject` keeps what one public project tells matching (its words,
concepts, teams); `MatchingTeam` and `MatchingTeamTerm` keep each team's profile,
summed from its projects' rows, with one indexed row per word, concept and granted
dataset: a request reads the rows of the few keys its need names, never every
project. `MatchingDirty` lists what changed since (written in the writer's
transaction, like the search outbox), so no update is lost; search/matching/
store.py applies it. Plain ids rather than foreign keys: a deleted project's row
must still say which teams to refresh.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchingProject(models.Model):
    """What one public project says about its teams; no row if it is not public."""

    project_id = models.BigIntegerField(_("projet"), primary_key=True)
    title = models.TextField(_("titre"))
    # [word, frequency] pairs in the order of the text: a query keeps the first
    # of words of equal frequency, as from memory (a JSON object's keys are
    # reordered by PostgreSQL).
    words = models.JSONField(_("mots"), default=list)
    concepts = models.JSONField(_("concepts"), default=list)
    domains = models.JSONField(_("domaines"), default=list)  # with their parents
    techniques = models.JSONField(_("techniques"), default=list)
    granted_datasets = models.JSONField(_("jeux de données obtenus"), default=list)
    teams = models.JSONField(_("équipes"), default=list)  # lead and partner teams
    lead_team = models.BigIntegerField(_("équipe porteuse"), null=True)
    start_date = models.DateField(_("début"), null=True)
    evaluated = models.BooleanField(_("évaluation publiée"), default=False)

    class Meta:
        verbose_name = _("projet vu par la mise en relation")
        verbose_name_plural = _("projets vus par la mise en relation")

    def __str__(self) -> str:
        return self.title


class MatchingTeam(models.Model):
    """A team's matching profile: one row per team with a public project."""

    team_id = models.BigIntegerField(_("équipe"), primary_key=True)
    name = models.CharField(_("nom"), max_length=300)
    slug = models.CharField(_("slug"), max_length=255)
    institutes = models.JSONField(_("instituts"), default=list)
    institute_names = models.JSONField(_("noms des instituts"), default=list)
    tags = models.JSONField(_("expertise"), default=list)
    own_words = models.JSONField(_("mots de sa description"), default=list)  # pairs
    core = models.JSONField(_("concepts déclarés"), default=list)
    have_core = models.JSONField(_("concepts déclarés, sans le sigle"), default=list)
    # Its projects' concepts, a lead counting 1 and a partnership 0.5, and their sum
    # (`weight`): what it has without one of them is then a subtraction.
    concept_counts = models.JSONField(_("concepts de ses projets"), default=dict)
    weight = models.FloatField(_("poids"), default=0.0)
    length = models.PositiveIntegerField(_("nombre de mots"), default=0)
    granted_datasets = models.JSONField(_("jeux de données obtenus"), default=list)
    collaborators = models.JSONField(_("équipes partenaires"), default=list)
    evaluated_projects = models.JSONField(_("projets évalués"), default=list)
    latest_start = models.DateField(_("dernier début"), null=True)

    class Meta:
        verbose_name = _("profil d’équipe pour la mise en relation")
        verbose_name_plural = _("profils d’équipe pour la mise en relation")

    def __str__(self) -> str:
        return self.name


class MatchingTeamTerm(models.Model):
    """One word ("w:…", its frequency), concept ("c:…", the team's 0–1 strength) or
    granted dataset ("g:<id>") of a team's profile, indexed by key."""

    team_id = models.BigIntegerField(_("équipe"))
    key = models.CharField(_("clé"), max_length=120)
    value = models.FloatField(_("valeur"))

    class Meta:
        verbose_name = _("terme d’un profil d’équipe")
        verbose_name_plural = _("termes des profils d’équipe")
        indexes = [models.Index(fields=["key"], name="matching_term_key")]
        constraints = [
            models.UniqueConstraint(
                fields=["team_id", "key"], name="matching_term_one_per_team"
            )
        ]

    def __str__(self) -> str:
        return f"{self.team_id}:{self.key}"


class MatchingDirty(models.Model):
    """A project ("p") or team ("t") whose matching rows must be computed again."""

    kind = models.CharField(_("type"), max_length=1)
    object_id = models.BigIntegerField(_("identifiant"))
    # Moved by each new change: a refresh that read the row before it leaves it.
    changed_at = models.DateTimeField(_("modifié le"))

    class Meta:
        verbose_name = _("profil à recalculer")
        verbose_name_plural = _("profils à recalculer")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="matching_dirty_one_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
