"""The pages only their owner may open, for the sweep (tests/browser/test_sweep.py).

The access matrix's people are strangers to the demo's objects, so the pages that show a
person their own work are not in it: the expert's queue and scoring page, the mentor's
project and meeting form, the applicant's draft, the team's submitted application, result,
project, progress report and evaluation and closing forms. Here the demo's own people open
them, with the demo's data in them.
"""

from django.urls import reverse

from accounts.models import User
from applications.services.application import application_autosave, application_start
from demo.loader import DEMO_DOMAIN
from demo.steps.applications import form_data
from mentoring.models import GrantAgreement, GranteeProject
from reviews.models import Review
from reviews.services import review_reopen


def demo_user(login: str) -> User:
    return User.objects.get(email=f"{login}@{DEMO_DOMAIN}")


def scoring(review: Review) -> str:
    return reverse("reviews:review", kwargs={"pk": review.assignment.application_id})


def owner_pages(open_competition) -> list[tuple[str, User, list[tuple[str, str]]]]:
    """(who, the demo's user, [(pattern name, URL)]) for every owner-only page.

    Changes the demo the way its people would: GAMO reopens one of the expert's reviews
    (so the scoring form shows, with scores in it), the mentor's project runs again and the
    demo applicant starts a draft.
    """
    staff = demo_user("coordinator")  # reopens the review
    expert = demo_user("expert1")
    reviews = Review.objects.filter(
        assignment__member__expert=expert, status=Review.Status.SUBMITTED
    ).select_related("assignment__member", "assignment__application")
    submitted, reopened = reviews.order_by("pk")[:2]
    review_reopen(review=reopened, by=staff, reason="The budget needs a second look.")

    mentor = demo_user("mentor")
    project = (
        GranteeProject.objects.filter(mentor=mentor).select_related("application").order_by("pk")
    ).first()
    # The demo's projects are all completed, and a closed project's forms refuse: the
    # mentor's project is seen as it was while it ran (its reports and meetings in it).
    GranteeProject.objects.filter(pk=project.pk).update(status=GranteeProject.Status.ACTIVE)
    report = project.reports.order_by("number").first()
    team = project.application
    by_project = {"pk": project.pk}

    codes = {"pk": GrantAgreement.objects.get(acceptances__user=demo_user("codes-lead")).pk}

    applicant = demo_user("applicant")
    draft = application_start(competition=open_competition, applicant=applicant)
    village = applicant.applicant_profile.village
    data = form_data(
        village,
        "Ауыл жастарының шеберханасы",
        "Жастарға бос уақытта баратын орын жоқ.",
        "Мектептің бос сыныбында шеберхана ашамыз.",
        [(applicant.full_name, ""), ("Сәрсенова Айжан", "010412650108")],
        [("Ағаш өңдеу станогы", "дана", 1, 450_000)],
        open_competition.opens_at.year,
    )
    application_autosave(application=draft, data=data)

    return [
        (
            "expert1",
            expert,
            [
                ("reviews:home", reverse("reviews:home")),
                (
                    "reviews:declaration",
                    reverse("reviews:declaration", kwargs={"pk": submitted.assignment.member_id}),
                ),
                ("reviews:review", scoring(submitted)),  # others' reviews beside it
                ("reviews:review", scoring(reopened)),  # the scoring form, scores in it
            ],
        ),
        (
            "mentor",
            mentor,
            [
                ("mentoring:home", reverse("mentoring:home")),
                ("mentoring:project", reverse("mentoring:project", kwargs=by_project)),
                ("mentoring:meeting_add", reverse("mentoring:meeting_add", kwargs=by_project)),
                ("mentoring:report", reverse("mentoring:report", kwargs={"pk": report.pk})),
            ],
        ),
        (
            "team",
            team.applicant,
            [
                ("applications:home", reverse("applications:home")),
                ("applications:detail", reverse("applications:detail", kwargs={"pk": team.pk})),
                ("reviews:my_result", reverse("reviews:my_result", kwargs={"pk": team.pk})),
                ("mentoring:grantee", reverse("mentoring:grantee")),
                ("mentoring:project", reverse("mentoring:project", kwargs=by_project)),
                ("mentoring:report", reverse("mentoring:report", kwargs={"pk": report.pk})),
                ("mentoring:evaluation", reverse("mentoring:evaluation", kwargs=by_project)),
                ("mentoring:closing", reverse("mentoring:closing", kwargs=by_project)),
            ],
        ),
        (
            "applicant",
            applicant,
            [
                ("applications:home", reverse("applications:home")),
                ("applications:edit", reverse("applications:edit", kwargs={"pk": draft.pk})),
            ],
        ),
        (
            # The demo team that signs its agreement by codes: the member still to accept.
            "team member accepting the agreement",
            demo_user("codes-member3"),
            [("mentoring:agreement_accept", reverse("mentoring:agreement_accept", kwargs=codes))],
        ),
    ]
