"""Public open-data addresses. Kazakh without a prefix; /open-data/<lang>/… for a language."""

from django.urls import path, register_converter

from reports.open_data import views


class LanguageConverter:
    regex = "kk|ru|en"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class GrantsFormatConverter(LanguageConverter):
    regex = "json|csv|xlsx"


class FeedFormatConverter(LanguageConverter):
    regex = "atom|json"


register_converter(LanguageConverter, "open_data_lang")
register_converter(GrantsFormatConverter, "grants_format")
register_converter(FeedFormatConverter, "feed_format")

app_name = "open_data"

urlpatterns = [
    path("", views.index, name="index"),
    path("360giving.<grants_format:fmt>", views.grants, name="grants"),
    path("<open_data_lang:lang>/360giving.<grants_format:fmt>", views.grants, name="grants_in"),
    path(
        "projects/<slug:slug>/360giving.<grants_format:fmt>",
        views.grants,
        name="project_grants",
    ),
    path(
        "<open_data_lang:lang>/projects/<slug:slug>/360giving.<grants_format:fmt>",
        views.grants,
        name="project_grants_in",
    ),
    path("calls.<feed_format:fmt>", views.calls, name="calls"),
    path("<open_data_lang:lang>/calls.<feed_format:fmt>", views.calls, name="calls_in"),
]
