"""Writes about accounts: ORCID claims and their review.

Every rule that protects a researcher's identity lives here, so views and the admin
stay thin: nobody is linked to a person until a moderator other than themselves
confirms, and a person is linked to one account at most.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.models import PersonClaim
from portal.accounts.tasks import person_claim_decision_notify
from portal.core.queue import task_enqueue
from registry.models import Person
from registry.validators import validate_orcid

REVIEW_PERMISSION = "accounts.review_personclaim"


def _user_has_person(user) -> bool:
    return Person.objects.filter(user=user).exists()


def _claimable_orcid(*, user, orcid: str) -> str:
    """The cleaned ORCID, or a ValidationError saying why it cannot be claimed."""
    orcid = (orcid or "").strip().upper()
    for prefix in ("HTTPS://ORCID.ORG/", "HTTP://ORCID.ORG/"):
        orcid = orcid.removeprefix(prefix)
    validate_orcid(orcid)
    if _user_has_person(user):
        raise ValidationError(
            _("Votre compte est déjà lié à une fiche du registre."), code="linked"
        )
    if PersonClaim.objects.filter(
        user=user, status=PersonClaim.Status.PENDING
    ).exists():
        raise ValidationError(
            _("Une demande est déjà en attente de validation pour votre compte."),
            code="pending",
        )
    return orcid


def person_claim_create(*, user, orcid: str) -> PersonClaim | None:
    """Ask to be linked to the existing person with this ORCID.

    Returns None when no person has this ORCID: the caller then offers to create
    one (`person_proposal_create`).
    """
    orcid = _claimable_orcid(user=user, orcid=orcid)
    person = Person.objects.filter(orcid=orcid).first()
    if person is None:
        return None
    if person.user_id is not None:
        raise ValidationError(
            _(
                "Cette fiche est déjà liée à un compte. Si c’est la vôtre, "
                "écrivez aux modérateurs du registre."
            ),
            code="taken",
        )
    return _claim_save(
        PersonClaim(user=user, orcid=orcid, person=person),
    )


def person_proposal_create(
    *, user, orcid: str, first_name: str, last_name: str, expertise: str = ""
) -> PersonClaim:
    """Propose a new person, created (and linked) only when a moderator confirms."""
    orcid = _claimable_orcid(user=user, orcid=orcid)
    if Person.objects.filter(orcid=orcid).exists():
        raise ValidationError(
            _("Une fiche existe déjà avec cet ORCID : demandez à y être lié."),
            code="exists",
        )
    return _claim_save(
        PersonClaim(
            user=user,
            orcid=orcid,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            expertise=expertise.strip(),
        )
    )


def _claim_save(claim: PersonClaim) -> PersonClaim:
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError as error:
        # A second request raced the first one past the checks above.
        raise ValidationError(
            _("Une demande est déjà en attente de validation pour votre compte."),
            code="pending",
        ) from error
    return claim


def _pending_claim_for_review(*, claim_id: int, moderator) -> PersonClaim:
    if not moderator.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    claim = (
        PersonClaim.objects.select_for_update(of=("self",))
        .select_related("user", "person")
        .get(pk=claim_id)
    )
    if claim.user_id == moderator.pk:
        # Nobody confirms their own identity.
        raise PermissionDenied
    if claim.status != PersonClaim.Status.PENDING:
        raise ValidationError(_("Cette demande a déjà été traitée."), code="decided")
    return claim


def person_claim_confirm(*, claim_id: int, moderator) -> PersonClaim:
    """Link the account to the claimed person (created now for a proposal)."""
    with transaction.atomic():
        claim = _pending_claim_for_review(claim_id=claim_id, moderator=moderator)
        if _user_has_person(claim.user):
            raise ValidationError(
                _("Ce compte est déjà lié à une autre fiche."), code="linked"
            )
        if claim.person is None:
            if Person.objects.filter(orcid=claim.orcid).exists():
                raise ValidationError(
                    _("Une fiche existe déjà avec cet ORCID."), code="exists"
                )
            person = Person(
                first_name=claim.first_name,
                last_name=claim.last_name,
                orcid=claim.orcid,
                email=claim.user.email,
                user=claim.user,
            )
            person.full_clean(exclude=["slug", "expertise"])
            person.save()
            keywords = [word.strip() for word in claim.expertise.split(",")]
            if any(keywords):
                person.expertise.set([word for word in keywords if word])
                person.save()
            claim.person = person
        else:
            person = Person.objects.select_for_update().get(pk=claim.person_id)
            if person.user_id is not None:
                raise ValidationError(
                    _("Cette fiche est déjà liée à un compte."), code="taken"
                )
            person.user = claim.user
            person.save(update_fields=["user", "updated_at"])
        _claim_decide(claim, moderator, PersonClaim.Status.CONFIRMED)
    return claim


def person_claim_refuse(*, claim_id: int, moderator, reason: str = "") -> PersonClaim:
    """Close the request without linking anything."""
    with transaction.atomic():
        claim = _pending_claim_for_review(claim_id=claim_id, moderator=moderator)
        claim.refusal_reason = reason.strip()
        _claim_decide(claim, moderator, PersonClaim.Status.REFUSED)
    return claim


def _claim_decide(claim: PersonClaim, moderator, status: str) -> None:
    claim.status = status
    claim.decided_at = timezone.now()
    claim.decided_by = moderator
    claim.save(
        update_fields=["status", "decided_at", "decided_by", "person", "refusal_reason"]
    )
    claim_id = claim.pk
    task_enqueue(person_claim_decision_notify, claim_id)
