from django import template

register = template.Library()


@register.filter
def run_count(run, outcome: str) -> int:
    """Records created, updated or unchanged by a run, over all its kinds."""
    return run.count_total(outcome)
