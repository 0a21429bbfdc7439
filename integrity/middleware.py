"""An admin request whose publication the gate refused (articles/publish_gate.py) gets the
reason as a message and the page's editor, not an error page.

WHY a middleware: the workflow's last approval ("Approve and publish", from the editor, the
dashboard or the page listing) publishes deep inside Wagtail's task machinery, with no hook in
between; the gate raises there, Wagtail's ``approve`` transaction rolls the approval back (the
task stays in progress), and this turns the exception into the same message the Publish button
shows.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from articles.publish_gate import PublicationRefused


class PublicationRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, PublicationRefused) or exception.page is None:
            return None
        from .wagtail_hooks import refusal_html

        page_id = exception.page.pk
        messages.error(request, refusal_html(exception.reason, page_id, request.user))
        edit_url = reverse("wagtailadmin_pages:edit", args=[page_id])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action modal posts by XHR and follows {"step": "success", "redirect"}
            # (wagtail.admin.views.generic.workflow.WorkflowAction).
            return JsonResponse({"step": "success", "redirect": edit_url})
        return redirect(edit_url)
