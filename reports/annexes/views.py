"""Staff pages under a project for the annexes: the photo annex and the register of
documents. Staff only: the photos are the grantees' and the exhibition's, not public."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.files import file_response
from projects.selectors import project_get
from reports.annexes.documents import documents as register
from reports.annexes.forms import (
    ChosenPhotoFormSet,
    DocumentForm,
    PhotoPickForm,
    PhotoUploadForm,
)
from reports.annexes.images import THUMBNAIL_SIDE, smaller_jpeg
from reports.annexes.models import ReportDocument, ReportPhoto
from reports.annexes.photos import GRANTEE, STAND, photo_candidates, photo_source
from reports.annexes.services import (
    annex_document_add,
    annex_document_delete,
    annex_photo_choose,
    annex_photo_upload,
    annex_photos_save,
)

OWN = "own"


def _messages(request: HttpRequest, *forms_) -> None:
    for form in forms_:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else None
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)


def _chosen_formset(project, data=None):
    return ChosenPhotoFormSet(
        data,
        queryset=ReportPhoto.objects.filter(project=project)
        .select_related("grantee_photo", "stand_photo")
        .order_by("position", "taken_on", "pk"),
        prefix="chosen",
    )


@role_required(Role.STAFF)
def photos(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    formset = _chosen_formset(project, request.POST or None)
    if request.method == "POST":
        if formset.is_valid():
            annex_photos_save(formset=formset)
            messages.success(request, _("The photo annex is saved."))
            return redirect("reports:annex_photos", project=project.slug)
        messages.error(request, _("Nothing was saved: correct the photos marked below."))
    return render(
        request,
        "reports/annexes/photos.html",
        {
            "project": project,
            "formset": formset,
            "candidates": photo_candidates(project),
            "upload_form": PhotoUploadForm(),
        },
    )


def _photo_add(request: HttpRequest, project: str, form, service) -> HttpResponse:
    """One photo into the annex, chosen or uploaded: the form, the service, then what
    happened as a message on the annex page."""
    project = project_get(project)
    if form.is_valid():
        try:
            service(project=project, added_by=request.user, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The photo is in the annex."))
    else:
        _messages(request, form)
    return redirect("reports:annex_photos", project=project.slug)


@role_required(Role.STAFF)
@require_POST
def photo_choose(request: HttpRequest, project: str) -> HttpResponse:
    return _photo_add(request, project, PhotoPickForm(request.POST), annex_photo_choose)


@role_required(Role.STAFF)
@require_POST
def photo_upload(request: HttpRequest, project: str) -> HttpResponse:
    form = PhotoUploadForm(request.POST, request.FILES)
    return _photo_add(request, project, form, annex_photo_upload)


@role_required(Role.STAFF)
def photo_thumbnail(request: HttpRequest, project: str, source: str, pk: int) -> HttpResponse:
    """A small copy of one of this project's photos; another project's is not found."""
    project = project_get(project)
    if source == OWN:
        field = get_object_or_404(ReportPhoto, project=project, pk=pk).file
    elif source in (GRANTEE, STAND):
        photo = photo_source(project, source, pk)
        if photo is None:
            raise Http404
        field = photo.image
    else:
        raise Http404
    content = smaller_jpeg(field, THUMBNAIL_SIDE)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@role_required(Role.STAFF)
def documents(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    form = DocumentForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST":
        if form.is_valid():
            annex_document_add(project=project, added_by=request.user, **form.cleaned_data)
            messages.success(request, _("The document is added to the register."))
            return redirect("reports:annex_documents", project=project.slug)
        messages.error(request, _("Nothing was saved: correct the fields marked below."))
    return render(
        request,
        "reports/annexes/documents.html",
        {
            "project": project,
            "form": form,
            "groups": register(project),
            "added": list(
                ReportDocument.objects.filter(project=project)
                .select_related("line")
                .order_by("-dated_on", "-pk")
            ),
        },
    )


@role_required(Role.STAFF)
@require_POST
def document_delete(request: HttpRequest, project: str, pk: int) -> HttpResponse:
    document = get_object_or_404(ReportDocument, pk=pk, project__slug=project)
    annex_document_delete(document=document)
    messages.success(request, _("The document is removed from the register."))
    return redirect("reports:annex_documents", project=project)


@role_required(Role.STAFF)
def document_file(request: HttpRequest, project: str, pk: int) -> HttpResponse:
    document = get_object_or_404(ReportDocument, pk=pk, project__slug=project)
    return file_response(document.file, stem=f"document-{document.pk}")
