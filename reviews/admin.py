from django.contrib import admin

from reviews.models import Assignment, AuditEvent, CommissionMember, CriterionScore, Review


@admin.register(CommissionMember)
class CommissionMemberAdmin(admin.ModelAdmin):
    list_display = ["expert", "competition", "is_chair", "declaration_accepted_at"]
    list_filter = ["competition"]
    list_select_related = ["expert", "competition"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["application", "member", "conflict", "conflict_kind", "declared_at"]
    list_filter = ["conflict", "member__competition"]
    list_select_related = ["application", "member__expert"]
    readonly_fields = ["conflict", "conflict_kind", "conflict_note", "declared_at"]


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "score", "justification"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["assignment", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["assignment__application", "assignment__member__expert"]
    readonly_fields = ["assignment", "status", "comment", "saved_at", "submitted_at"]
    inlines = [CriterionScoreInline]

    def has_add_permission(self, request):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only for everyone, superusers included."""

    list_display = ["at", "action", "actor", "application_id", "expert_id"]
    list_filter = ["action", "competition"]
    list_select_related = ["actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
