"""Every URL of the portal, for every role and for an anonymous visitor.

A URL pattern missing from MATRIX fails the test, so no page can be added
without deciding who may open it.
"""

from copy import deepcopy
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlparse

import pytest
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.api_tokens import api_token_create
from accounts.models import ApiToken
from accounts.roles import Role
from applications.models import Application, Attachment, Teammate
from mentoring.models import GranteeExpense, GranteeProject, Material, Participant, Training
from projects.models import ProjectExpense
from reports.models import ReportFile
from reviews.models import Assignment, CommissionMember, Review
from tests.factories import UserFactory

ROLES = ("anonymous", *[role.value for role in Role])

OK, LOGIN, FORBIDDEN, NOT_FOUND, REDIRECT, BAD, NOT_ALLOWED = (
    "200",
    "login",
    "403",
    "404",
    "redirect",
    "400",
    "405",
)


@dataclass
class Rule:
    default: str
    per_role: dict[str, str] = field(default_factory=dict)
    kwargs: dict | None = None

    def expected(self, role: str) -> str:
        return self.per_role.get(role, self.default)


def only(*roles: Role) -> Rule:
    """A page for the given roles: others get 403, anonymous visitors the login page."""
    return Rule(FORBIDDEN, {"anonymous": LOGIN, **{role.value: OK for role in roles}})


# A page of one grantee project: staff and the operator read it, strangers get 404.
STRANGERS_404 = Rule(
    NOT_FOUND, {"anonymous": LOGIN, "expert": FORBIDDEN, "staff": OK, "operator": OK}
)

AGREEMENT_READERS = Rule(
    NOT_FOUND,
    {"anonymous": LOGIN, "expert": FORBIDDEN, "mentor": FORBIDDEN, "staff": OK, "operator": OK},
)


def logged_in_redirect(anonymous: str = OK) -> Rule:
    return Rule(REDIRECT, {"anonymous": anonymous})


PROJECT = {"slug": "jastarurban"}
# The pages reached through a project (/projects/<project>/…): the demo's project.
IN_PROJECT = {"project": "jastarurban"}
BOGUS_LINK = {"uidb64": "MTIz", "token": "bad-token"}
# Placeholders for objects the test creates: the matrix applicant's draft and its file.
DRAFT = "draft"
DRAFT_FILE = "draft_file"
EXHIBITION = {"slug": "jastarurban-2025"}

# The operator's JSON API: 401 with a token challenge for anonymous calls.
API = Rule(FORBIDDEN, {"anonymous": "401", "operator": OK, "staff": OK})

MATRIX: dict[str, Rule] = {
    "competitions:home": Rule(OK),
    "competitions:detail": Rule(OK, kwargs={"slug": "jastarurban-2025"}),
    # Built from the rules text when no file was uploaded: never 404 for a published call.
    "competitions:rules_pdf": Rule(OK, kwargs={"slug": "jastarurban-2025"}),
    "competitions:places": Rule(OK),
    "competitions:staff_home": only(Role.STAFF),
    "projects:project": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": PROJECT}),
    "projects:project_budget": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": PROJECT}),
    "projects:project_indicators": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": PROJECT}
    ),
    # Setting up a project and opening its calls: GAMO staff only; the operator reads the
    # project's pages above and the reports, never these forms.
    "projects:project_add": only(Role.STAFF),
    "projects:project_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": PROJECT}),
    "projects:project_plan": Rule(**vars(only(Role.STAFF)) | {"kwargs": PROJECT}),
    "projects:project_budget_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": PROJECT}),
    "competitions:competition_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": PROJECT}),
    "reports:indicators_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "accounts:login": logged_in_redirect(),
    "accounts:logout": Rule(NOT_ALLOWED),
    "accounts:register": logged_in_redirect(),
    # Phone accounts: the code pages send back to the number's page without one waiting.
    "accounts:phone_login": Rule(NOT_ALLOWED),
    "accounts:phone_login_code": Rule(LOGIN),
    "accounts:phone_signup": logged_in_redirect(),
    "accounts:phone_signup_code": Rule(REDIRECT),
    "accounts:phone_signup_offer": Rule(NOT_ALLOWED),
    "accounts:phone_add": Rule(OK, {"anonymous": LOGIN}),
    "accounts:phone_add_code": Rule(REDIRECT, {"anonymous": LOGIN}),
    "accounts:register_done": Rule(OK),
    "accounts:activate": Rule(BAD, kwargs=BOGUS_LINK),
    "accounts:home": Rule(REDIRECT, {"anonymous": LOGIN}),
    "accounts:password_reset": Rule(OK),
    "accounts:password_reset_done": Rule(OK),
    "accounts:password_reset_confirm": Rule(OK, kwargs=BOGUS_LINK),
    "accounts:password_reset_complete": Rule(OK),
    # Two-factor sign-in: the matrix's people are verified (tests/conftest.py), so the
    # second step and the set-up send them on; applicants are never asked.
    "accounts:two_factor": Rule(REDIRECT, {"anonymous": LOGIN}),
    "accounts:two_factor_setup": Rule(REDIRECT, {"anonymous": LOGIN}),
    "accounts:recovery_codes": Rule(REDIRECT, {"anonymous": LOGIN}),
    "accounts:security": only(Role.STAFF, Role.OPERATOR, Role.EXPERT, Role.MENTOR),
    "accounts:security_recovery_codes": Rule(NOT_ALLOWED),
    "accounts:security_device_remove": Rule(NOT_ALLOWED),
    # Everyone's own notification settings; a person's delivery log is for staff.
    "accounts:notifications": Rule(OK, {"anonymous": LOGIN}),
    "accounts:telegram_connect": Rule(NOT_ALLOWED, {"anonymous": LOGIN}),
    "accounts:telegram_disconnect": Rule(NOT_ALLOWED, {"anonymous": LOGIN}),
    "accounts:person_deliveries": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": OK}, kwargs="person"
    ),
    # Telegram's updates: POST only, checked by the secret header.
    "notifications:telegram_webhook": Rule(NOT_ALLOWED),
    # The API's users make their own token; a token's revoke page opens for its owner only.
    "accounts:api_token": only(Role.STAFF, Role.OPERATOR),
    "accounts:api_token_revoke": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "operator": OK, "staff": NOT_FOUND}, kwargs="api_token"
    ),
    # Passkey ceremonies (django-otp-webauthn) answer POSTs only; no passwordless login.
    "otp_webauthn:credential-registration-begin": Rule(NOT_ALLOWED, {"anonymous": FORBIDDEN}),
    "otp_webauthn:credential-registration-complete": Rule(NOT_ALLOWED, {"anonymous": FORBIDDEN}),
    "otp_webauthn:credential-authentication-begin": Rule(NOT_ALLOWED, {"anonymous": FORBIDDEN}),
    "otp_webauthn:credential-authentication-complete": Rule(NOT_ALLOWED, {"anonymous": FORBIDDEN}),
    "otp_webauthn:js-i18n-catalog": Rule(OK),
    "applications:home": only(Role.APPLICANT),
    "applications:profile": only(Role.APPLICANT),
    "applications:personal_data": only(Role.APPLICANT),
    "applications:personal_data_delete": only(Role.APPLICANT),
    "applications:start": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "applicant": NOT_ALLOWED},
        kwargs={"slug": "jastarurban-2025"},
    ),
    # The demo applicant's draft: its lead opens it; other applicants and
    # experts get 404 (or 403 where the role has no such page), staff read it.
    "applications:detail": Rule(
        NOT_FOUND,
        {
            "anonymous": LOGIN,
            "applicant": OK,
            "expert": FORBIDDEN,
            "mentor": FORBIDDEN,
            "staff": OK,
            "operator": OK,
        },
        kwargs=DRAFT,
    ),
    "applications:edit": Rule(FORBIDDEN, {"anonymous": LOGIN, "applicant": OK}, kwargs=DRAFT),
    "applications:autosave": Rule(NOT_ALLOWED, kwargs=DRAFT),
    "applications:add_row": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "applicant": NOT_ALLOWED},
        kwargs="draft_rows",
    ),
    "applications:receipt": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "applicant": REDIRECT, "staff": REDIRECT, "operator": REDIRECT},
        kwargs=DRAFT,
    ),
    "applications:attachment_upload": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs=DRAFT
    ),
    "applications:attachment": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "applicant": OK, "staff": OK, "operator": OK},
        kwargs=DRAFT_FILE,
    ),
    "applications:attachment_delete": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs=DRAFT_FILE
    ),
    # The lead's team: invitations are POSTs; the member's own page is 404 to anyone who
    # holds no place on the team (the matrix's applicant is its lead, not a member).
    "applications:team_invite": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs=DRAFT
    ),
    "applications:team_resend": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs="draft_teammate"
    ),
    "applications:team_remove": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs="draft_teammate"
    ),
    "applications:member": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}, kwargs=DRAFT
    ),
    "applications:member_leave": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_ALLOWED}, kwargs=DRAFT
    ),
    # Anyone may open an invitation link; a link that is not (or no longer) valid is 404.
    "applications:join": Rule(NOT_FOUND, kwargs={"token": "bad-token"}),
    "applications:staff_list": only(Role.STAFF, Role.OPERATOR),
    "applications:screen": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=DRAFT
    ),
    "applications:reopen": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=DRAFT
    ),
    "reviews:home": only(Role.EXPERT),
    "reviews:declaration": Rule(**vars(only(Role.EXPERT)) | {"kwargs": "member"}),
    "reviews:review": Rule(**vars(only(Role.EXPERT)) | {"kwargs": DRAFT}),
    "reviews:autosave": Rule(NOT_ALLOWED, kwargs=DRAFT),
    "reviews:attachment": Rule(**vars(only(Role.EXPERT)) | {"kwargs": DRAFT_FILE}),
    # Staff and the operator; the commission's chair too, any other expert gets 404.
    "reviews:commission": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": OK, "operator": OK, "expert": NOT_FOUND},
        kwargs={"slug": "jastarurban-2025"},
    ),
    "reviews:flag_resolve": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": NOT_ALLOWED, "expert": NOT_ALLOWED},
        kwargs={"slug": "jastarurban-2025"},
    ),
    "reviews:commission_add": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    "reviews:assign_one": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    "reviews:assign": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    "reviews:ranking": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": OK, "operator": OK, "expert": NOT_FOUND},
        kwargs={"slug": "jastarurban-2025"},
    ),
    "reviews:protocol": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": {"slug": "jastarurban-2025"}}
    ),
    "reviews:withdraw": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": NOT_ALLOWED},
        kwargs="withdraw",
    ),
    # The chair (an expert) or staff propose; the director (staff) approves or returns.
    "reviews:propose": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": NOT_ALLOWED, "expert": NOT_ALLOWED},
        kwargs={"slug": "jastarurban-2025"},
    ),
    "reviews:approve": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    "reviews:return": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    # Appeals: the lead of a published application (the matrix applicant's is a draft).
    "reviews:appeal": Rule(FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}, kwargs=DRAFT),
    "reviews:appeals": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": {"slug": "jastarurban-2025"}}
    ),
    "reviews:appeal_answer": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"pk": 1}
    ),
    # The demo's appeal has no file; the matrix applicant is not its lead.
    "reviews:appeal_file": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "applicant": NOT_FOUND, "staff": NOT_FOUND, "operator": NOT_FOUND},
        kwargs={"pk": 1},
    ),
    "reviews:publish": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs={"slug": "jastarurban-2025"}
    ),
    # The demo's 2025 results are published: public.
    "reviews:results": Rule(OK, kwargs={"slug": "jastarurban-2025"}),
    "reviews:my_result": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}, kwargs=DRAFT
    ),
    "reviews:reopen": Rule(FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs="review"),
    "mentoring:home": only(Role.MENTOR),
    # --- audit log: staff and the operator read it (GET only); nobody edits it ---
    "audit:log": only(Role.STAFF, Role.OPERATOR),
    "audit:export": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": {"fmt": "xlsx"}}),
    # --- mentoring ---
    # A demo grantee project: the matrix's applicant and mentor are strangers to it.
    "mentoring:grantee": Rule(FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}),
    # The chooser of grant projects (the demo has two); each one's list is reached through it.
    "mentoring:projects": only(Role.STAFF, Role.OPERATOR),
    "grantees:list": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": IN_PROJECT}),
    "mentoring:project": Rule(**vars(STRANGERS_404) | {"kwargs": "project"}),
    "mentoring:final_report": Rule(**vars(STRANGERS_404) | {"kwargs": "project"}),
    "mentoring:report": Rule(**vars(STRANGERS_404) | {"kwargs": "report"}),
    "mentoring:receipt": Rule(**vars(STRANGERS_404) | {"kwargs": "expense"}),
    "mentoring:photo": Rule(**vars(STRANGERS_404) | {"kwargs": "photo"}),
    "mentoring:meeting_add": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "mentor": NOT_FOUND}, kwargs="project"
    ),
    "mentoring:evaluation": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}, kwargs="project"
    ),
    "mentoring:closing": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "applicant": NOT_FOUND}, kwargs="project"
    ),
    # The grant agreement: its team, staff and the operator; a mentor is no party to it.
    "mentoring:agreement": Rule(**vars(AGREEMENT_READERS) | {"kwargs": "project"}),
    "mentoring:agreement_pdf": Rule(**vars(AGREEMENT_READERS) | {"kwargs": "agreement"}),
    "mentoring:agreement_signed_scan": Rule(**vars(AGREEMENT_READERS) | {"kwargs": "agreement"}),
    "mentoring:agreement_prepare": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:agreement_scan": Rule(NOT_ALLOWED, kwargs="agreement"),
    "mentoring:agreement_sign": Rule(NOT_ALLOWED, kwargs="agreement"),
    # Only the team's members (the matrix's agreement has no text to accept): 404 for all.
    "mentoring:agreement_accept": Rule(NOT_FOUND, {"anonymous": LOGIN}, kwargs="agreement"),
    "mentoring:agreement_accept_pdf": Rule(NOT_FOUND, {"anonymous": LOGIN}, kwargs="agreement"),
    "mentoring:agreement_invite": Rule(NOT_ALLOWED, kwargs="agreement"),
    "mentoring:report_start": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:assign_mentor": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:milestone_add": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:budget_line_add": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:disbursement_add": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:visit_add": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:complete": Rule(NOT_ALLOWED, kwargs="project"),
    "mentoring:budget_line_change": Rule(NOT_ALLOWED, kwargs="budget_line"),
    "mentoring:milestone_done": Rule(NOT_ALLOWED, kwargs="milestone"),
    "mentoring:disbursement_approve": Rule(NOT_ALLOWED, kwargs="payment"),
    "mentoring:disbursement_return": Rule(NOT_ALLOWED, kwargs="payment"),
    "mentoring:payment_document": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": "payment"}
    ),
    "mentoring:expense_add": Rule(NOT_ALLOWED, kwargs="report"),
    "mentoring:photo_add": Rule(NOT_ALLOWED, kwargs="report"),
    "mentoring:report_submit": Rule(NOT_ALLOWED, kwargs="report"),
    "mentoring:report_review": Rule(NOT_ALLOWED, kwargs="report"),
    "mentoring:expense_delete": Rule(NOT_ALLOWED, kwargs="expense"),
    "mentoring:photo_delete": Rule(NOT_ALLOWED, kwargs="photo"),
    "mentoring:trainings": only(Role.STAFF, Role.OPERATOR),
    "mentoring:training_add": only(Role.STAFF),
    "mentoring:training": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": "training"}),
    "mentoring:training_invite": Rule(NOT_ALLOWED, kwargs="training"),
    "mentoring:attendance": Rule(NOT_ALLOWED, kwargs="training_day"),
    "mentoring:material_add": Rule(NOT_ALLOWED),
    # The demo's materials are links: those allowed are sent on to them.
    "mentoring:material": Rule(
        FORBIDDEN,
        {
            "anonymous": LOGIN,
            "applicant": NOT_FOUND,
            "mentor": REDIRECT,
            "staff": REDIRECT,
            "operator": REDIRECT,
        },
        kwargs="material",
    ),
    # A participant's personal link: no login; this one has answered already.
    "mentoring:feedback": Rule(OK, kwargs="participant"),
    # The project chooser; the addresses from before projects were named lead to the one
    # project's page, or to the chooser when there are several.
    "reports:home": only(Role.OPERATOR, Role.STAFF),
    "reports:legacy_dashboard": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT}
    ),
    "reports:legacy_budget": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT}
    ),
    "reports:legacy_files": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT}
    ),
    "reports:project": Rule(**vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "set_language": Rule(NOT_ALLOWED),
    "healthz": Rule(OK),
    "favicon": Rule(REDIRECT),
    # --- media_campaign and exhibition ---
    "media_campaign:legacy": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT}
    ),
    "media_campaign:home": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": IN_PROJECT}),
    "media_campaign:video_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "media_campaign:video_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "video"}),
    "media_campaign:posts": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": IN_PROJECT}),
    "media_campaign:post_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "media_campaign:post": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": "post"}),
    "media_campaign:post_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "post"}),
    "media_campaign:publication_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "media_campaign:publication_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "publication"}),
    "media_campaign:import": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "media_campaign:promotion_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "media_campaign:promotion_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "promotion"}),
    "exhibition:home": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT}
    ),
    # The project's one exhibition: its page straight away.
    "exhibition:project": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": REDIRECT, "operator": REDIRECT},
        kwargs=IN_PROJECT,
    ),
    "exhibition:detail": Rule(OK, kwargs=EXHIBITION),
    "exhibition:register": Rule(OK, kwargs=EXHIBITION),
    # Without a hold in the session the code page sends the visitor to the form.
    "exhibition:confirm": Rule(REDIRECT, kwargs=EXHIBITION),
    "exhibition:feedback": Rule(OK, kwargs=EXHIBITION),
    "exhibition:feedback_qr": Rule(OK, kwargs=EXHIBITION),
    "exhibition:registered": Rule(OK, kwargs="registration"),
    "exhibition:check_in": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": "registration"}
    ),
    "exhibition:stand": Rule(OK, kwargs="stand_key"),
    "exhibition:stand_qr": Rule(OK, kwargs="stand_key"),
    "exhibition:stand_banner": Rule(OK, kwargs="stand_key"),
    "exhibition:stand_photo": Rule(OK, kwargs="stand_photo"),
    "exhibition:stand_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "stand"}),
    "exhibition:round_table_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": EXHIBITION}),
    "exhibition:round_table_edit": Rule(**vars(only(Role.STAFF)) | {"kwargs": "round_table"}),
    "exhibition:manage": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": EXHIBITION}),
    "exhibition:participants": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": EXHIBITION}
    ),
    "exhibition:letters": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": EXHIBITION}),
    "exhibition:letters_zip": Rule(
        **vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": EXHIBITION}
    ),
    "exhibition:letter_render": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs="letter"
    ),
    "exhibition:letter_pdf": Rule(**vars(only(Role.STAFF, Role.OPERATOR)) | {"kwargs": "letter"}),
    # --- reports ---
    "reports:dashboard": Rule(**vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:snapshot": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=IN_PROJECT
    ),
    "reports:indicator": Rule(
        **vars(only(Role.OPERATOR, Role.STAFF))
        | {"kwargs": IN_PROJECT | {"code": "applications_received"}}
    ),
    "reports:indicator_enter": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": NOT_ALLOWED},
        kwargs=IN_PROJECT | {"code": "rules_approved"},
    ),
    "reports:indicator_evidence": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "operator": NOT_FOUND, "staff": NOT_FOUND},
        kwargs=IN_PROJECT | {"code": "rules_approved"},
    ),
    "reports:budget": Rule(**vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:expense_add": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:expense_file": Rule(
        **vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": "budget_expense"}
    ),
    "reports:files": Rule(**vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:narratives": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:narrative_save": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "staff": NOT_ALLOWED},
        kwargs=IN_PROJECT | {"number": 1},
    ),
    "reports:request": Rule(
        FORBIDDEN,
        {"anonymous": LOGIN, "operator": NOT_ALLOWED, "staff": NOT_ALLOWED},
        kwargs=IN_PROJECT,
    ),
    "reports:file_status": Rule(
        **vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": "report_file"}
    ),
    # The annexes' pages and the photos' thumbnails: staff only.
    "reports:annex_photos": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:annex_photo_choose": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=IN_PROJECT
    ),
    "reports:annex_photo_upload": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=IN_PROJECT
    ),
    "reports:annex_photo_thumbnail": Rule(**vars(only(Role.STAFF)) | {"kwargs": "annex_photo"}),
    "reports:annex_documents": Rule(**vars(only(Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:annex_document_delete": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs=IN_PROJECT | {"pk": 1}
    ),
    "reports:annex_document_file": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_FOUND}, kwargs=IN_PROJECT | {"pk": 999999}
    ),
    "reports:consistency": Rule(**vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": IN_PROJECT}),
    "reports:file_submit": Rule(
        FORBIDDEN, {"anonymous": LOGIN, "staff": NOT_ALLOWED}, kwargs="report_file"
    ),
    # --- open data: public files and feeds, the same for everyone, no login ---
    "open_data:index": Rule(OK),
    "open_data:grants": Rule(OK, kwargs={"fmt": "json"}),
    "open_data:grants_in": Rule(OK, kwargs={"lang": "ru", "fmt": "xlsx"}),
    "open_data:project_grants": Rule(OK, kwargs={**PROJECT, "fmt": "csv"}),
    "open_data:project_grants_in": Rule(OK, kwargs={"lang": "en", **PROJECT, "fmt": "json"}),
    "open_data:calls": Rule(OK, kwargs={"fmt": "atom"}),
    "open_data:calls_in": Rule(OK, kwargs={"lang": "ru", "fmt": "json"}),
    "api:index": API,
    # The documentation is a page for people: logged out, the login form.
    "api:docs": only(Role.STAFF, Role.OPERATOR),
    "api:schema": API,
    "api:schema_json": API,
    "api:schema_yaml": API,
    "api:projects": API,
    "api:indicators": Rule(**vars(API) | {"kwargs": IN_PROJECT}),
    "api:snapshots": Rule(**vars(API) | {"kwargs": IN_PROJECT | {"code": "applications_received"}}),
    "api:budget": Rule(**vars(API) | {"kwargs": IN_PROJECT}),
    "api:competitions": Rule(**vars(API) | {"kwargs": IN_PROJECT}),
    "api:results": Rule(**vars(API) | {"kwargs": IN_PROJECT | {"slug": "jastarurban-2025"}}),
    "reports:file_download": Rule(
        **vars(only(Role.OPERATOR, Role.STAFF)) | {"kwargs": "report_file"}
    ),
}


def media_exhibition_objects() -> dict:
    """The demo's media and exhibition objects, with files under the test's MEDIA_ROOT."""
    from exhibition.letters import letter_render
    from exhibition.models import Letter, Registration, RoundTable, Stand, StandPhoto
    from media_campaign.models import Post, Promotion, Publication, Video

    stand = Stand.objects.order_by("position").first()
    stand.banner.save("banner.pdf", ContentFile(b"%PDF-1.7 banner"), save=False)
    stand.banner_type = "application/pdf"
    stand.save()
    photo = StandPhoto.objects.create(
        stand=stand, image=ContentFile(b"\xff\xd8\xff\xe0 photo", name="photo.jpg")
    )
    letter = Letter.objects.order_by("sequence").first()
    Letter.objects.exclude(pk=letter.pk).update(pdf="")
    letter_render(letter=letter)
    return {
        "video": IN_PROJECT | {"pk": Video.objects.order_by("pk").first().pk},
        "post": IN_PROJECT | {"pk": Post.objects.order_by("pk").first().pk},
        "publication": IN_PROJECT | {"pk": Publication.objects.order_by("pk").first().pk},
        "promotion": IN_PROJECT | {"pk": Promotion.objects.order_by("pk").first().pk},
        "registration": {"token": Registration.objects.order_by("pk").first().token},
        "stand_key": {"key": stand.key},
        "stand": {"pk": stand.pk},
        "stand_photo": {"pk": photo.pk},
        "letter": {"pk": letter.pk},
        "round_table": {"slug": "jastarurban-2025", "pk": RoundTable.objects.get().pk},
    }


def url_patterns(patterns=None, namespace=""):
    """Yields (name, pattern) for every named URL, namespaces included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from url_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            label = pattern.name or f"<unnamed {pattern.pattern}>"
            yield (f"{namespace}:{label}" if namespace else label), pattern


def admin_url(name: str, pattern: URLPattern, staff) -> tuple[str, str]:
    """A URL for an admin pattern and the outcome GAMO staff should get there."""
    params = list(pattern.pattern.converters) or list(pattern.pattern.regex.groupindex)
    model_admin = getattr(pattern.callback, "model_admin", None)
    if pattern.name is None:
        # The admin's catch-all: unknown admin addresses.
        return "/admin/no-such-page/", NOT_FOUND
    if name == "admin:autocomplete":
        # Without its query parameters the autocomplete refuses everyone.
        return reverse(name), FORBIDDEN
    if name in ("admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode"):
        # A person's app key and QR code are shown to nobody (OTP_ADMIN_HIDE_SENSITIVE_DATA).
        return reverse(name, args=[1]), FORBIDDEN
    if name == "admin:app_list":
        return reverse(name, kwargs={"app_label": "competitions"}), OK
    if name == "admin:view_on_site":
        return reverse(name, kwargs={"content_type_id": 1, "object_id": 1}), NOT_FOUND
    if name == "admin:auth_user_password_change":
        from accounts.models import User

        return reverse(name, args=[User.objects.order_by("pk").first().pk]), OK
    if model_admin is None:
        assert not params, f"admin pattern {name} needs a rule for {params}"
        return reverse(name), OK
    request = RequestFactory().get("/admin/")
    request.user = staff
    if name.endswith("_add"):
        allowed = model_admin.has_add_permission(request)
    elif name.endswith("_delete"):
        allowed = model_admin.has_delete_permission(request)
    else:
        allowed = model_admin.has_view_or_change_permission(request)
    expected = OK if allowed else FORBIDDEN
    if not params:
        return reverse(name), expected
    instance = model_admin.model._default_manager.order_by("pk").first()
    if instance is None:
        # A missing object: the admin redirects with a message, or refuses without rights.
        missing_ok = expected == OK or name.endswith("_history")
        return reverse(name, args=["999999"]), REDIRECT if missing_ok else FORBIDDEN
    return reverse(name, args=[str(instance.pk)]), expected


def outcome(response) -> str:
    if response.status_code in (301, 302):
        location = urlparse(response["Location"]).path
        if location in (reverse("accounts:login"), reverse("admin:login")):
            return LOGIN
        return REDIRECT
    return str(response.status_code)


@pytest.fixture
def people(db):
    return {"anonymous": None} | {
        role.value: UserFactory(roles=[role], email=f"{role.value}@matrix.kz") for role in Role
    }


@pytest.fixture
def objects(full_demo, people):
    _project, competition = full_demo
    draft = Application.objects.create(competition=competition, applicant=people["applicant"])
    attachment = Attachment.objects.create(
        application=draft,
        file=ContentFile(b"%PDF-1.7", name="sketch.pdf"),
        original_name="sketch.pdf",
        content_type=Attachment.Kind.PDF,
        size=8,
    )
    member = CommissionMember.objects.create(
        competition=competition, expert=people["expert"], declaration_accepted_at=timezone.now()
    )
    assignment = Assignment.objects.create(
        application=draft, member=member, conflict=Assignment.Conflict.NONE
    )
    review = Review.objects.create(assignment=assignment)
    project = GranteeProject.objects.order_by("pk").first()
    report = project.reports.order_by("number").first()
    expense = GranteeExpense.objects.filter(report=report).first()
    training = Training.objects.order_by("pk").first()
    budget_expense = ProjectExpense.objects.filter(line__project__slug="jastarurban").first()
    budget_expense.file.save("act.pdf", ContentFile(b"%PDF-1.7"))
    api_token_create(user=people["operator"])
    report_file = ReportFile.objects.create(
        project=_project,
        kind=ReportFile.Kind.APPLICATIONS,
        format=ReportFile.Format.XLSX,
        status="done",
        sha256="0" * 64,
        file=ContentFile(b"PK", name="list.xlsx"),
    )
    return {
        "project": {"pk": project.pk},
        "agreement": {"pk": project.agreement.pk},
        "report": {"pk": report.pk},
        "expense": {"pk": expense.pk},
        "photo": {"pk": report.photos.first().pk},
        "annex_photo": IN_PROJECT | {"source": "grantee", "pk": report.photos.first().pk},
        "budget_line": {"pk": expense.line_id},
        "milestone": {"pk": project.milestones.first().pk},
        "payment": {"pk": project.disbursements.first().pk},
        "training": {"pk": training.pk},
        "training_day": {"pk": training.days.first().pk},
        "material": {"pk": Material.objects.order_by("pk").first().pk},
        "participant": {"token": Participant.objects.filter(feedback__isnull=False).first().token},
        DRAFT: {"pk": draft.pk},
        DRAFT_FILE: {"pk": draft.pk, "attachment_id": attachment.pk},
        "draft_rows": {"pk": draft.pk, "section": "activity"},
        "draft_teammate": {
            "pk": draft.pk,
            "teammate_id": Teammate.objects.create(
                application=draft,
                full_name="Шақырылған Серіктес",
                phone="+77015550099",
                role="Мүше",
                invited_at=timezone.now(),
                token_expires_at=timezone.now(),
            ).pk,
        },
        "member": {"pk": member.pk},
        "withdraw": {"slug": "jastarurban-2025", "pk": draft.pk},
        "review": {"pk": review.pk},
        **media_exhibition_objects(),
        "budget_expense": IN_PROJECT | {"pk": budget_expense.pk},
        "report_file": IN_PROJECT | {"pk": report_file.pk},
        "api_token": {"pk": ApiToken.objects.get(user=people["operator"]).pk},
        "person": {"pk": people["applicant"].pk},
    }


class RoleClient:
    """One client per role, logged in once: every request starts as a fresh login would,
    with only the session cookie and the session as the login left them. A full login and
    logout per address and role cost most of this test's time."""

    def __init__(self, user):
        self.user = user
        self.client = Client()
        self.cookies = SimpleCookie()
        self.session = {}
        self.log_in()

    def log_in(self) -> None:
        self.client.logout()
        if self.user is not None:
            self.client.force_login(self.user)
        self.cookies = deepcopy(self.client.cookies)
        self.session = dict(self.client.session.items()) if self.user is not None else {}

    def get(self, url: str):
        self.client.cookies = deepcopy(self.cookies)
        # A page may have changed or ended the session: log in again, as before every
        # request, so that no address sees what an earlier one left behind.
        if self.user is not None and dict(self.client.session.items()) != self.session:
            self.log_in()
        return self.client.get(url)


# The admin's pages, GAMO staff's most of all, are half of the time: two parts of them.
AREAS = ("portal", "admin 1/2", "admin 2/2")


def rules(people, objects, area: str):
    """(url, rule, name) for every named URL of the area, in the resolver's order: the
    admin's from its own permissions, the others from MATRIX. A pattern without a rule is
    left out (see test_every_url_has_an_access_rule)."""
    admin_patterns = 0
    for name, pattern in url_patterns():
        if name.startswith("admin:"):
            admin_patterns += 1
            if area != f"admin {2 - admin_patterns % 2}/2":
                continue
        elif area != "portal":
            continue
        if name == "admin:login":
            yield reverse(name), Rule(OK, {Role.STAFF.value: REDIRECT}), name
        elif name == "admin:logout":
            yield reverse(name), Rule(REDIRECT, {Role.STAFF.value: NOT_ALLOWED}), name
        elif name.startswith("admin:"):
            url, staff_outcome = admin_url(name, pattern, people[Role.STAFF.value])
            yield url, Rule(LOGIN, {Role.STAFF.value: staff_outcome}), name
        elif name in MATRIX:
            rule = MATRIX[name]
            kwargs = (
                objects.get(rule.kwargs, rule.kwargs)
                if isinstance(rule.kwargs, str)
                else rule.kwargs
            )
            yield reverse(name, kwargs=kwargs), rule, name


def test_every_url_has_an_access_rule():
    missing = [
        f"{name} ({pattern.pattern})"
        for name, pattern in url_patterns()
        if not name.startswith("admin:") and name not in MATRIX
    ]
    assert not missing, "URL patterns without an access rule:\n" + "\n".join(missing)


# Pages each role opens at least in each area (the demo's): the policy check below must
# not go quiet because pages stopped being recognised as HTML.
LEAST_HTML_PAGES = {
    ("anonymous", "portal"): 15,
    ("applicant", "portal"): 20,
    ("expert", "portal"): 15,
    ("mentor", "portal"): 15,
    ("staff", "portal"): 60,
    ("operator", "portal"): 40,
    ("staff", "admin 1/2"): 50,
    ("staff", "admin 2/2"): 80,
}


# One test per role and area, not one for all: xdist's workers share the parts out.
@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_what_it_should_on_every_url(role, area, full_demo, people, objects):
    """And every page the role opens (200) sends the Content-Security-Policy and has no
    inline code (tests/jastarurban/test_csp.py): one pass opens every page once."""
    from tests.jastarurban.test_csp import policy_and_inline_code_failures

    client = RoleClient(people[role])
    failures, policy_failures, html_pages = [], [], 0
    # Several patterns share one address (the admin's catch-all for every model): the
    # outcome of an address is asked once for each expectation it is held to.
    asked = set()
    for url, rule, name in rules(people, objects, area):
        expected = rule.expected(role)
        if (url, expected) in asked:
            continue
        asked.add((url, expected))
        response = client.get(url)
        got = outcome(response)
        if got != expected:
            failures.append(f"{role:<10} {url:<55} expected {expected}, got {got}")
        # The admin's login page is a page for anonymous visitors only.
        is_page = expected == OK and (name != "admin:login" or role == "anonymous")
        if is_page and response.status_code == 200:
            html, found = policy_and_inline_code_failures(f"{role:<10} {url}", response)
            html_pages += html
            policy_failures += found
    assert not failures, "\n".join(failures)
    assert html_pages >= LEAST_HTML_PAGES.get((role, area), 0)
    assert not policy_failures, "Content-Security-Policy:\n" + "\n".join(policy_failures)
