from django.contrib import admin

from mentoring.models import (
    AgendaItem,
    GranteeProject,
    Material,
    Meeting,
    Training,
    TrainingDay,
)


@admin.register(GranteeProject)
class GranteeProjectAdmin(admin.ModelAdmin):
    list_display = ["application", "award_kzt", "mentor", "status", "outcome"]
    list_filter = ["status", "outcome", "application__competition"]
    list_select_related = ["application", "mentor"]
    readonly_fields = ["application", "award_kzt"]

    def has_add_permission(self, request):
        return False


class TrainingDayInline(admin.TabularInline):
    model = TrainingDay
    extra = 0


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "venue", "trainer"]
    inlines = [TrainingDayInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["day", "starts_at", "topic"]


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "language", "published"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["project", "held_on", "format", "project_state"]
    list_select_related = ["project__application"]
