"""Which model texts exist in Kazakh, Russian and English (django-modeltranslation).

Each listed field gets `_kk`, `_ru` and `_en` columns; reading the plain field
gives the active language, falling back to Kazakh, then Russian.
"""

from modeltranslation.translator import TranslationOptions, register

from competitions import models


@register([models.District, models.RuralDistrict, models.Settlement])
class PlaceTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Competition)
class CompetitionTranslation(TranslationOptions):
    fields = ("title", "summary", "eligibility", "funds", "rules")


@register(models.Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description", "levels")


@register(models.FaqItem)
class FaqItemTranslation(TranslationOptions):
    fields = ("question", "answer")
