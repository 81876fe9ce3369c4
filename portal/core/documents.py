"""Who may download a Wagtail document: the records that use it decide.

A document is public when a public record uses it: a live, unrestricted page, or a
record inside its model's `public()` queryset (the one home of each model's
visibility). Which records use a document is Wagtail's reference index (the admin's
« Usage » tab), kept up to date on every save. A document nothing public uses (the
report of an unpublished evaluation, a link in a draft) is served only to whoever
may manage it in the admin, and to the account that uploaded it.
"""

from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def _public_queryset(model):
    """The model's public records, or None when the model declares no visibility:
    what cannot say it is public is treated as not public."""
    if issubclass(model, Page):
        return model.objects.live().public()
    public = getattr(model._default_manager, "public", None)
    return public() if callable(public) else None


def document_is_public(*, document: AbstractDocument) -> bool:
    """Whether some public record uses the document."""
    users: dict[int, list[str]] = defaultdict(list)
    rows = ReferenceIndex.get_references_to(document).values_list(
        "content_type_id", "object_id"
    )
    for content_type_id, object_id in rows.distinct():
        users[content_type_id].append(object_id)
    for content_type_id, object_ids in users.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        public = _public_queryset(model) if model is not None else None
        if public is not None and public.filter(pk__in=object_ids).exists():
            return True
    return False


def user_may_download_document(
    *, user: AbstractBaseUser | AnonymousUser, document: AbstractDocument
) -> bool:
    """Anyone for a public document; otherwise its uploader and the accounts that
    may manage it in the admin (moderators, administrators, per collection)."""
    if document_is_public(document=document):
        return True
    if not user.is_authenticated:
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    policy = policy_registry.get_by_type(get_document_model())
    return any(
        policy.user_has_permission_for_instance(user, action, document)
        for action in ("change", "choose")
    )
