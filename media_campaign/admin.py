from django.contrib import admin

from media_campaign.models import Post, PostSnapshot, Promotion, Publication, Video


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


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "kind", "published_on"]
    list_filter = ["kind"]


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):
    list_display = ["video", "platform", "starts_on", "ends_on", "budget_kzt", "reach"]
    list_filter = ["platform"]
    list_select_related = ["video"]
