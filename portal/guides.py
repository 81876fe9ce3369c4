"""Editorial pages for citizens: the glossary and how INESIA evaluates."""

from django.views.generic import TemplateView

from portal.glossary import TERMS


class GlossaryView(TemplateView):
    template_name = "portal/glossary.html"
    extra_context = {"terms": TERMS}


class EvaluationMethodView(TemplateView):
    template_name = "portal/evaluation_method.html"
