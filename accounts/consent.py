from django.utils.translation import gettext_lazy as _

# Bump the version whenever the text changes: each consent records the version agreed to.
CONSENT_VERSION = "2025-06-01"
CONSENT_TEXT = _(
    "I agree that the Civil Alliance of Mangystau Region (GAMO) collects and processes my "
    "personal data to run the competition, under the Law of the Republic of Kazakhstan "
    "“On personal data and their protection”."
)
