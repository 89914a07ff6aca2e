from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import (
    views,
    views_api_token,
    views_notifications,
    views_phone,
    views_two_factor,
)

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("login/phone/", views_phone.phone_login, name="phone_login"),
    path("login/phone/code/", views_phone.phone_login_code, name="phone_login_code"),
    path("signup/", views_phone.phone_signup, name="phone_signup"),
    path("signup/code/", views_phone.phone_signup_code, name="phone_signup_code"),
    path("signup/with-number/", views_phone.phone_signup_offer, name="phone_signup_offer"),
    path("phone/", views_phone.phone_add, name="phone_add"),
    path("phone/code/", views_phone.phone_add_code, name="phone_add_code"),
    path("register/", views.register, name="register"),
    path("register/done/", views.register_done, name="register_done"),
    path("activate/<str:uidb64>/<str:token>/", views.activate, name="activate"),
    path("home/", views.home, name="home"),
    path("two-factor/", views_two_factor.two_factor, name="two_factor"),
    path("two-factor/setup/", views_two_factor.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views_two_factor.recovery_codes, name="recovery_codes"),
    path("security/", views_two_factor.security, name="security"),
    path(
        "security/recovery-codes/",
        views_two_factor.security_recovery_codes,
        name="security_recovery_codes",
    ),
    path(
        "security/remove-device/",
        views_two_factor.security_device_remove,
        name="security_device_remove",
    ),
    path("notifications/", views_notifications.notification_settings, name="notifications"),
    path(
        "notifications/telegram/connect/",
        views_notifications.telegram_connect,
        name="telegram_connect",
    ),
    path(
        "notifications/telegram/disconnect/",
        views_notifications.telegram_disconnect_view,
        name="telegram_disconnect",
    ),
    path(
        "people/<int:pk>/deliveries/",
        views_notifications.person_deliveries,
        name="person_deliveries",
    ),
    path("api-token/", views_api_token.api_token, name="api_token"),
    path(
        "api-token/<int:pk>/revoke/",
        views_api_token.api_token_revoke_confirm,
        name="api_token_revoke",
    ),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<str:uidb64>/<str:token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
