"""Attributes the changes a request makes to its user and its entry point."""

from portal.audit.context import audit_context, source_for_path


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit_context(source=source_for_path(request.path), request=request):
            return self.get_response(request)
