from django.urls import path

from media_campaign import views

app_name = "media_campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("videos/add/", views.video_edit, name="video_add"),
    path("videos/<int:pk>/", views.video_edit, name="video_edit"),
    path("posts/", views.posts, name="posts"),
    path("posts/add/", views.post_add, name="post_add"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("publications/add/", views.publication_add, name="publication_add"),
    path("import/", views.import_csv, name="import"),
]
