from django.contrib import admin

from notifications.models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "person", "channel", "address", "event", "status", "attempts"]
    list_filter = ["channel", "status", "event"]
    search_fields = ["address", "person__full_name", "person__email", "provider_id"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
