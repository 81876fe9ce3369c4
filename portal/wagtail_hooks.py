"""Admin-wide hooks of the portal shell."""

from django.http import Http404
from wagtail import hooks

from portal.core.documents import user_may_download_document


@hooks.register("before_serve_document")
def documents_follow_their_records(document, request):
    # The same 404 as an unknown document: a hidden one must not be confirmed.
    if not user_may_download_document(user=request.user, document=document):
        raise Http404
