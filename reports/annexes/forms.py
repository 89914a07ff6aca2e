from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from competitions.models import BudgetLine, GrantProject
from jastarurban.bounds import BoundedNumbers
from jastarurban.money import max_tenge_validator
from reports.annexes.models import ReportDocument, ReportPhoto
from reports.annexes.photos import GRANTEE, STAND
from reports.forms import CheckedFileMixin

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PhotoPickForm(forms.Form):
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
        widgets = {"position": forms.NumberInput(attrs={"min": 0, "max": 999})}


ChosenPhotoFormSet = modelformset_factory(
    ReportPhoto, form=ChosenPhotoForm, extra=0, can_delete=True, edit_only=True
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
