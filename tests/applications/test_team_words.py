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


@pytest.mark.parametrize(
    ("language", "count", "message"),
    [
        ("kk", 1, "Кемінде 2 қатысушыны көрсетіңіз."),
        ("ru", 1, "Укажите не менее 2 участников."),
        ("kk", 4, "Ең көбі 3 қатысушы көрсетуге болады."),
        ("ru", 4, "Укажите не более 3 участников."),
    ],
)
def test_too_few_or_too_many_members_are_named_as_participants(
    competition, language, count, message
):
    with translation.override(language):
        formset = team_formset(competition)(members(count), prefix="team")
        assert not formset.is_valid()
        assert message in formset.non_form_errors()
