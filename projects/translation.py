"""Which model texts exist in Kazakh, Russian and English (django-modeltranslation).

Each listed field gets `_kk`, `_ru` and `_en` columns; reading the plain field
gives the active language, falling back to Kazakh, then Russian.
"""

from modeltranslation.translator import TranslationOptions, register

from projects import models


@register(models.GrantRecipient)
class GrantRecipientTranslation(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "legal_address",
        "actual_address",
        "head_position",
        "activities",
    )


@register(models.PastProject)
class PastProjectTranslation(TranslationOptions):
    fields = ("title", "funder", "results")


@register(models.GrantProject)
class GrantProjectTranslation(TranslationOptions):
    fields = (
        "title",
        "operator_name",
        "region",
        "goal",
        "summary",
        "relevance",
        "expected_results",
    )


@register(models.ProjectTask)
class ProjectTaskTranslation(TranslationOptions):
    fields = ("text",)


@register(models.TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("task", "title", "result", "place")


@register(models.BudgetLine)
class BudgetLineTranslation(TranslationOptions):
    fields = ("name", "justification")


@register(models.Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "measurement")
