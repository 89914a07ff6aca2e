from django import forms
from django.utils.translation import gettext_lazy as _

from competitions.models import Settlement
from jastarurban.bounds import MAX_COUNT, BoundedNumbers
from jastarurban.money import max_tenge_validator
from media_campaign.importers import IMPORTERS
from media_campaign.models import (
    Post,
    PostSnapshot,
    Promotion,
    Publication,
    Video,
    normalize_link,
)
from mentoring.models import GranteeProject

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_CSV_BYTES = 2 * 1024 * 1024


class VideoForm(BoundedNumbers, forms.ModelForm):
    number_limits = {"duration_seconds": 24 * 3600}

    class Meta:
        model = Video
        fields = [
            "grantee",
            "title",
            "village",
            "duration_seconds",
            "link",
            "filmed_on",
            "status",
        ]
        widgets = {"filmed_on": DATE_INPUT}
        help_texts = {"duration_seconds": _("The brief expects 1–2 minutes (60–120 s).")}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grantee"].queryset = GranteeProject.objects.filter(
            application__competition__project=project
        ).select_related("application")
        self.fields["village"].queryset = Settlement.objects.filter(
            kind=Settlement.Kind.VILLAGE
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        grantee = cleaned.get("grantee")
        if grantee and not cleaned.get("village"):
            cleaned["village"] = grantee.application.village
        return cleaned


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["platform", "link", "published_on", "video", "event"]
        widgets = {"published_on": DATE_INPUT}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["video"].queryset = Video.objects.filter(project=project)

    def clean_link(self):
        link = normalize_link(self.cleaned_data["link"])
        others = Post.objects.filter(link=link).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("A post with this link is already recorded."))
        return link

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("video") and not cleaned.get("event"):
            raise forms.ValidationError(_("Choose the video the post promotes, or name the event."))
        return cleaned


class SnapshotForm(BoundedNumbers, forms.ModelForm):
    number_limits = {
        name: MAX_COUNT
        for name in ["views", "likes", "comments", "shares", "positive", "neutral", "negative"]
    }

    class Meta:
        model = PostSnapshot
        fields = [
            "taken_on",
            "views",
            "likes",
            "comments",
            "shares",
            "positive",
            "neutral",
            "negative",
        ]
        widgets = {"taken_on": DATE_INPUT}


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ["kind", "outlet", "title", "published_on", "link"]
        widgets = {"published_on": DATE_INPUT}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)


# The columns are 32-bit integers: a larger figure is refused as a form error, not a 500.
MAX_PROMOTION_KZT = 100_000_000
MAX_REACH = 2_000_000_000


class PromotionForm(BoundedNumbers, forms.ModelForm):
    number_limits = {
        "budget_kzt": max_tenge_validator(MAX_PROMOTION_KZT),
        "reach": MAX_REACH,
    }

    class Meta:
        model = Promotion
        fields = ["video", "platform", "targeting", "budget_kzt", "reach", "starts_on", "ends_on"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "targeting": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["video"].queryset = Video.objects.filter(project=project)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The promotion cannot end before it starts."))
        return cleaned


class ImportForm(forms.Form):
    platform = forms.ChoiceField(label=_("format"))
    taken_on = forms.DateField(
        label=_("exported on"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("For exports without a date column: the day the file was downloaded."),
    )
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].choices = [(key, imp.label) for key, imp in IMPORTERS.items()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too big for an analytics export."))
        return upload
