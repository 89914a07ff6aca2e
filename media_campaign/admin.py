from django.contrib import admin

from media_campaign.models import Post, PostSnapshot, Promotion, Publication, Video
from media_campaign.services import campaign_days_refresh
from projects.models import GrantProject


@admin.register(Video)
class VideoAdmin(admin.ModelAdmin):
    list_display = ["title", "grantee", "village", "duration_seconds", "status"]
    list_filter = ["status"]
    list_select_related = ["grantee__application", "village"]


class SnapshotInline(admin.TabularInline):
    model = PostSnapshot
    extra = 0


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["link", "platform", "published_on", "video", "event"]
    list_filter = ["platform"]
    list_select_related = ["video"]
    inlines = [SnapshotInline]

    # The campaign's stored days follow the snapshots and the posts' videos edited or
    # deleted here, as they follow the pages' services.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A post moved to another project leaves the project it was in (the form's
        # initial value) with days to refresh too.
        project_ids = {form.instance.project_id, form.initial.get("project")}
        for project in GrantProject.objects.filter(pk__in=project_ids - {None}):
            campaign_days_refresh(project=project)

    def delete_model(self, request, obj):
        project = obj.project
        super().delete_model(request, obj)
        campaign_days_refresh(project=project)

    def delete_queryset(self, request, queryset):
        projects = list(GrantProject.objects.filter(posts__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for project in projects:
            campaign_days_refresh(project=project)


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "kind", "published_on"]
    list_filter = ["kind"]


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):
    list_display = ["video", "platform", "starts_on", "ends_on", "budget_kzt", "reach"]
    list_filter = ["platform"]
    list_select_related = ["video"]
