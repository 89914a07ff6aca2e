from datetime import date

import pytest
from django.core.exceptions import ValidationError

from applications.iin import age_on, check_digit, compose_iin, parse_iin


def make_iin(first_eleven: str) -> str:
    """Completes 11 digits with their check digit (for building test numbers)."""
    digit = check_digit(first_eleven)
    assert digit is not None
    return first_eleven + str(digit)


def test_a_valid_number_gives_the_date_of_birth_and_sex():
    iin = parse_iin(make_iin("95031530012"))
    assert iin.birth_date == date(1995, 3, 15)
    assert iin.is_male


def test_the_century_digit_sets_the_century_and_sex():
    assert parse_iin(make_iin("01020250034")).birth_date == date(2001, 2, 2)
    assert not parse_iin(make_iin("01020260034")).is_male


def test_a_number_needing_the_second_checksum_pass_is_valid():
    # 900101 3 0081 1: the first pass gives 10, the second gives the check digit 1.
    first = "90010130081"
    weights = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
    assert sum(int(d) * w for d, w in zip(first, weights, strict=True)) % 11 == 10
    iin = parse_iin("900101300811")
    assert iin.birth_date == date(1990, 1, 1)
    with pytest.raises(ValidationError):
        parse_iin("900101300810")  # what the first pass alone would have accepted


def test_a_wrong_check_digit_is_refused():
    good = make_iin("95031530012")
    bad = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(ValidationError) as error:
        parse_iin(bad)
    assert error.value.code == "iin_checksum"


@pytest.mark.parametrize("century", ["0", "7", "9"])
def test_a_bad_century_digit_is_refused(century):
    with pytest.raises(ValidationError) as error:
        parse_iin(f"950315{century}00123")
    assert error.value.code == "iin_century"


@pytest.mark.parametrize("start", ["950230", "951301", "950000"])
def test_an_impossible_date_is_refused(start):
    with pytest.raises(ValidationError) as error:
        parse_iin(f"{start}300123")
    assert error.value.code == "iin_date"


@pytest.mark.parametrize("typed", ["12345", "95031530012a", "9503153001234"])
def test_anything_but_twelve_digits_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        parse_iin(typed)
    assert error.value.code == "iin_length"


def test_spaces_typed_inside_the_number_are_ignored():
    number = make_iin("95031530012")
    assert parse_iin(f"{number[:6]} {number[6:]}").number == number


def test_age_turns_on_the_birthday_itself():
    born = date(2007, 7, 15)
    assert age_on(born, date(2025, 7, 14)) == 17
    assert age_on(born, date(2025, 7, 15)) == 18
    assert age_on(date(1989, 7, 15), date(2025, 7, 14)) == 35
    assert age_on(date(1989, 7, 15), date(2025, 7, 15)) == 36


@pytest.mark.parametrize(("born", "male"), [(date(1999, 12, 31), True), (date(2004, 2, 29), False)])
def test_a_composed_number_is_valid_and_carries_the_birth_date_and_sex(born, male):
    iin = parse_iin(compose_iin(born, serial=1, male=male))
    assert (iin.birth_date, iin.is_male) == (born, male)
