from django.urls import path

from media_campaign import views

app_name = "media_campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("videos/add/", views.video_edit, name="video_add"),
    path("videos/<int:pk>/", views.video_edit, name="video_edit"),
    path("posts/", views.posts, name="posts"),
    path("posts/add/", views.post_edit, name="post_add"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("publications/add/", views.publication_edit, name="publication_add"),
    path("publications/<int:pk>/", views.publication_edit, name="publication_edit"),
    path("promotions/add/", views.promotion_edit, name="promotion_add"),
    path("promotions/<int:pk>/", views.promotion_edit, name="promotion_edit"),
    path("import/", views.import_csv, name="import"),
]
