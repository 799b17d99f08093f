from django.urls import path

from scorecard.people import views

urlpatterns = [
    path("people/", views.people_list, name="people"),
    path("people/<int:user_id>/", views.person_sign_in, name="person_sign_in"),
    path(
        "people/<int:user_id>/switch-off/",
        views.set_active,
        {"active": False},
        name="switch_off_sign_in",
    ),
    path(
        "people/<int:user_id>/switch-on/",
        views.set_active,
        {"active": True},
        name="switch_on_sign_in",
    ),
    path("people/<int:user_id>/unlock/", views.unlock, name="unlock_sign_in"),
    path(
        "people/<int:user_id>/revoke-tokens/",
        views.revoke_person_tokens,
        name="revoke_person_tokens",
    ),
    path("invite/", views.invite, name="invite"),
    path("tokens/", views.api_tokens, name="api_tokens"),
    path("tokens/revoke/", views.revoke_token, name="revoke_token"),
    path("tokens/revoke-all/", views.revoke_all_tokens, name="revoke_all_tokens"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "set-password/<uidb64>/<token>/",
        views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path("set-password/done/", views.SetPasswordDoneView.as_view(), name="set_password_done"),
]
