"""E-mail addresses; institutional and example domains are not personal."""
from __future__ import annotations

import re

from screening.detectors.context import fast_compile
from screening.detectors.normalize import normalize
from screening.types import Category, Finding

_EMAIL = fast_compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@"
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9])"
)
# Another address glued on without a separator (a.b@c.jpa.b@c.jp, pasted from a list):
# the first match ends inside it, and the rest must not stay readable.
_GLUED_TAIL = fast_compile(
    r"[A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9])"
)
# Example and placeholder domains (RFC 2606 / JPRS reserved) and public-body domains.
_EXAMPLE = fast_compile(r"(?:^|\.)(?:example|test|invalid|localhost|sample|dummy)\.", re.I)
_INSTITUTIONAL = fast_compile(
    r"@(?:[^@]*\.)?(?:lg\.jp|go\.jp|city\.[a-z\-]+\.[a-z\-]+\.jp|pref\.[a-z\-]+\.(?:lg\.)?jp|"
    r"town\.[a-z\-.]+jp|vill\.[a-z\-.]+jp)$",
    re.I,
)
_ROLE_LOCAL = fast_compile(
    r"^(?:info|contact|support|office|admin|webmaster|noreply|no-reply|soumu|koho|kouhou|"
    r"johoseisaku|press|sales|inquiry|toiawase)$",
    re.I,
)


def detect_emails(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _EMAIL.finditer(norm):
        value = m.group()
        local, _, domain = value.partition("@")
        if _EXAMPLE.search("." + domain + "."):
            continue
        if _INSTITUTIONAL.search(value):
            continue
        confidence = 0.6 if _ROLE_LOCAL.match(local) else 0.95
        end = m.end()
        while (tail := _GLUED_TAIL.match(norm, end)) is not None and tail.end() > end:
            end = tail.end()
        findings.append(Finding(Category.EMAIL, m.start(), end, confidence, "email"))
    return findings
