"""Read-only shapes of the operator's API; they document the OpenAPI schema too."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class DetailSerializer(serializers.Serializer):
    """A refusal: 401, 403 or 404, with the reason."""

    detail = serializers.CharField()


class ProjectSerializer(serializers.Serializer):
    slug = serializers.SlugField(
        help_text=_("The project's short address: every other endpoint is under it.")
    )
    title = serializers.CharField()
    recipient = serializers.CharField(source="recipient.name")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    url = serializers.CharField(help_text=_("The project's indicators endpoint."))


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    activity = serializers.IntegerField(help_text=_("Number of the calendar-plan activity."))
    kind = serializers.CharField()
    unit = serializers.CharField()
    comparison = serializers.ChoiceField(choices=["at_least", "exactly", "between"])
    target = serializers.DecimalField(max_digits=14, decimal_places=2)
    target_max = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_('Upper bound of a target that is a range (comparison "between"); else null.'),
    )
    actual = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("Latest daily snapshot; null while not yet measured."),
    )
    as_of = serializers.DateField(allow_null=True)
    percent = serializers.DecimalField(max_digits=8, decimal_places=0, allow_null=True)
    status = serializers.ChoiceField(choices=["achieved", "on_track", "behind", "not_measured"])
    source = serializers.CharField(help_text=_("Registered computation, or empty."))
    manual = serializers.BooleanField(help_text=_("The value was entered by hand."))


class SnapshotSerializer(serializers.Serializer):
    taken_on = serializers.DateField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    is_manual = serializers.BooleanField()


class BudgetLineSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    name = serializers.CharField()
    activity = serializers.IntegerField(allow_null=True)
    unit = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=12, decimal_places=2)
    unit_cost_kzt = serializers.IntegerField()
    funding_source = serializers.ChoiceField(choices=["grant", "own"])
    plan_kzt = serializers.IntegerField()
    actual_kzt = serializers.IntegerField()
    remaining_kzt = serializers.IntegerField()
    overspent = serializers.BooleanField()


class BudgetSectionSerializer(serializers.Serializer):
    section = serializers.ChoiceField(
        choices=["administrative", "material_technical", "institutional", "direct"]
    )
    plan_kzt = serializers.IntegerField()
    actual_kzt = serializers.IntegerField()
    remaining_kzt = serializers.IntegerField()
    lines = BudgetLineSerializer(many=True)


class BudgetSerializer(serializers.Serializer):
    project = serializers.CharField()
    plan_kzt = serializers.IntegerField()
    actual_kzt = serializers.IntegerField()
    remaining_kzt = serializers.IntegerField()
    grant_kzt = serializers.IntegerField()
    own_kzt = serializers.IntegerField()
    support_kzt = serializers.IntegerField(
        help_text=_("Material-technical support plus institutional development.")
    )
    support_percent = serializers.DecimalField(max_digits=6, decimal_places=2)
    support_within_limit = serializers.BooleanField(help_text=_("At most 10 percent of the grant."))
    sections = BudgetSectionSerializer(many=True)


class CompetitionSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    award_count = serializers.IntegerField()
    applications_received = serializers.IntegerField()
    results_published_at = serializers.DateTimeField(allow_null=True)


class AwardSerializer(serializers.Serializer):
    rank = serializers.IntegerField(allow_null=True)
    registration_number = serializers.CharField()
    title = serializers.CharField()
    village = serializers.CharField()
    district = serializers.CharField()
    amount_kzt = serializers.IntegerField()


class ResultsSerializer(serializers.Serializer):
    competition = serializers.SlugField()
    published_at = serializers.DateTimeField()
    awards = AwardSerializer(many=True)


class EndpointSerializer(serializers.Serializer):
    url = serializers.CharField(
        help_text=_("Absolute address; a part in braces, such as {code}, is to be filled in.")
    )
    summary = serializers.CharField()
    templated = serializers.BooleanField(help_text=_("The address has parts to fill in."))


class SchemaLinksSerializer(serializers.Serializer):
    json = serializers.URLField()
    yaml = serializers.URLField()


class IndexSerializer(serializers.Serializer):
    title = serializers.CharField()
    version = serializers.CharField()
    docs = serializers.URLField(help_text=_("The documentation, for people."))
    schema = SchemaLinksSerializer(help_text=_("The OpenAPI 3 schema, for programs."))
    token = serializers.URLField(help_text=_("The portal page where you make your token."))
    endpoints = EndpointSerializer(many=True)
