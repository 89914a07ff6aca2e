from django import template

from accounts.phones import phone_display

register = template.Library()

# {{ number|phone }}: +77011234567 → +7 701 123 45 67, never broken across lines.
register.filter("phone", phone_display)
