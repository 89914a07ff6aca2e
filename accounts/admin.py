from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.phones import normalize_phone


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class UserEditForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone")) or None


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["full_name"]
    list_display = ["email", "full_name", "phone", "is_active", "is_staff"]
    list_filter = ["groups", "position", "is_active", "is_staff", "is_superuser"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Person"),
            {"fields": ["full_name", "phone", "phone_confirmed_at", "language", "delivery_log"]},
        ),
        (
            _("Consent"),
            {"fields": ["personal_data_consent_at", "personal_data_consent_version"]},
        ),
        (_("Roles"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "position"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = [
        "phone_confirmed_at",
        "personal_data_consent_at",
        "personal_data_consent_version",
        "delivery_log",
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "usable_password", "password1", "password2"],
            },
        ),
    ]

    @admin.display(description=_("Delivery log"))
    def delivery_log(self, user):
        if not user.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}?person__id__exact={}">{}</a>',
            reverse("accounts:person_deliveries", args=[user.pk]),
            _("Messages sent to this person"),
            reverse("admin:notifications_delivery_changelist"),
            user.pk,
            _("in the administration"),
        )

    def save_model(self, request, obj, form, change):
        # A number typed by staff is not confirmed by its owner: it logs nobody in.
        if "phone" in form.changed_data:
            obj.phone_confirmed_at = None
        super().save_model(request, obj, form, change)
