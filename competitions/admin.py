from datetime import timedelta

from django.contrib import admin
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from competitions import models
from competitions.services import competition_copy


class CriterionInline(TranslationTabularInline):
    model = models.Criterion
    extra = 0


class FaqInline(TranslationTabularInline):
    model = models.FaqItem
    extra = 0


class AnnouncementInline(admin.TabularInline):
    model = models.Announcement
    extra = 0


@admin.register(models.Competition)
class CompetitionAdmin(TranslationAdmin):
    list_display = ["title", "project", "opens_at", "closes_at", "award_count", "max_request_kzt"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["eligible_districts"]
    inlines = [CriterionInline, FaqInline, AnnouncementInline]
    actions = ["copy_competition"]

    @admin.action(description=_("Copy as a new competition a year later"))
    def copy_competition(self, request, queryset):
        for competition in queryset:
            copy = competition_copy(
                competition=competition,
                slug=f"{competition.slug}-copy-{competition.pk}",
                opens_at=competition.opens_at + timedelta(days=365),
                closes_at=competition.closes_at + timedelta(days=365),
            )
            self.message_user(
                request, _("Copied as “%(slug)s”; edit its dates and texts.") % {"slug": copy.slug}
            )


@admin.register(models.District)
class DistrictAdmin(TranslationAdmin):
    list_display = ["name", "kind", "kato_code"]
    search_fields = ["name", "name_ru", "kato_code"]


@admin.register(models.RuralDistrict)
class RuralDistrictAdmin(TranslationAdmin):
    list_display = ["name", "district", "kato_code"]
    list_filter = ["district"]
    search_fields = ["name", "name_ru", "kato_code"]
    list_select_related = ["district"]


@admin.register(models.Settlement)
class SettlementAdmin(TranslationAdmin):
    list_display = [
        "name",
        "name_ru",
        "kind",
        "district",
        "rural_district",
        "is_centre",
        "kato_code",
    ]
    list_filter = ["kind", "district", "is_centre"]
    search_fields = ["name", "name_ru", "kato_code"]
    list_select_related = ["district", "rural_district"]
