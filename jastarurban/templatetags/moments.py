from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.filter
def saved_moment(value) -> str:
    """When a form was last saved: the time alone if today, the date too if earlier
    ("Saved at 14:02:31" for a draft left last week read as saved an hour ago)."""
    if not value:
        return ""
    moment = timezone.localtime(value)
    if moment.date() == timezone.localdate():
        return date_format(moment, "H:i:s")
    return date_format(moment, "d.m.Y H:i")
