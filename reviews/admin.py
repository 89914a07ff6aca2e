from django.contrib import admin

from reviews.models import Assignment, AuditEvent, CommissionMember, CriterionScore, Review
from reviews.services import ranking_changed


class RankingInputAdmin(admin.ModelAdmin):
    """Changing or deleting one of these here (an expert, an assignment, a review: each
    takes its submitted reviews with it) changes the ranking: its version is bumped for the
    competition before and after the change, in the admin's transaction."""

    def competition_id_of(self, obj) -> int:
        raise NotImplementedError

    def _changed(self, *competition_ids) -> None:
        for competition_id in sorted({pk for pk in competition_ids if pk is not None}):
            ranking_changed(competition_id)

    def _before(self, obj) -> int | None:
        if obj.pk is None:
            return None
        stored = type(obj).objects.filter(pk=obj.pk).first()
        return None if stored is None else self.competition_id_of(stored)

    def save_model(self, request, obj, form, change):
        before = self._before(obj)
        super().save_model(request, obj, form, change)
        self._changed(before, self.competition_id_of(obj))

    def delete_model(self, request, obj):
        competition_id = self.competition_id_of(obj)
        super().delete_model(request, obj)
        self._changed(competition_id)

    def delete_queryset(self, request, queryset):
        competition_ids = [self.competition_id_of(obj) for obj in queryset]
        super().delete_queryset(request, queryset)
        self._changed(*competition_ids)


@admin.register(CommissionMember)
class CommissionMemberAdmin(RankingInputAdmin):
    list_display = ["expert", "competition", "is_chair", "declaration_accepted_at"]
    list_filter = ["competition"]
    list_select_related = ["expert", "competition"]

    def competition_id_of(self, obj) -> int:
        return obj.competition_id


@admin.register(Assignment)
class AssignmentAdmin(RankingInputAdmin):
    list_display = ["application", "member", "conflict", "conflict_kind", "declared_at"]
    list_filter = ["conflict", "member__competition"]
    list_select_related = ["application", "member__expert"]
    readonly_fields = ["conflict", "conflict_kind", "conflict_note", "declared_at"]

    def competition_id_of(self, obj) -> int:
        return obj.application.competition_id


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "score", "justification"]


@admin.register(Review)
class ReviewAdmin(RankingInputAdmin):
    list_display = ["assignment", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["assignment__application", "assignment__member__expert"]
    readonly_fields = ["assignment", "status", "comment", "saved_at", "submitted_at"]
    inlines = [CriterionScoreInline]

    def has_add_permission(self, request):
        return False

    def competition_id_of(self, obj) -> int:
        return obj.assignment.application.competition_id


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
