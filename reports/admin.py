from django.contrib import admin

from projects.admin import IndicatorAdmin
from projects.models import Indicator
from reports.forms import IndicatorAdminForm
from reports.models import IndicatorSnapshot, ReportFile

# competitions registers the indicator admin but cannot know the sources (reports is a
# higher layer); the same admin is registered again here with the registry's choices.
# Django imports admin modules in INSTALLED_APPS order, so competitions' comes first.
admin.site.unregister(Indicator)


@admin.register(Indicator)
class IndicatorWithSourcesAdmin(IndicatorAdmin):
    form = IndicatorAdminForm


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(admin.ModelAdmin):
    """Snapshots are history: readable, never edited by hand."""

    list_display = ["indicator", "taken_on", "value", "is_manual"]
    list_filter = ["taken_on"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportFile)
class ReportFileAdmin(admin.ModelAdmin):
    list_display = ["kind", "format", "language", "status", "requested_by", "requested_at"]
    list_filter = ["status", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
