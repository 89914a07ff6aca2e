from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import PRIORITY, Position, Role


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class EmailUserManager(UserManager):
    """People log in with their e-mail address, in any letter case."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        # An applicant may have only a phone; everyone else logs in by e-mail.
        if not email and not extra_fields.get("phone"):
            raise ValueError("An e-mail address or a phone is required")
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # A person who signed up by phone has no e-mail: their number names them instead
        # (in backups' natural keys). Such an account has no usable password, so the
        # e-mail and password form cannot open it by number.
        if username and username.startswith("+"):
            return self.get(phone=username, email__isnull=True)
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who logs in. What they may do comes from their role groups."""

    username = None
    first_name = None
    last_name = None
    # Optional for applicants who sign up by phone; NULL, not "", so many can have none.
    email = models.EmailField(_("e-mail"), unique=True, null=True, blank=True)
    full_name = models.CharField(_("full name"), max_length=200)
    # E.164 (accounts/phones.py); one number, one account.
    phone = models.CharField(_("phone"), max_length=20, unique=True, null=True, blank=True)
    phone_confirmed_at = models.DateTimeField(
        _("phone confirmed"),
        null=True,
        blank=True,
        help_text=_("Set when its owner typed the code sent to it; only then it logs in."),
    )
    language = models.CharField(
        _("interface language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    position = models.CharField(
        _("position at GAMO"),
        max_length=20,
        choices=Position.choices,
        blank=True,
        help_text=_("Staff only: directors approve payments and awards, accountants record money."),
    )
    personal_data_consent_at = models.DateTimeField(
        _("consent to personal-data processing given"), null=True, blank=True
    )
    personal_data_consent_version = models.CharField(
        _("version of the consent text"), max_length=20, blank=True
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email or self.phone or ""

    def clean(self):
        super().clean()
        # AbstractUser.clean turns a missing e-mail into "", which two accounts cannot share.
        self.email = self.email or None
        self.phone = self.phone or None

    def natural_key(self) -> tuple[str]:
        return (self.email or self.phone,)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else (self.email or self.phone or "")

    @property
    def phone_confirmed(self) -> bool:
        return bool(self.phone and self.phone_confirmed_at)

    @cached_property
    def roles(self) -> frozenset[Role]:
        names = {group.name for group in self.groups.all()}
        roles = {role for role in Role if role.value in names}
        if self.is_superuser:
            roles.add(Role.STAFF)
        return frozenset(roles)

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def has_position(self, *positions: Position) -> bool:
        """A staff member in one of these positions (a superuser is not one by default:
        four eyes need two named people)."""
        return self.position in positions and Role.STAFF in self.roles

    @property
    def main_role(self) -> Role | None:
        return next((role for role in PRIORITY if role in self.roles), None)


class ApiToken(models.Model):
    """A person's key to the operator's JSON API (/api/v1/), one per person.

    Only a SHA-256 digest of the key is kept (accounts/api_tokens.py): the key is shown once,
    when it is made, and a copy of the database does not open the API. The key is 256 random
    bits, so a plain hash without salt or stretching is enough to make it unguessable back.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_token",
        verbose_name=_("person"),
    )
    prefix = models.CharField(
        _("beginning of the key"),
        max_length=12,
        help_text=_("Shown so the person knows which key this is; it opens nothing."),
    )
    digest = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_on = models.DateField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class CodePurpose(models.TextChoices):
    """What a one-time SMS code opens; a code checks only for the purpose it was sent for."""

    LOGIN = "login", _("log in")
    SIGNUP = "signup", _("sign up")
    PHONE_CONFIRM = "phone_confirm", _("confirm a phone")
    MEMBER_CONFIRM = "member_confirm", _("confirm team membership")


class PhoneCode(models.Model):
    """One six-digit code sent by SMS (accounts/codes.py).

    Only a keyed hash of the code is kept (HMAC with SECRET_KEY): a copy of the database
    opens nothing, and checking a code costs no password hash. Rows stay an hour after they
    are made, as they count towards the sending limits, and are then deleted
    (accounts.tasks.delete_old_phone_codes).
    """

    phone = models.CharField(_("phone"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=20, choices=CodePurpose.choices)
    digest = models.CharField(_("HMAC of the code"), max_length=64)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("wrong attempts"), default=0)
    spent_at = models.DateTimeField(
        _("used or voided"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the code was used, replaced by a new one, or guessed wrong too often."
        ),
    )

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        indexes = [
            models.Index(fields=["phone", "-created_at"], name="phonecode_phone_recent"),
            models.Index(fields=["ip", "-created_at"], name="phonecode_ip_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.phone}"
