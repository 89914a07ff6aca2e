from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.charts import line_chart
from media_campaign import selectors, services
from media_campaign.forms import (
    ImportForm,
    PostForm,
    PromotionForm,
    PublicationForm,
    SnapshotForm,
    VideoForm,
)
from media_campaign.importers import IMPORTERS
from media_campaign.models import (
    EXPECTED_SECONDS,
    POSTS_PER_VIDEO,
    Post,
    Promotion,
    Publication,
    Video,
)
from projects.models import Indicator
from projects.selectors import project_get, projects_all


def _writes_need_staff(request: HttpRequest) -> bool:
    """The operator reads every staff page; only GAMO staff write."""
    can_write = request.user.has_role(Role.STAFF)
    if request.method == "POST" and not can_write:
        raise PermissionDenied
    return can_write


POSTS_PAGE_SIZE = 50


@role_required(Role.STAFF, Role.OPERATOR)
def legacy(request: HttpRequest) -> HttpResponse:
    """/media/ before projects were named in addresses: the one project's campaign, or the
    chooser when there are several."""
    projects = list(projects_all()[:2])
    if len(projects) == 1:
        return redirect("media_campaign:home", project=projects[0].slug)
    return redirect("reports:home")


@role_required(Role.STAFF, Role.OPERATOR)
def home(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    figures = selectors.campaign_figures(project)
    share = figures.positive_share
    videos = list(selectors.videos_with_post_counts(project))
    # The per-video figures come from the rows already read, not from a query each (the
    # page's budget is 15 queries); selectors.videos_with_posts_count and
    # average_duration_seconds give the same figures to the reports.
    grantee_videos = [video for video in videos if video.grantee_id]
    lengths = [v.duration_seconds for v in grantee_videos if v.duration_seconds is not None]
    average = sum(lengths) / len(lengths) if lengths else None
    posts_count, video_posts_count = selectors.posts_counts(project)
    return render(
        request,
        "media_campaign/home.html",
        {
            "project": project,
            "videos": videos,
            "videos_short_of_posts": [v for v in videos if v.post_count < POSTS_PER_VIDEO],
            "grantee_videos": len(grantee_videos),
            "videos_with_posts": sum(
                1 for video in grantee_videos if video.post_count >= POSTS_PER_VIDEO
            ),
            "posts_per_video": POSTS_PER_VIDEO,
            "average_display": "—"
            if average is None
            else _("%(seconds)d s") % {"seconds": round(average)},
            "promotions": list(selectors.promotions(project)),
            "promotion_totals": selectors.promotion_totals(project),
            "publications": list(Publication.objects.filter(project=project)),
            "totals": figures.totals,
            "positive_display": "—" if share is None else f"{round(share * 100)}\xa0%",
            "views_chart": line_chart(
                _("Views over time"),
                figures.views_over_time,
                value_label=_("views"),
                date_label=_("date"),
            ),
            "posts_count": posts_count,
            "video_posts_count": video_posts_count,
            # The targets are the indicator rows', whatever the project planned.
            "targets": Indicator.objects.by_source(project),
            "can_write": request.user.has_role(Role.STAFF),
        },
    )


def _edit(request, *, form_class, instance, template, success, project, **extra):
    form = form_class(
        request.POST or None, request.FILES or None, instance=instance, project=project
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.project = project
        if isinstance(saved, Post) and saved.pk:
            services.post_update(post=saved)
        elif isinstance(saved, Post):
            services.post_create(post=saved)
        else:
            saved.save()
        messages.success(request, success)
        if isinstance(saved, Video) and saved.duration_unusual:
            low, high = EXPECTED_SECONDS
            messages.warning(
                request,
                _("The video lasts %(seconds)d s; the brief expects %(low)d–%(high)d s.")
                % {"seconds": saved.duration_seconds, "low": low, "high": high},
            )
        return redirect(
            "media_campaign:home" if not isinstance(saved, Post) else "media_campaign:posts",
            project=project.slug,
        )
    return render(
        request, template, {"form": form, "object": instance, "project": project, **extra}
    )


@role_required(Role.STAFF)
def video_edit(request: HttpRequest, project: str, pk: int | None = None) -> HttpResponse:
    project = project_get(project)
    video = get_object_or_404(Video, pk=pk, project=project) if pk else None
    return _edit(
        request,
        form_class=VideoForm,
        instance=video,
        template="media_campaign/form.html",
        success=_("The video is saved."),
        project=project,
        heading=_("Video"),
    )


@role_required(Role.STAFF)
def post_edit(request: HttpRequest, project: str, pk: int | None = None) -> HttpResponse:
    project = project_get(project)
    post = get_object_or_404(Post, pk=pk, project=project) if pk else None
    return _edit(
        request,
        form_class=PostForm,
        instance=post,
        template="media_campaign/form.html",
        success=_("The post is saved."),
        project=project,
        heading=_("Post"),
    )


@role_required(Role.STAFF)
def publication_edit(request: HttpRequest, project: str, pk: int | None = None) -> HttpResponse:
    project = project_get(project)
    publication = get_object_or_404(Publication, pk=pk, project=project) if pk else None
    return _edit(
        request,
        form_class=PublicationForm,
        instance=publication,
        template="media_campaign/form.html",
        success=_("The publication is saved."),
        project=project,
        heading=_("Media publication"),
    )


@role_required(Role.STAFF)
def promotion_edit(request: HttpRequest, project: str, pk: int | None = None) -> HttpResponse:
    project = project_get(project)
    promotion = (
        get_object_or_404(Promotion.objects.select_related("video"), pk=pk, video__project=project)
        if pk
        else None
    )
    form = PromotionForm(request.POST or None, instance=promotion, project=project)
    if request.method == "POST" and form.is_valid():
        if promotion is not None:
            services.promotion_update(promotion=form.save(commit=False))
        else:
            services.promotion_create(promotion=form.save(commit=False))
        messages.success(request, _("The promotion is saved."))
        return redirect("media_campaign:home", project=project.slug)
    return render(
        request,
        "media_campaign/form.html",
        {"form": form, "object": promotion, "project": project, "heading": _("Video promotion")},
    )


@role_required(Role.STAFF, Role.OPERATOR)
def posts(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    # Counted on the plain list; the latest figures are looked up for the page's rows only.
    page = Paginator(
        Post.objects.filter(project=project).order_by("-published_on", "pk"), POSTS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = selectors.posts_with_latest(project).filter(pk__in=[post.pk for post in page])
    return render(
        request,
        "media_campaign/posts.html",
        {
            "project": project,
            "posts": sorted(rows, key=lambda post: (-post.published_on.toordinal(), post.pk)),
            "page": page,
            "can_write": request.user.has_role(Role.STAFF),
        },
    )


@role_required(Role.STAFF, Role.OPERATOR)
def post_detail(request: HttpRequest, project: str, pk: int) -> HttpResponse:
    can_write = _writes_need_staff(request)
    project = project_get(project)
    post = get_object_or_404(Post.objects.select_related("video"), pk=pk, project=project)
    form = SnapshotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        snapshot = form.save(commit=False)
        if post.snapshots.filter(taken_on=snapshot.taken_on).exists():
            form.add_error("taken_on", _("This post already has figures for that day."))
        else:
            services.snapshot_create(post=post, snapshot=snapshot)
            messages.success(request, _("The figures are saved."))
            return redirect("media_campaign:post", project=project.slug, pk=post.pk)
    return render(
        request,
        "media_campaign/post.html",
        {
            "project": project,
            "post": post,
            "snapshots": list(post.snapshots.all()),
            "form": form,
            "can_write": can_write,
        },
    )


@role_required(Role.STAFF)
def import_csv(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.snapshots_import(
                project=project,
                content=form.cleaned_data["file"].read(),
                platform=form.cleaned_data["platform"],
                taken_on=form.cleaned_data["taken_on"],
            )
        except ServiceError as refused:
            refusal_show(request, refused, form)
            messages.error(
                request, _("Nothing was imported: correct the file and upload it again.")
            )
        else:
            messages.success(
                request,
                _("Imported: %(created)d new snapshots, %(updated)d updated.") % result,
            )
            return redirect("media_campaign:posts", project=project.slug)
    return render(
        request,
        "media_campaign/import.html",
        {"form": form, "importers": IMPORTERS, "project": project},
    )
