"""Template tags for the evaluation workflow on public pages."""

from django import template

from projects.evaluations.forms import EvaluationRequestForm
from projects.evaluations.roles import user_can_request_evaluation

register = template.Library()


@register.simple_tag(takes_context=True)
def evaluation_request_form(context, project):
    """The request form for a user who may request an evaluation of `project`, else
    None. Anonymous visitors cost no query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or project is None:
        return None
    if not user_can_request_evaluation(user=user, project=project):
        return None
    return EvaluationRequestForm(initial={"contact_email": user.email})
