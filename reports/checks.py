"""System checks: a configured signing key that does not load is found at deploy time, not
when the operator's report fails to build."""

from django.core import checks

from jastarurban.pdf import signing_key_check, signing_key_configured


def report_signing_key(app_configs, **kwargs) -> list[checks.CheckMessage]:
    key = signing_key_configured()
    if key is None:
        return []
    try:
        signing_key_check(key)
    except Exception as error:  # any reason the key fails to load is reported
        return [
            checks.Error(
                f"REPORT_SIGNING_P12 does not load: {error}",
                hint="Set REPORT_SIGNING_P12 to a PKCS#12 file and REPORT_SIGNING_PASSPHRASE "
                "to its passphrase, or unset both to send unsigned PDF/A files.",
                id="reports.E001",
            )
        ]
    return []
