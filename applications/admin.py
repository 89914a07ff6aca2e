from django.contrib import admin

from applications.models import DeletionRequest


@admin.register(DeletionRequest)
class DeletionRequestAdmin(admin.ModelAdmin):
    """Staff see who asked for their data to be deleted, when, and what was done; the
    record itself is never edited."""

    list_display = ["requested_at", "user", "outcome", "drafts_deleted", "anonymise_after"]
    list_filter = ["outcome"]
    readonly_fields = list_display

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
