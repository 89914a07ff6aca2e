"""The team's count errors speak of participants, in Kazakh and Russian, never of forms."""

import pytest
from django.utils import translation

from applications.forms import team_formset

pytestmark = pytest.mark.django_db


def members(count: int) -> dict:
    data = {"team-TOTAL_FORMS": str(count), "team-INITIAL_FORMS": "0"}
    for index in range(count):
        data[f"team-{index}-full_name"] = f"Қатысушы {index}"
    return data


PEOPLE = {"kk": ("адам", "қатысушы"), "ru": ("человек", "участник")}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("count", [0, 4])
def test_too_few_or_too_many_members_are_named_as_participants(competition, language, count):
    """The rows are the lead's teammates: none (the lead alone) is too few, four rows are
    more than any team of at most three may hold."""
    with translation.override(language):
        formset = team_formset(competition)(members(count), prefix="team")
        assert not formset.is_valid()
        errors = [str(error) for error in formset.non_form_errors()]
    assert errors
    for error in errors:
        assert any(word in error.lower() for word in PEOPLE[language]), error
        assert "form" not in error.lower() and "форм" not in error.lower(), error
