"""Issue 12: "Demander un contact" works in the demo (fictional leads only where
CONTACT_DEMO_RECIPIENTS allows it, as `make run` does), and a project owner who is
in no team may post a call for the project."""

import pytest
from django.contrib.auth import get_user_model

from projects.collaboration.selectors import (
    call_can_edit,
    call_owner_choices,
    contact_recipient,
)
from tests.factories import PersonFactory, ProjectFactory, TeamFactory
from tests.matching.calls import CallFactory

pytestmark = pytest.mark.django_db


def test_a_fictional_lead_is_a_recipient_only_where_the_demo_allows_it(settings):
    lead = PersonFactory(is_fictional=True)
    team = TeamFactory(lead=lead)
    settings.CONTACT_DEMO_RECIPIENTS = False
    assert contact_recipient(team=team) is None
    settings.CONTACT_DEMO_RECIPIENTS = True
    assert contact_recipient(team=team) == lead


def test_a_project_owner_outside_every_team_may_post_a_call_for_it():
    owner = get_user_model().objects.create_user("owner", email="o@example.org")
    stranger = get_user_model().objects.create_user("other", email="x@example.org")
    project = ProjectFactory(owner=owner)
    _teams, projects = call_owner_choices(user=owner)
    assert list(projects) == [project]
    assert list(call_owner_choices(user=stranger)[1]) == []
    call = CallFactory(project=project)
    assert call_can_edit(user=owner, call=call)
    assert not call_can_edit(user=stranger, call=call)
