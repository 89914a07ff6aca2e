"""The village picker's list: every place an applicant may live in, named once, Kazakh first.

The list is served once as JSON (cached by the browser under a version) and a typed name is
read back here, so the applicant's form carries no 500-option list per member.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from competitions.models import Settlement

# People live in villages and towns; winter camps, sidings and "other" places (wells,
# farm buildings, oil platforms) are KATO entries nobody gives as a home.
SELECTABLE_KINDS = [Settlement.Kind.VILLAGE, Settlement.Kind.TOWN]


def selectable_places():
    return (
        Settlement.objects.filter(kind__in=SELECTABLE_KINDS)
        .select_related("district", "rural_district")
        .order_by("district__name", "name_kk", "name_ru", "kato_code")
    )


def places_version() -> str:
    """Changes whenever the list does (places are only ever added or re-kinded by migrations)."""
    figures = Settlement.objects.filter(kind__in=SELECTABLE_KINDS).aggregate(
        count=Count("pk"), last=Max("pk")
    )
    raw = f"{figures['count']}-{figures['last']}-2"
    return hashlib.sha256(raw.encode()).hexdigest()[:10]


def _names(place: Settlement) -> tuple[str, str]:
    kazakh = (place.name_kk or place.name_ru or place.name or "").strip()
    russian = (place.name_ru or "").strip()
    return kazakh, russian


def _base_label(place: Settlement) -> str:
    kazakh, russian = _names(place)
    name = kazakh if not russian or russian == kazakh else f"{kazakh} ({russian})"
    return f"{name} — {place.district.name}"


@dataclass(frozen=True)
class Place:
    pk: int
    label: str
    kazakh: str
    russian: str
    district_names: tuple[str, ...]


def _with_rural_district(place: Settlement, label: str) -> str:
    return f"{label}, {place.rural_district.name}" if place.rural_district else label


def _with_code(place: Settlement, label: str) -> str:
    return f"{label} ({place.kato_code})"


def place_list() -> list[Place]:
    """Every selectable place with a label unique in the active language.

    Two villages of one district with one name (Жанбике, Теректі…) lie in different rural
    districts: the label names the rural district then, so no two lines read the same.
    """
    places = list(selectable_places())
    labels = [_base_label(place) for place in places]
    for clarify in (
        lambda place, label: (
            f"{label}, {place.rural_district.name}" if place.rural_district else label
        ),
        lambda place, label: f"{label} ({place.kato_code})",
    ):
        counts = Counter(labels)
        labels = [
            clarify(place, label) if counts[label] > 1 else label
            for place, label in zip(places, labels, strict=True)
        ]
    result = []
    for place, label in zip(places, labels, strict=True):
        kazakh, russian = _names(place)
        result.append(
            Place(
                pk=place.pk,
                label=label,
                kazakh=kazakh,
                russian=russian,
                district_names=tuple(
                    name.casefold()
                    for name in (
                        place.district.name_kk,
                        place.district.name_ru,
                        place.district.name_en,
                    )
                    if name
                ),
            )
        )
    return result


def place_label(place: Settlement) -> str:
    for item in place_list():
        if item.pk == place.pk:
            return item.label
    return _base_label(place)


class PlaceNotFound(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _fold(text: str) -> str:
    return " ".join(text.replace("ё", "е").casefold().split())


def place_find(text: str) -> Settlement:
    """The place a typed line names: a label from the list, or a village's own name.

    A bare name that several places share asks for the district, which the list shows.
    """
    text = text.strip()
    places = place_list()
    if text.isdigit():
        found = [place for place in places if place.pk == int(text)]
    else:
        folded = _fold(text)
        found = [place for place in places if _fold(place.label) == folded]
        if not found:
            name, _sep, district = text.partition(" — ")
            name = _fold(name.split(" (")[0])
            district = _fold(district.split(",")[0])
            found = [
                place
                for place in places
                if name in (_fold(place.kazakh), _fold(place.russian))
                and (not district or any(d.startswith(district) for d in place.district_names))
            ]
    if not found:
        raise PlaceNotFound(
            _("There is no village called “%(name)s” in the list: choose one from the list.")
            % {"name": text}
        )
    if len(found) > 1:
        raise PlaceNotFound(
            _("Several places are called “%(name)s”: choose the one in your district.")
            % {"name": text}
        )
    return Settlement.objects.select_related("district").get(pk=found[0].pk)
