"""Staff's form for opening a call of a project. Texts are typed in Kazakh and Russian (the
operator reads both), as on the project's own set-up pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition
from jastarurban.bounds import BoundedNumbers
from jastarurban.money import max_tenge_validator
from projects.forms import SHORT_TEXT, SMALL, BilingualForm, bilingual

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
# Applications expected in one call: far above any real count, within a 32-bit integer.
MANY = 1_000_000


class CompetitionForm(BoundedNumbers, BilingualForm):
    required_texts = ("title", "summary", "eligibility", "funds")
    number_limits = {
        "max_request_kzt": max_tenge_validator(),
        "min_age": SMALL,
        "max_age": SMALL,
        "min_team_size": SMALL,
        "max_team_size": SMALL,
        "award_count": SMALL,
        "expected_applications": MANY,
    }

    copy_criteria_from = forms.ModelChoiceField(
        label=_("Copy the criteria and FAQ from"),
        queryset=Competition.objects.none(),
        required=False,
        help_text=_("The experts score a call by its criteria: start from an earlier call's."),
    )

    class Meta:
        model = Competition
        fields = [
            "slug",
            *bilingual("title", "summary", "eligibility", "funds"),
            "opens_at",
            "closes_at",
            "min_age",
            "max_age",
            "min_team_size",
            "max_team_size",
            "max_request_kzt",
            "award_count",
            "expected_applications",
        ]
        widgets = {
            "opens_at": DATETIME,
            "closes_at": DATETIME,
            **{name: SHORT_TEXT for name in bilingual("summary", "eligibility", "funds")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy_criteria_from"].queryset = Competition.objects.order_by("-opens_at")

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("A call closes after it opens."))
        for low, high, message in (
            ("min_age", "max_age", _("The maximum age is below the minimum.")),
            ("min_team_size", "max_team_size", _("The largest team is smaller than the smallest.")),
        ):
            if data.get(low) is not None and data.get(high) is not None and data[high] < data[low]:
                self.add_error(high, message)
        return data
