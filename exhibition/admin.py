from django.contrib import admin
from django.utils import timezone

from exhibition.models import Exhibition, Feedback, Letter, Registration, RoundTable, Stand


class RoundTableInline(admin.StackedInline):
    model = RoundTable
    extra = 0


@admin.register(Exhibition)
class ExhibitionAdmin(admin.ModelAdmin):
    list_display = ["title", "held_on", "venue", "capacity", "registration_open"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoundTableInline]


@admin.register(Stand)
class StandAdmin(admin.ModelAdmin):
    list_display = ["grantee", "exhibition", "position"]
    list_select_related = ["grantee__application", "exhibition"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "category",
        "organisation",
        "phone",
        "email",
        "confirmed_at",
        "checked_in_at",
    ]
    list_filter = ["category", "exhibition"]
    search_fields = ["full_name", "phone", "email", "organisation"]
    readonly_fields = ["checked_in_at", "checked_in_by", "consent_at", "confirmed_at"]

    def save_model(self, request, obj, form, change):
        # Staff add people they have spoken to: consent and confirmation at once, no code.
        if not change:
            obj.consent_at = obj.consent_at or timezone.now()
            obj.confirmed_at = obj.confirmed_at or timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["number", "recipient_name", "role", "language", "status"]
    list_filter = ["status", "role"]
    readonly_fields = ["year", "sequence", "number", "status", "pdf", "error", "created_by"]

    def has_add_permission(self, request):
        # Numbers are allocated under a lock by the portal's letters page.
        return False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["exhibition", "support_grew", "created_at"]
    list_filter = ["support_grew"]
