from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import role_required, session_ended
from accounts.errors import ServiceError, refusal_response, refusal_show
from accounts.roles import Role
from applications import selectors
from applications.access import application_for_user, own_application
from applications.drafts import (
    draft_clean,
    draft_row_count,
    row_limits,
    without_lead_rows,
)
from applications.eligibility import age_deadline, application_check
from applications.files import attachment_response
from applications.forms import (
    ROW_FORMS,
    ApplicationForms,
    AttachmentForm,
    DraftForms,
    InviteForm,
    ProfileForm,
)
from applications.iin import age_on
from applications.models import Application, DeletionRequest
from applications.receipts import receipt_pdf
from applications.services.application import (
    application_autosave,
    application_start,
    application_submit,
    attachment_add,
    attachment_remove,
    profile_save,
)
from applications.services.privacy import personal_data_deletion_request
from applications.staff_forms import ReopenForm, ScreeningForm
from applications.tracker import next_step, tracker
from competitions.places import place_label
from competitions.selectors import competitions_open, competitions_public

ROW_LABELS = {
    "activity": gettext_lazy("Activity"),
    "budget": gettext_lazy("Expense item"),
}


@role_required(Role.APPLICANT)
def home(request: HttpRequest) -> HttpResponse:
    """The applicant's applications, each as a tracker, and the calls open now."""
    applications = selectors.applications_of_lead(request.user)
    return render(
        request,
        "applications/home.html",
        {
            "applications": [
                (application, tracker(application), next_step(application))
                for application in applications
            ],
            # Teams the person was invited onto: their own page on each.
            "team_places": selectors.team_places_of(request.user),
            "open_competitions": list(competitions_open()),
            "has_profile": selectors.profile_exists(request.user),
        },
    )


@role_required(Role.APPLICANT)
def profile(request: HttpRequest) -> HttpResponse:
    existing = selectors.profile_of(request.user)
    initial = {"full_name": request.user.full_name, "phone": request.user.phone}
    if existing:
        initial |= {"iin": existing.iin, "village": existing.village_id}
    form = ProfileForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        profile_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("applications:home")
    return render(request, "applications/profile.html", {"form": form, "profile": existing})


@role_required(Role.APPLICANT)
def personal_data(request: HttpRequest) -> JsonResponse:
    """The person's own data as JSON, to keep or to check (right of access)."""
    response = JsonResponse(
        selectors.personal_data_export(user=request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="jastarurban-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@role_required(Role.APPLICANT)
def personal_data_delete(request: HttpRequest) -> HttpResponse:
    """Asks for deletion: drafts go at once; submitted applications are anonymised
    after the retention period, as the page explains before the person confirms."""
    submitted = selectors.applications_submitted_by(request.user)
    if request.method == "POST":
        deletion = personal_data_deletion_request(user=request.user)
        if deletion.outcome == DeletionRequest.Outcome.ACCOUNT_DELETED:
            logout(request)
            messages.success(request, _("Your drafts and your account are deleted."))
            return redirect("competitions:home")
        messages.success(
            request,
            _(
                "Your drafts are deleted. Your request is recorded: the submitted "
                "applications will be anonymised on %(day)s."
            )
            % {"day": formats.date_format(deletion.anonymise_after, "SHORT_DATE_FORMAT")},
        )
        return redirect("applications:profile")
    return render(
        request,
        "applications/personal_data_delete.html",
        {
            "submitted": [
                (application, selectors.retention_ends_on(application.competition.project))
                for application in submitted
            ],
            "drafts": selectors.drafts_count(request.user),
            "retention_years": settings.PERSONAL_DATA_RETENTION_YEARS,
        },
    )


@role_required(Role.APPLICANT)
@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(competitions_public(), slug=slug)
    if not selectors.profile_exists(request.user):
        messages.info(request, _("First tell us who you are: it takes a minute."))
        profile_url = reverse("applications:profile")
        return redirect(f"{profile_url}?next={competition.get_absolute_url()}")
    if not competition.is_open:
        messages.error(request, _("This competition does not accept applications now."))
        return redirect("competitions:detail", slug=slug)
    application = application_start(competition=competition, applicant=request.user)
    return redirect("applications:edit", pk=application.pk)


def _draft_forms(application, add_row: str = "") -> DraftForms:
    """The form filled from the stored draft, never trusting its row counts."""
    competition = application.competition
    application.draft_data = draft_clean(
        competition=competition,
        data=application.draft_data,
        strict=False,
        lead_iin=selectors.lead_iin(application),
    )
    if add_row:
        rows, limit = draft_row_count(
            competition=competition, data=application.draft_data, prefix=add_row
        )
        if rows >= limit:
            add_row = ""
    return DraftForms(competition, application, add_row=add_row)


def _lead(application: Application) -> dict | None:
    """Member 1 as the form shows them: from the profile, never retyped."""
    profile = selectors.lead_profile(application)
    if profile is None:
        return None
    return {
        "full_name": application.applicant.full_name,
        "age": age_on(profile.birth_date, age_deadline(application.competition)),
        "village": place_label(profile.village),
    }


def edit_page(request, application, forms=None, status=200, invite_form=None) -> HttpResponse:
    forms = forms or _draft_forms(application)
    errors = forms.error_summary() if status == 400 and invite_form is None else []
    return render(
        request,
        "applications/edit.html",
        {
            "application": application,
            "competition": application.competition,
            "forms": forms,
            "lead": _lead(application),
            "teammates": list(application.teammates.order_by("invited_at", "pk")),
            "invite_form": invite_form or InviteForm(prefix="invite"),
            "now": timezone.now(),
            "errors": errors,
            "attachment_form": AttachmentForm(),
            "attachments": list(application.attachments.all()),
            "deadline": application.submission_deadline(),
        },
        status=status,
    )


@role_required(Role.APPLICANT)
@require_POST
def add_row(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """One more teammate, activity or budget line: a fragment htmx adds to the form.

    What the form holds is saved first, as autosave would, so nothing typed is lost.
    """
    application = own_application(request.user, pk)
    if section not in ROW_FORMS:
        raise Http404
    try:
        application_autosave(application=application, data=dict(request.POST.lists()))
    except ServiceError as refusal:
        return refusal_response(refusal)
    try:
        index = int(request.POST.get(f"{section}-TOTAL_FORMS", ""))
    except ValueError:
        return HttpResponse(status=400)
    limit, _fields = row_limits(application.competition)[section]
    if not 0 <= index < limit:
        return HttpResponse(status=400)
    form = ROW_FORMS[section](
        prefix=f"{section}-{index}", empty_permitted=True, use_required_attribute=False
    )
    return render(
        request,
        "applications/_row_added.html",
        {
            "form": form,
            "section": section,
            "number": index + 1,
            "total": index + 1,
            "row_label": ROW_LABELS[section],
        },
    )


def _submitted_meanwhile(application: Application) -> bool:
    """Submitted by an earlier click or in another tab while this request waited: the
    person is shown the submitted application, not a refusal of a step already taken."""
    application.refresh_from_db(fields=["status"])
    return not application.is_editable


@role_required(Role.APPLICANT)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = own_application(request.user, pk)
    if not application.is_editable:
        return redirect("applications:detail", pk=pk)
    if request.method == "GET":
        return edit_page(request, application, _draft_forms(application))
    try:
        application_autosave(application=application, data=dict(request.POST.lists()))
    except ServiceError as refusal:
        if _submitted_meanwhile(application):
            return redirect("applications:detail", pk=pk)
        refusal_show(request, refusal)
        return edit_page(request, application, _draft_forms(application), status=400)
    if "add" in request.POST:
        forms = _draft_forms(application, add_row=request.POST["add"])
        return edit_page(request, application, forms)
    if "submit" not in request.POST:
        messages.success(request, _("The draft is saved. You can come back to it any time."))
        return redirect("applications:edit", pk=pk)
    # A page opened from an older draft may still post the lead as a teammate row.
    posted = dict(request.POST.lists())
    data = MultiValueDict(without_lead_rows(posted, selectors.lead_iin(application)))
    forms = ApplicationForms(application.competition, application, data)
    if not forms.is_valid():
        return edit_page(request, application, forms, status=400)
    try:
        application_submit(application=application, forms=forms, by=request.user)
    except ServiceError as refusal:
        if _submitted_meanwhile(application):
            return redirect("applications:detail", pk=pk)
        refusal_show(request, refusal, forms.main)
        return edit_page(request, application, forms, status=400)
    messages.success(
        request, _("The application is submitted. A receipt is on its way to your e-mail.")
    )
    return redirect("applications:detail", pk=pk)


@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """Called by the form itself while it is being filled (htmx)."""
    if not request.user.is_authenticated:
        return session_ended()
    application = own_application(request.user, pk)
    try:
        application = application_autosave(application=application, data=dict(request.POST.lists()))
    except ServiceError as refusal:
        return refusal_response(refusal)
    saved = timezone.localtime(application.autosaved_at).strftime("%H:%M:%S")
    return HttpResponse(_("Saved at %(time)s") % {"time": saved})


@role_required(Role.APPLICANT)
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = own_application(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(
                application=application, upload=form.cleaned_data["file"], kind=form.kind
            )
        except ServiceError as refusal:
            refusal_show(request, refusal)
        else:
            messages.success(request, _("The file is attached."))
    else:
        for error in form.errors["file"]:
            messages.error(request, error)
    return redirect("applications:edit", pk=pk)


@role_required(Role.APPLICANT)
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    application = own_application(request.user, pk)
    if application.is_editable:
        attachment = get_object_or_404(application.attachments, pk=attachment_id)
        attachment_remove(application=application, attachment=attachment)
        messages.success(request, _("The file is removed."))
    return redirect("applications:edit", pk=pk)


@role_required(Role.APPLICANT, Role.STAFF, Role.OPERATOR)
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    application = application_for_user(request.user, pk)
    return attachment_response(get_object_or_404(application.attachments, pk=attachment_id))


@role_required(Role.APPLICANT, Role.STAFF, Role.OPERATOR)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_for_user(request.user, pk)
    is_staff = request.user.has_role(Role.STAFF)
    is_lead = application.applicant_id == request.user.pk
    # Staff screen what was submitted; a draft's team is still being typed.
    screens = is_staff and application.status != Application.Status.DRAFT
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "steps": tracker(application),
            "next_step": next_step(application),
            # Staff see the team in the screening table, which loads it itself.
            "team": [] if screens else list(application.team.select_related("village")),
            "activities": list(application.activities.all()),
            "budget": list(application.budget_items.all()),
            "requested_kzt": selectors.requested_kzt(application),
            "attachments": list(application.attachments.all()),
            "history": list(application.status_changes.select_related("changed_by")),
            "is_staff": is_staff,
            "is_lead": is_lead,
            # A draft's team is the lead and the people invited, each with their state.
            "teammates": list(application.teammates.all())
            if application.status == Application.Status.DRAFT
            else [],
            "screening": application_check(application) if screens else None,
            "closing_day": age_deadline(application.competition),
            "competition": application.competition,
            "screening_form": ScreeningForm(),
            "reopen_form": ReopenForm(),
        },
    )


@role_required(Role.APPLICANT, Role.STAFF, Role.OPERATOR)
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_for_user(request.user, pk)
    if not application.registration_number:
        return redirect("applications:detail", pk=pk)
    response = HttpResponse(receipt_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{application.registration_number}.pdf"'
    )
    return response
