"""The shape of an application draft: which keys it may hold and how many rows.

Autosave keeps what the applicant typed without judging the values, but not any
shape: a forged `team-TOTAL_FORMS` of 1 500 made the edit page build 1 500 rows
(a minute and a half of CPU for one request), and `abc` made it fail. A draft keeps
only the form's own keys, row counts are whole numbers no higher than the
formsets' maxima, and the edit page clamps whatever an older draft still holds.
"""

import re

from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from applications.forms import (
    DISTRICT_SUFFIX,
    ApplicationForm,
    DeclarationsForm,
    VillageField,
    activity_formset,
    budget_formset,
)
from competitions.models import Competition

MANAGEMENT_FIELDS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
# Longer than any answer a person types into one box; the textareas are the longest.
MAX_VALUE_LENGTH = 20_000
_ROW_KEY = re.compile(r"^(?P<prefix>[a-z]+)-(?P<index>\d{1,4})-(?P<field>[a-z_]+|DELETE)$")


class DraftRefused(ServiceError):
    """A draft whose shape no form of ours could have sent; the message says what is wrong."""


def row_limits(competition: Competition) -> dict[str, tuple[int, frozenset[str]]]:
    """For each row prefix: the most rows its formset accepts, and the fields of a row."""
    formsets = {
        "activity": activity_formset(),
        "budget": budget_formset(),
    }
    return {
        prefix: (
            formset.max_num,
            frozenset(form_keys(formset.form.base_fields)) | {"DELETE"},
        )
        for prefix, formset in formsets.items()
    }


def form_keys(fields: dict) -> set[str]:
    """A form's field names as posted: a village picker sends its district too."""
    return set(fields) | {
        f"{name}{DISTRICT_SUFFIX}"
        for name, field in fields.items()
        if isinstance(field, VillageField)
    }


def _first(values) -> str:
    if isinstance(values, list):
        return values[0] if values else ""
    return values if isinstance(values, str) else ""


def _count(raw: str, limit: int, *, strict: bool) -> int:
    """A management count as a whole number in 0…limit (refused or clamped)."""
    raw = (raw or "").strip()
    try:
        number = int(raw) if raw else 0
    except ValueError:
        if strict:
            raise DraftRefused(
                _("The form sent a row count that is not a number. Reload the page and try again.")
            ) from None
        return 0
    if strict and not 0 <= number <= limit:
        raise DraftRefused(
            _("The form may hold from 0 to %(limit)s rows here. Reload the page and try again.")
            % {"limit": limit}
        )
    return min(max(number, 0), limit)


def draft_clean(*, competition: Competition, data: dict, strict: bool, lead_iin: str = "") -> dict:
    """Only the keys of the application form, with bounded counts and row numbers.

    `strict` (saving): a count that is not a whole number in range, or an overlong
    value, is refused with `DraftRefused`. Otherwise (showing a stored draft):
    counts are clamped and unknown or out-of-range keys left out.
    Unknown keys (a button's name, anything forged) are never kept.
    A teammate row with `lead_iin`, the lead's own, is dropped (see `without_lead_rows`).
    """
    limits = row_limits(competition)
    clean: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for prefix, (limit, _fields) in limits.items():
        for name in MANAGEMENT_FIELDS:
            key = f"{prefix}-{name}"
            if key in data:
                clean[key] = [str(_count(_first(data[key]), limit, strict=strict))]
        counts[prefix] = int(clean.get(f"{prefix}-TOTAL_FORMS", ["0"])[0])

    main_fields = {name: ApplicationForm.base_fields[name] for name in ApplicationForm.Meta.fields}
    main = {f"main-{key}" for key in form_keys(main_fields)}
    declarations = {f"declare-{field}" for field in DeclarationsForm.base_fields}
    for key, values in data.items():
        value = _first(values)
        if len(value) > MAX_VALUE_LENGTH:
            if strict:
                raise DraftRefused(
                    _("An answer is longer than %(limit)s characters; shorten it.")
                    % {"limit": MAX_VALUE_LENGTH}
                )
            continue
        if key in main or key in declarations:
            clean[key] = [value]
            continue
        match = _ROW_KEY.match(key)
        if not match or match["prefix"] not in limits:
            continue
        _limit, fields = limits[match["prefix"]]
        if match["field"] in fields and int(match["index"]) < counts[match["prefix"]]:
            clean[key] = [value]
    return without_lead_rows(clean, lead_iin) if lead_iin else clean


def _digits(value) -> str:
    return "".join(char for char in _first(value) if char.isdigit())


def without_lead_rows(data: dict, lead_iin: str) -> dict:
    """The form's data without teammate rows that hold the lead's own IIN.

    Before the lead became member 1 (read from their profile), drafts stored the lead as
    a team row; opening or submitting such a draft then met "same IIN". The lead is member
    1 already, so such a row is dropped and the rows after it move up one place.
    """
    count = _count(_first(data.get("team-TOTAL_FORMS")), 10_000, strict=False)
    lead_rows = {
        index for index in range(count) if _digits(data.get(f"team-{index}-iin")) == lead_iin
    }
    if not lead_rows:
        return data
    kept, moved = {}, {}
    rows = [index for index in range(count) if index not in lead_rows]
    new_index = {old: new for new, old in enumerate(rows)}
    for key, value in data.items():
        match = _ROW_KEY.match(key)
        if not match or match["prefix"] != "team":
            kept[key] = value
        elif int(match["index"]) in new_index:
            moved[f"team-{new_index[int(match['index'])]}-{match['field']}"] = value
    kept |= moved
    kept["team-TOTAL_FORMS"] = [str(len(rows))]
    initial = _count(_first(data.get("team-INITIAL_FORMS")), 10_000, strict=False)
    if "team-INITIAL_FORMS" in data:
        kept["team-INITIAL_FORMS"] = [str(min(initial, len(rows)))]
    return kept


def draft_row_count(*, competition: Competition, data: dict, prefix: str) -> tuple[int, int]:
    """How many rows of `prefix` a (clean) draft holds, and the most it may hold."""
    limit = row_limits(competition).get(prefix, (0, None))[0]
    return _count(_first(data.get(f"{prefix}-TOTAL_FORMS")), limit, strict=False), limit
