"""One page for a simple form: back link, caption, heading, error summary, fields, button."""

from __future__ import annotations

from django.shortcuts import render


def form_page(request, form, *, title: str, back_url: str, caption: str = "", submit="Save"):
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "back_url": back_url,
        "submit_label": submit,
    }
    return render(request, "forms/page.html", context)
