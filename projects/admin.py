from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from projects import models


class ProjectTaskInline(TranslationTabularInline):
    model = models.ProjectTask
    extra = 0


class TargetGroupInline(TranslationTabularInline):
    model = models.TargetGroup
    extra = 0


class ActivityInline(TranslationTabularInline):
    model = models.Activity
    extra = 0
    fields = ["number", "title", "starts_on", "ends_on"]


class PastProjectInline(TranslationTabularInline):
    model = models.PastProject
    extra = 0
    fields = ["position", "title", "funder", "period", "year", "amount_kzt"]


@admin.register(models.GrantRecipient)
class GrantRecipientAdmin(TranslationAdmin):
    list_display = ["short_name", "bin", "head_full_name", "phone", "email"]
    inlines = [PastProjectInline]


@admin.register(models.GrantProject)
class GrantProjectAdmin(TranslationAdmin):
    list_display = ["title", "recipient", "starts_on", "ends_on"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProjectTaskInline, TargetGroupInline, ActivityInline]


@admin.register(models.BudgetLine)
class BudgetLineAdmin(TranslationAdmin):
    list_display = [
        "position",
        "name",
        "section",
        "group",
        "activity",
        "unit",
        "quantity",
        "unit_cost_kzt",
        "total_kzt",
    ]
    list_display_links = ["name"]
    list_filter = ["project", "section", "funding_source"]
    readonly_fields = ["total_kzt"]
    list_select_related = ["activity"]


@admin.register(models.Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["position", "code", "name", "activity", "kind", "target", "unit", "source"]
    list_display_links = ["code"]
    list_filter = ["project", "kind", "activity__number"]
    list_select_related = ["activity"]
