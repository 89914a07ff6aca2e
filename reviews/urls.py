from django.urls import path

from reviews import appeal_views, decision_views, staff_views, views

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
    path("commission/<slug:slug>/flags/", staff_views.flag_resolve_view, name="flag_resolve"),
    path("reviews/<int:pk>/reopen/", staff_views.reopen, name="reopen"),
    path("ranking/<slug:slug>/", decision_views.ranking, name="ranking"),
    path("ranking/<slug:slug>/propose/", decision_views.propose, name="propose"),
    path("ranking/<slug:slug>/approve/", decision_views.approve, name="approve"),
    path("ranking/<slug:slug>/return/", decision_views.send_back, name="return"),
    path("ranking/<slug:slug>/publish/", decision_views.publish, name="publish"),
    path("ranking/<slug:slug>/protocol.pdf", decision_views.protocol, name="protocol"),
    path("ranking/<slug:slug>/withdraw/<int:pk>/", decision_views.withdraw, name="withdraw"),
    path("results/<slug:slug>/", decision_views.results, name="results"),
    path("result/<int:pk>/", decision_views.my_result, name="my_result"),
    path("result/<int:pk>/appeal/", appeal_views.appeal, name="appeal"),
    path("appeals/<slug:slug>/", appeal_views.appeals, name="appeals"),
    path("appeals/answer/<int:pk>/", appeal_views.answer, name="appeal_answer"),
    path("appeals/file/<int:pk>/", appeal_views.appeal_file, name="appeal_file"),
]
