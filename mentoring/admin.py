from django.contrib import admin

from mentoring.models import GranteeProject


@admin.register(GranteeProject)
class GranteeProjectAdmin(admin.ModelAdmin):
    list_display = ["application", "award_kzt", "status", "created_at"]
    list_filter = ["status", "application__competition"]
    list_select_related = ["application"]
    readonly_fields = ["application", "award_kzt"]

    def has_add_permission(self, request):
        return False
