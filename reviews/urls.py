from django.urls import path

from reviews import decision_views, staff_views, views

app_name = "reviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("declaration/<int:pk>/", views.declaration, name="declaration"),
    path("applications/<int:pk>/", views.review, name="review"),
    path("applications/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("applications/<int:pk>/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("commission/<slug:slug>/", staff_views.commission, name="commission"),
    path("commission/<slug:slug>/add/", staff_views.commission_add_view, name="commission_add"),
    path("commission/<slug:slug>/assign/", staff_views.assign, name="assign"),
    path("commission/<slug:slug>/assign-one/", staff_views.assign_one, name="assign_one"),
    path("reviews/<int:pk>/reopen/", staff_views.reopen, name="reopen"),
    path("ranking/<slug:slug>/", decision_views.ranking, name="ranking"),
    path("ranking/<slug:slug>/decide/", decision_views.decide, name="decide"),
    path("ranking/<slug:slug>/publish/", decision_views.publish, name="publish"),
    path("ranking/<slug:slug>/protocol.pdf", decision_views.protocol, name="protocol"),
    path("ranking/<slug:slug>/withdraw/<int:pk>/", decision_views.withdraw, name="withdraw"),
    path("results/<slug:slug>/", decision_views.results, name="results"),
    path("result/<int:pk>/", decision_views.my_result, name="my_result"),
]
