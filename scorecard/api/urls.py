"""The API's addresses, under /api/. The API answers for itself who may do what (tokens, the
public's published measures), so its views are exempt from the pages' sign-in redirect."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from scorecard.api.tokens import RevokeAllView, RevokeView, TokenView
from scorecard.api.views import ENDPOINTS

router = SimpleRouter()
for prefix, viewset in ENDPOINTS.items():
    router.register(prefix, viewset, basename=f"api-{prefix}")

urlpatterns = [
    path("token/", TokenView.as_view(), name="api-token"),
    path("token/revoke/", RevokeView.as_view(), name="api-token-revoke"),
    path("token/revoke-all/", RevokeAllView.as_view(), name="api-token-revoke-all"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    *router.urls,
]

for pattern in urlpatterns:
    # LoginRequiredMiddleware looks for `login_required = False` on the view function.
    pattern.callback = login_not_required(pattern.callback)
