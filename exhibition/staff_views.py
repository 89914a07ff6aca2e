"""Staff pages: overview, stands, check-in at the door, letters. The operator reads them."""

from itertools import islice

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from exhibition import selectors
from exhibition.access import writes_need_staff
from exhibition.forms import LetterForm, RoundTableForm, StandForm
from exhibition.letters import letters_zip
from exhibition.models import Exhibition, Letter, Registration, RoundTable, Stand
from exhibition.services import letter_create, letter_requeue, registration_check_in, stand_update
from jastarurban.files import file_response
from projects.models import Indicator
from projects.selectors import project_get


@role_required(Role.STAFF, Role.OPERATOR)
def home(request: HttpRequest) -> HttpResponse:
    """The exhibitions; with a single one (the usual case) its page straight away."""
    exhibitions = list(Exhibition.objects.select_related("project").order_by("-held_on"))
    if len(exhibitions) == 1:
        return redirect("exhibition:manage", slug=exhibitions[0].slug)
    return render(request, "exhibition/home.html", {"exhibitions": exhibitions})


@role_required(Role.STAFF, Role.OPERATOR)
def project_home(request: HttpRequest, project: str) -> HttpResponse:
    """One project's exhibitions: its single one straight away, else the list."""
    project = project_get(project)
    exhibitions = list(
        Exhibition.objects.filter(project=project).select_related("project").order_by("-held_on")
    )
    if len(exhibitions) == 1:
        return redirect("exhibition:manage", slug=exhibitions[0].slug)
    return render(request, "exhibition/home.html", {"exhibitions": exhibitions, "project": project})


@role_required(Role.STAFF, Role.OPERATOR)
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition.objects.select_related("project"), slug=slug)
    share = selectors.support_grew_share(exhibition)
    return render(
        request,
        "exhibition/manage.html",
        {
            "exhibition": exhibition,
            "stands": list(
                exhibition.stands.select_related("grantee__application").prefetch_related("photos")
            ),
            "round_tables": list(exhibition.round_tables.all()),
            "checked_in": selectors.participants_checked_in(exhibition),
            "registered": selectors.registrations_count(exhibition),
            "letters": selectors.letters_count(exhibition),
            "feedback": selectors.feedback_counts(exhibition),
            "support_display": "—" if share is None else f"{round(share * 100)}\xa0%",
            # The targets are the project's indicator rows, not numbers typed in the page.
            "targets": Indicator.objects.by_source(exhibition.project),
            "can_write": request.user.has_role(Role.STAFF),
        },
    )


# The list shows this many; a name, organisation or phone search finds anyone else.
PARTICIPANTS_SHOWN = 200


@role_required(Role.STAFF, Role.OPERATOR)
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition, slug=slug)
    query = request.GET.get("q", "").strip()
    registrations = exhibition.registrations.confirmed()
    if query:
        # Matched in Python (SQLite folds only ASCII case), read in chunks until the page
        # is full rather than every registration at once.
        matches = (p for p in registrations.iterator(chunk_size=500) if _matches(p, query))
        people = list(islice(matches, PARTICIPANTS_SHOWN))
    else:
        # Only the rows shown: at 30 000 applications an exhibition has 6 000 registrations.
        people = list(registrations[:PARTICIPANTS_SHOWN])
    return render(
        request,
        "exhibition/participants.html",
        {
            "exhibition": exhibition,
            "people": people,
            "query": query,
            "checked_in": selectors.participants_checked_in(exhibition),
            "target": Indicator.objects.by_source(exhibition.project_id).get(
                "exhibition_participants"
            ),
            "can_write": request.user.has_role(Role.STAFF),
        },
    )


def _matches(person: Registration, query: str) -> bool:
    """Case-insensitive for Kazakh letters too (SQLite folds only ASCII), and a phone typed
    any way (8 701…, +7 701…) matches by its last digits."""
    needle = query.casefold()
    if needle in person.full_name.casefold() or needle in person.organisation.casefold():
        return True
    digits = "".join(ch for ch in query if ch.isdigit())
    return len(digits) >= 4 and digits[-10:] in person.phone


@role_required(Role.STAFF, Role.OPERATOR)
def check_in(request: HttpRequest, token: str) -> HttpResponse:
    """What the phone opens after scanning a visitor's code: a confirm button (POST), so a
    link preview or a second scan never counts anyone twice."""
    can_write = writes_need_staff(request)
    registration = get_object_or_404(
        Registration.objects.confirmed().select_related("exhibition"), token=token
    )
    if request.method == "POST":
        if registration_check_in(registration=registration, by=request.user):
            messages.success(
                request, _("%(name)s is checked in.") % {"name": registration.full_name}
            )
        else:
            messages.info(
                request, _("%(name)s was already checked in.") % {"name": registration.full_name}
            )
        back = request.POST.get("back", "")
        if back == "list":
            return redirect("exhibition:participants", slug=registration.exhibition.slug)
        return redirect("exhibition:check_in", token=token)
    return render(
        request,
        "exhibition/check_in.html",
        {"registration": registration, "can_write": can_write},
    )


@role_required(Role.STAFF)
def stand_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stand = get_object_or_404(Stand.objects.select_related("exhibition", "grantee"), pk=pk)
    form = StandForm(request.POST or None, request.FILES or None, instance=stand)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            stand_update(
                stand=stand,
                banner=data["banner_upload"],
                banner_type=getattr(form, "banner_type", ""),
                photos=data["photos"],
                position=data["position"],
                summary=data["summary"],
                video_link=data["video_link"],
            )
        except ServiceError as refused:
            refusal_show(request, refused, form)
        else:
            messages.success(request, _("The stand is saved."))
            return redirect("exhibition:manage", slug=stand.exhibition.slug)
    return render(request, "exhibition/stand_edit.html", {"stand": stand, "form": form})


@role_required(Role.STAFF)
def round_table_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition, slug=slug)
    table = get_object_or_404(RoundTable, pk=pk, exhibition=exhibition) if pk else None
    form = RoundTableForm(request.POST or None, instance=table)
    if request.method == "POST" and form.is_valid():
        table = form.save(commit=False)
        table.exhibition = exhibition
        table.save()
        messages.success(request, _("The round table is saved."))
        return redirect("exhibition:manage", slug=slug)
    return render(
        request,
        "exhibition/round_table_edit.html",
        {"exhibition": exhibition, "form": form, "table": table},
    )


@role_required(Role.STAFF, Role.OPERATOR)
def letters(request: HttpRequest, slug: str) -> HttpResponse:
    can_write = writes_need_staff(request)
    exhibition = get_object_or_404(Exhibition.objects.select_related("project"), slug=slug)
    form = LetterForm(request.POST or None, project=exhibition.project)
    if request.method == "POST" and form.is_valid():
        letter = letter_create(
            exhibition=exhibition,
            recipient_name=form.cleaned_data["recipient_name"],
            role=form.cleaned_data["role"],
            reason=form.cleaned_data["reason"],
            language=form.cleaned_data["language"],
            by=request.user,
        )
        messages.success(
            request, _("Letter %(number)s is being prepared.") % {"number": letter.number}
        )
        return redirect("exhibition:letters", slug=slug)
    return render(
        request,
        "exhibition/letters.html",
        {
            "exhibition": exhibition,
            "letters": list(exhibition.letters.all()),
            "form": form,
            "can_write": can_write,
        },
    )


@role_required(Role.STAFF)
@require_POST
def letter_render_again(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.select_related("exhibition"), pk=pk)
    letter_requeue(letter=letter)
    messages.success(request, _("Letter %(number)s is being prepared.") % {"number": letter.number})
    return redirect("exhibition:letters", slug=letter.exhibition.slug)


@role_required(Role.STAFF, Role.OPERATOR)
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.exclude(pdf=""), pk=pk, status=Letter.Status.READY)
    return file_response(letter.pdf, stem=letter.number)


@role_required(Role.STAFF, Role.OPERATOR)
def letters_archive(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_object_or_404(Exhibition, slug=slug)
    ready = exhibition.letters.filter(status=Letter.Status.READY).exclude(pdf="")
    response = HttpResponse(letters_zip(ready), content_type="application/zip")
    response["Content-Disposition"] = _attachment(f"{slug}-letters.zip")
    return response


def _attachment(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename)
