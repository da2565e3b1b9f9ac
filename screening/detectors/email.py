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
    r"town\.[a-z\-.]+jp|vill\.[a-z\-.]+jp|gov(?:\.[a-z]{2})?|gouv\.[a-z]{2}|gc\.ca)$",
    re.I,
)
# Writers hide a real address behind a reserved domain (michiyo.t1962@example.ne.jp): it is a
# placeholder only when its local part is one too, or the words before say it is an example.
_GENERIC_LOCAL = fast_compile(
    r"^(?:sample|example|test|user|name|xxx+|aaa+|abc|foo|bar|hoge|taro|hanako|yamada|"
    r"yamada\.taro|taro\.yamada|mail|email|address|your|you|someone|dummy|info|contact|"
    r"notice|noreply|no-reply|support|admin|security|system|sender|alert|account|service|office)[0-9._\-]*$",
    re.I,
)
_SAID_EXAMPLE = fast_compile(
    r"例|サンプル|ダミー|架空|テスト|形式|書式|実在しない|訓練|placeholder|e\.g\.|for example", re.I
)
_ROLE_LOCAL = fast_compile(
    r"^(?:info|contact|support|office|admin|webmaster|noreply|no-reply|soumu|koho|kouhou|"
    r"johoseisaku|press|sales|inquiry|toiawase|international|kokusai|intl)$",
    re.I,
)


def detect_emails(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _EMAIL.finditer(norm):
        value = m.group()
        local, _, domain = value.partition("@")
        if _EXAMPLE.search("." + domain + ".") and (
            _GENERIC_LOCAL.match(local) or _SAID_EXAMPLE.search(norm, max(0, m.start() - 30), m.start())
        ):
            continue  # sample@example.jp as the shape of an address, not someone's

        if _INSTITUTIONAL.search(value):
            continue
        confidence = 0.6 if _ROLE_LOCAL.match(local) else 0.95
        end = m.end()
        while (tail := _GLUED_TAIL.match(norm, end)) is not None and tail.end() > end:
            end = tail.end()
        findings.append(Finding(Category.EMAIL, m.start(), end, confidence, "email"))
    return findings
