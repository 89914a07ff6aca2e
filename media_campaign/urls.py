from django.urls import path

from media_campaign import views

app_name = "media_campaign"

# Mounted at the site's root: each project's campaign under /projects/<project>/media/.
P = "projects/<slug:project>/media/"

urlpatterns = [
    path("media/", views.legacy, name="legacy"),
    path(P, views.home, name="home"),
    path(P + "videos/add/", views.video_edit, name="video_add"),
    path(P + "videos/<int:pk>/", views.video_edit, name="video_edit"),
    path(P + "posts/", views.posts, name="posts"),
    path(P + "posts/add/", views.post_edit, name="post_add"),
    path(P + "posts/<int:pk>/", views.post_detail, name="post"),
    path(P + "posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path(P + "publications/add/", views.publication_edit, name="publication_add"),
    path(P + "publications/<int:pk>/", views.publication_edit, name="publication_edit"),
    path(P + "promotions/add/", views.promotion_edit, name="promotion_add"),
    path(P + "promotions/<int:pk>/", views.promotion_edit, name="promotion_edit"),
    path(P + "import/", views.import_csv, name="import"),
]
