"""The dates the dashboard reads are edited in the Wagtail admin, where the project's
dataset links and its stage are edited."""

from projects.models import Project


def test_access_decisions_and_stage_date_are_in_the_project_editor():
    form_class = Project.snippet_viewset.get_edit_handler().get_form_class()
    link_fields = form_class.formsets["dataset_uses"].form.base_fields
    assert {"access_status", "access_requested_on", "access_decided_on"} <= set(
        link_fields
    )
    assert "stage_reached_on" in form_class.base_fields
