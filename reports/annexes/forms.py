from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from jastarurban.bounds import MAX_COUNT, BoundedNumbers
from jastarurban.money import max_tenge_validator
from projects.models import BudgetLine, GrantProject
from reports.annexes.models import ReportDocument, ReportPhoto
from reports.annexes.photos import GRANTEE, STAND
from reports.forms import CheckedFileMixin

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PhotoPickForm(BoundedNumbers, forms.Form):
    number_limits = {"pk": MAX_COUNT}

    source = forms.ChoiceField(choices=[(GRANTEE, GRANTEE), (STAND, STAND)])
    pk = forms.IntegerField(min_value=1)
    caption = forms.CharField(label=_("Caption"), max_length=300)


class PhotoUploadForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"), widget=forms.ClearableFileInput(attrs={"accept": "image/*"})
    )
    caption = forms.CharField(label=_("Caption"), max_length=300)
    taken_on = forms.DateField(label=_("Date of the event"), widget=DATE_WIDGET)


class ChosenPhotoForm(BoundedNumbers, forms.ModelForm):
    number_limits = {"position": 999}

    class Meta:
        model = ReportPhoto
        fields = ["caption", "position"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 2}),
            "position": forms.NumberInput(attrs={"min": 0, "max": 999}),
        }


class ChosenPhotoBaseFormSet(BaseModelFormSet):
    def clean(self):
        super().clean()
        # A row removed in another tab, or another project's: Django would treat it as a
        # new photo and skip it silently; the page says so instead.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise forms.ValidationError(
                _("The annex changed meanwhile: reload the page and make the changes again.")
            )


ChosenPhotoFormSet = modelformset_factory(
    ReportPhoto,
    form=ChosenPhotoForm,
    formset=ChosenPhotoBaseFormSet,
    extra=0,
    can_delete=True,
    edit_only=True,
)


class DocumentForm(CheckedFileMixin, BoundedNumbers, forms.ModelForm):
    number_limits = {"amount_kzt": max_tenge_validator()}

    class Meta:
        model = ReportDocument
        fields = ["kind", "number", "dated_on", "amount_kzt", "line", "description", "file"]
        widgets = {"dated_on": DATE_WIDGET}

    def __init__(self, *args, project: GrantProject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(project=project)
        self.fields["line"].label_from_instance = lambda line: f"{line.position}. {line.name}"
