"""The village picker's list: district (аудан or city) first, then the village within it.

Every place an applicant may live in is named once, Kazakh first with the Russian name
second. The list is served once as JSON (cached by the browser under a version); what the
person chose or typed — a district and a village's name — is read back here, so the
application form carries no 500-option list per member and works without JavaScript.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from competitions.models import District, RuralDistrict, Settlement

# People live in villages and towns; winter camps, sidings and "other" places (wells,
# farm buildings, oil platforms) are KATO entries nobody gives as a home.
SELECTABLE_KINDS = [Settlement.Kind.VILLAGE, Settlement.Kind.TOWN]
# Bumped when the JSON's shape changes, so browsers fetch the new shape under a new address.
LIST_FORMAT = 3

# Python sorts Ә, Ғ, Қ… after Я; people look for them next to А, Г, К…
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_ORDER = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}


def kazakh_sort_key(text: str) -> tuple:
    return tuple(_ORDER.get(char, 100 + ord(char)) for char in text.casefold())


def selectable_places():
    return (
        Settlement.objects.filter(kind__in=SELECTABLE_KINDS)
        .select_related("district", "rural_district")
        .order_by("kato_code")
    )


VERSION_KEY = f"places:version:{LIST_FORMAT}"


def places_version() -> str:
    """A fingerprint of everything the list shows, in every language.

    Kept in the cache, so a page pays no query for it; any save or delete of a place, a
    district or a rural district (the admin), and any migration, forgets it
    (competitions.apps), so a changed list gets a new address the browser has not cached.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        digest = hashlib.sha256(str(LIST_FORMAT).encode())
        for rows in (
            Settlement.objects.filter(kind__in=SELECTABLE_KINDS)
            .order_by("pk")
            .values_list("pk", "district_id", "rural_district_id", "name_kk", "name_ru", "name_en"),
            District.objects.order_by("pk").values_list(
                "pk", "kind", "name_kk", "name_ru", "name_en"
            ),
            RuralDistrict.objects.order_by("pk").values_list("pk", "name_kk", "name_ru", "name_en"),
        ):
            digest.update(repr(list(rows)).encode())
        version = digest.hexdigest()[:10]
        cache.set(VERSION_KEY, version, timeout=None)
    return version


def forget_places_version(**_kwargs) -> None:
    cache.delete(VERSION_KEY)


def _names(place: Settlement) -> tuple[str, str]:
    kazakh = (place.name_kk or place.name_ru or place.name or "").strip()
    russian = (place.name_ru or "").strip()
    return kazakh, russian


def _two_names(place: Settlement) -> str:
    kazakh, russian = _names(place)
    return kazakh if not russian or russian == kazakh else f"{kazakh} ({russian})"


@dataclass(frozen=True)
class Place:
    pk: int
    district_pk: int
    name: str  # unique within its district: "Қызылсай (Кызылсай)"
    label: str  # unique in the whole list: "Қызылсай (Кызылсай) — Жаңаөзен қалалық әкімдігі"
    kazakh: str
    russian: str
    district_names: tuple[str, ...]


@dataclass
class PlaceBook:
    """Districts in the order the picker shows them, and the places of each."""

    districts: list[tuple[int, str]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    by_pk: dict[int, Place] = field(default_factory=dict)


def _build() -> PlaceBook:
    """Every selectable place with a name unique in its district, in the active language.

    Two villages of one district with one name (Жанбике, Теректі in Бейнеу district) have
    different KATO codes under different rural districts: they are two places, and the
    name then says the rural district, so no two lines of a district read the same.
    """
    places = list(selectable_places())
    names = [_two_names(place) for place in places]
    for clarify in (
        lambda place, name: (
            f"{name}, {place.rural_district.name}" if place.rural_district else name
        ),
        lambda place, name: f"{name} ({place.kato_code})",
    ):
        counts = Counter(
            (place.district_id, name) for place, name in zip(places, names, strict=True)
        )
        names = [
            clarify(place, name) if counts[(place.district_id, name)] > 1 else name
            for place, name in zip(places, names, strict=True)
        ]
    book = PlaceBook()
    districts = {}
    for place, name in zip(places, names, strict=True):
        district = place.district
        districts[district.pk] = district
        kazakh, russian = _names(place)
        item = Place(
            pk=place.pk,
            district_pk=district.pk,
            name=name,
            label=f"{name} — {district.name}",
            kazakh=kazakh,
            russian=russian,
            district_names=tuple(
                text.casefold()
                for text in (district.name_kk, district.name_ru, district.name_en)
                if text
            ),
        )
        book.places.append(item)
        book.by_pk[item.pk] = item
    book.places.sort(key=lambda item: kazakh_sort_key(item.name))
    # The two cities first (most people), then the districts, each alphabetically.
    book.districts = [
        (district.pk, district.name)
        for district in sorted(
            districts.values(),
            key=lambda d: (d.kind != District.Kind.CITY, kazakh_sort_key(d.name)),
        )
    ]
    return book


_books: dict[tuple[str, str], PlaceBook] = {}


def place_book() -> PlaceBook:
    """The list in the active language, built once per version (one small query a call)."""
    key = (places_version(), get_language() or "kk")
    if key not in _books:
        if len(_books) > 8:  # old versions of the list
            _books.clear()
        _books[key] = _build()
    return _books[key]


def place_item(place: Settlement) -> Place | None:
    return place_book().by_pk.get(place.pk)


def place_label(place: Settlement) -> str:
    """The place's line in the whole list: its name and its district."""
    item = place_item(place)
    return item.label if item else f"{_two_names(place)} — {place.district.name}"


class PlaceNotFound(ServiceError):
    """No place, or more than one, answers to the name given; `message` says which."""


def _fold(text: str) -> str:
    return " ".join(text.replace("ё", "е").casefold().split())


def _by_name(places: list[Place], text: str) -> list[Place]:
    """Places whose line in the list, or whose Kazakh or Russian name, is `text`."""
    folded = _fold(text)
    exact = [place for place in places if folded in (_fold(place.name), _fold(place.label))]
    if exact:
        return exact
    bare = _fold(text.split(" (")[0])
    return [place for place in places if bare in (_fold(place.kazakh), _fold(place.russian))]


def place_find(text: str, district: str | int | None = None) -> Settlement:
    """The place a person chose: a district and a village's name typed or picked in it.

    Without a district (no JavaScript and the district left unchosen, or an older draft)
    the whole list's line "Village — District" or a name only one place has will do.
    """
    found = place_match(text, district)
    return Settlement.objects.select_related("district").get(pk=found.pk)


def place_match(text: str, district: str | int | None = None) -> Place:
    """As `place_find`, from the cached list alone (no query): raises PlaceNotFound."""
    text = text.strip()
    book = place_book()
    district_pk = int(district) if str(district or "").isdigit() else None
    district_name = dict(book.districts).get(district_pk)
    if text.isdigit():
        found = [place for place in book.places if place.pk == int(text)]
    elif district_name:
        found = _by_name([p for p in book.places if p.district_pk == district_pk], text)
        if not found:
            # A line of the whole list typed in full names its own district.
            found = [p for p in book.places if _fold(p.label) == _fold(text)]
        if not found:
            raise PlaceNotFound(
                _(
                    "There is no village called “%(name)s” in %(district)s: check the "
                    "district, or choose the village from the list."
                )
                % {"name": text, "district": district_name}
            )
    else:
        found = _by_name(book.places, text)
        if not found:
            name, _sep, where = text.partition(" — ")
            where = _fold(where.split(",")[0])
            found = [
                place
                for place in _by_name(book.places, name)
                if where and any(d.startswith(where) for d in place.district_names)
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
    return found[0]
