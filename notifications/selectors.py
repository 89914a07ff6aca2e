from notifications.events import ALL_CHANNELS, Event
from notifications.models import Delivery
from notifications.notify import address_for, channel_choose, preference_of

# Stands for "any message": what the person would get now for an event that may take any channel.
ANY = Event("any", "transactional", "", channels=ALL_CHANNELS)


def channels_of(person) -> dict:
    """For the preferences page: each channel's address ("" when not usable), the
    person's choice, and the channel a message would take now."""
    preference = preference_of(person)
    current, _address = channel_choose(person, ANY, preference)
    return {
        "addresses": {channel: address_for(person, channel) for channel in ALL_CHANNELS},
        "preference": preference,
        "current": current,
    }


def deliveries_of(person):
    return Delivery.objects.filter(person=person).order_by("-created_at", "-pk")
