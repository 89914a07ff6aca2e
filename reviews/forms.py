from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from applications.models import Attachment
from applications.uploads import MAX_ATTACHMENT_BYTES, sniff
from reviews.models import Assignment


class ConflictForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Conflict of interest"),
        choices=[
            ("none", _("I have no conflict of interest with this application")),
            ("conflict", _("I have a conflict of interest")),
        ],
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("Kind of conflict"),
        choices=[("", "—"), *Assignment.ConflictKind.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == "conflict" and not cleaned.get("kind"):
            self.add_error("kind", _("Choose the kind of conflict."))
        if cleaned.get("kind") == Assignment.ConflictKind.OTHER and not cleaned.get("note"):
            self.add_error("note", _("Describe the conflict in a few words."))
        return cleaned


class ReviewForm(forms.Form):
    """A score and a justification per criterion, and an overall comment.

    A draft may be incomplete; `final=True` requires everything.
    """

    comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, criteria, final: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                # The criterion names the fieldset around it (reviews/_criterion.html).
                label=_("Score, 0–%(max)s") % {"max": criterion.max_score},
                min_value=0,
                max_value=criterion.max_score,
                required=final,
                # The levels are shown beside the input (reviews/_criterion.html), and read
                # out with it.
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "aria-describedby": f"levels-{criterion.pk}"}
                ),
            )
            self.fields[f"justification_{criterion.pk}"] = forms.CharField(
                label=_("Justification"),
                required=final,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["comment"].required = final
        self.order_fields([*(name for name in self.fields if name != "comment"), "comment"])

    def by_criterion(self) -> list[tuple]:
        """Each criterion with its level lines and its two fields, for the scoring page."""
        return [
            (
                criterion,
                [line.strip() for line in criterion.levels.splitlines() if line.strip()],
                self[f"score_{criterion.pk}"],
                self[f"justification_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]

    def scores(self) -> dict:
        return {
            criterion.pk: (
                self.cleaned_data.get(f"score_{criterion.pk}"),
                self.cleaned_data.get(f"justification_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }


class CommissionAddForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=None)
    is_chair = forms.BooleanField(label=_("Chair of the commission"), required=False)

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts


class AssignForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How to assign"),
        choices=[
            ("every", _("Every expert reviews every eligible application")),
            ("k", _("A set number of experts per application, loads balanced")),
        ],
        widget=forms.RadioSelect,
    )
    k = forms.IntegerField(
        label=_("How many experts score each application"),
        min_value=1,
        max_value=100,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == "k" and not cleaned.get("k"):
            self.add_error("k", _("Say how many experts review each application."))
        return cleaned


class AssignByHandForm(forms.Form):
    registration_number = forms.CharField(label=_("Application number"), max_length=30)
    member = forms.ModelChoiceField(label=_("Expert"), queryset=None)

    def __init__(self, *args, competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition
        self.fields["member"].queryset = competition.commission.select_related("expert")
        self.fields["member"].label_from_instance = lambda member: member.expert.full_name

    def clean_registration_number(self):
        number = self.cleaned_data["registration_number"].strip().upper()
        application = self.competition.applications.filter(
            registration_number=number, status="eligible"
        ).first()
        if application is None:
            raise forms.ValidationError(_("No eligible application has this number."))
        self.application = application
        return number


APPEAL_FILE_KINDS = (Attachment.Kind.PDF, Attachment.Kind.JPEG, Attachment.Kind.PNG)


class AppealForm(forms.Form):
    reason = forms.CharField(
        label=_("Grounds of the appeal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    file = forms.FileField(
        label=_("Supporting file (PDF or image, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s is accepted."),
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_ATTACHMENT_BYTES),
                },
            )
        kind = sniff(upload)
        if kind not in APPEAL_FILE_KINDS:
            raise forms.ValidationError(
                _("This file is not a PDF, JPEG or PNG document, whatever its name says.")
            )
        self.file_kind = kind
        return upload


class AppealAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The commission's answer"),
        choices=[("upheld", _("Upheld")), ("rejected", _("Rejected"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Reasons"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
