"""Value shapes a column header makes meaningful, and cells too plain to carry anything.

These checks never run on their own: a value that looks like a phone number is reported
only when its header says "phone" (or the detectors already said so). They exist because
a cell alone lacks the context the prompt detectors rely on ("ﾓﾃｷﾞ ﾏｻﾙ" under カナ氏名,
"H03.10.05" under 生年月日, "9280141" under 口座番号).
"""

from __future__ import annotations

import re
import unicodedata

from screening.tabular.headers import HeaderKind

# ---------------------------------------------------------- cells nothing can hide in

# Amounts, counts, ratios and short codes: no detector can find anything in ≤ 6 digits.
_INERT = re.compile(
    r"[+\-−]?[¥￥$]?(?:\d{1,6}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:%|％|円|千円|人|件|個|歳|才)?"
    r"|[+\-−]?\d*\.\d+"
    r"|[-−‐ー－―]+|[○×△◎✓✔/・*＊]"
)


def is_inert(value: str) -> bool:
    """True for a cell that no personal-information detector could fire on."""
    return _INERT.fullmatch(value) is not None


# ------------------------------------------------------------------ names

_ORG_WORDS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|（株）|（有）|㈱|㈲|㈹|"
    r"法人|協会|組合|財団|社団|機構|事務所|事業所|協議会|委員会|連合会|公社|公団|病院|医院|共同企業体|共同事業体|JV|"
    r"クリニック|学校|大学|高校|中学|小学|幼稚園|保育園|保育所|こども園|銀行|信用金庫|信金|"
    r"農協|JA|商店|商会|工業|建設|興業|産業|食品|製作所|工務店|ホテル|旅館|センター|"
    r"市役所|役場|県庁|市立|県立|町立|村立|国立|公民館|図書館|体育館|会館|美術館|博物館|"
    r"自治会|町内会|サークル|クラブ|スクール|ラボ|ストア|マート|グループ|ホールディングス|"
    r"カブシキ|ユウゲン|ｶﾌﾞｼｷ|ﾕｳｹﾞﾝ|\b(?:inc|ltd|llc|corp|co|association|city|office|"
    r"center|centre|department|school|hospital|university|company|club)\b",
    re.IGNORECASE,
)
# Single-character endings of organisational units (総務課, 市民部, 中央公民館).
_ORG_END = re.compile(r"[課部室係局署店館園院会所社庁省庁]$")

# Words that describe a person without naming them (roles, relations, blanks).
_ROLE_WORDS = re.compile(
    r"本人|長男|長女|次男|次女|三男|三女|親族|家族|同居|別居|近所|知人|友人|隣人|民生委員|"
    r"自治会|ヘルパー|ケアマネ|職員|担当|不明|未定|未記入|空欄|匿名|非公開|該当な|なし|無し|"
    r"その他|予定|未登録|記入なし|同上|〃|○○|〇〇|××|＊＊|\*\*|\[|［|〔|"
    # placeholders a template's example row holds (マル マル for ○○'s reading, ■■ masked)
    r"^(?:マル ?)+$|■■|△△|"
    # 防火管理者: 選任済 / 未選任; 立会者: 防火管理者, 総務担当者 (a status or a role, not a name)
    r"管理者|責任者|選任|該当"
)
_ROLE_EXACT = frozenset(
    "夫 妻 父 母 兄 姉 弟 妹 子 孫 祖父 祖母 義父 義母 叔父 叔母 伯父 伯母 "
    "無 有 済 未 "
    # a tender's outcome where the winner would be (落札者: 不調, 不落, 中止)
    "不調 不落 中止 取止め 取りやめ 辞退 流札".split()
)

_CJK_NAME = re.compile(r"[\u3005\u3040-\u30ff\u4e00-\u9fff\uf900-\ufaff々〆ヶ・=＝]+")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'’.\-]*(?: [A-Za-z][A-Za-z'’.\-]*){0,4}")
_KANA_NAME = re.compile(
    r"{k}+(?: {k}+){{0,3}}".format(k=r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f・=＝]")
)


def _nfkc_spaces(value: str) -> str:
    return " ".join(value.replace("\u3000", " ").split())


def is_organisation(value: str) -> bool:
    """True for 株式会社…, 前橋市役所, 中央公民館, 市民課: not a private individual."""
    text = unicodedata.normalize("NFKC", value).strip()
    if _ORG_WORDS.search(text):
        return True
    compact = text.replace(" ", "")
    return len(compact) >= 3 and " " not in text and bool(_ORG_END.search(compact))


def looks_like_person_name(value: str) -> bool:
    """A value under a name header that reads as an individual's name (ﾔﾏｻﾞｷ ﾂﾖｼ, a bank's
    half-width kana, read as ヤマザキ ツヨシ)."""
    text = _nfkc_spaces(unicodedata.normalize("NFKC", value))
    if not text or len(text) > 40 or any(c.isdigit() for c in text):
        return False
    if text in _ROLE_EXACT or _ROLE_WORDS.search(text) or is_organisation(text):
        return False
    parts = text.split(" ")
    if all(_CJK_NAME.fullmatch(p) for p in parts):
        letters = sum(len(p) for p in parts)
        return 2 <= letters <= 16 and len(parts) <= 4
    return _LATIN_NAME.fullmatch(text) is not None


def looks_like_kana_name(value: str) -> bool:
    text = _nfkc_spaces(value)
    if (
        not text
        or text in _ROLE_EXACT
        or _ROLE_WORDS.search(text)
        or is_organisation(text)
    ):
        return False
    if _KANA_NAME.fullmatch(text):
        return 2 <= len(text) <= 30
    return looks_like_person_name(text)


# ------------------------------------------------------------------ contact details

_PHONE = re.compile(
    r"(?:\+81[\s\-]?\(?0?\)?\d{1,4}|\(?0\d{1,4}\)?)[\s\-()]?\d{1,4}[\s\-()]?\d{3,4}"
)
_MOBILE = re.compile(r"^(?:\+81[\s\-]?\(?0?\)?|0)[789]0")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_INSTITUTIONAL_MAIL = re.compile(
    r"@(?:[a-z0-9\-]+\.)*(?:lg\.jp|go\.jp|ac\.jp|ed\.jp|or\.jp|co\.jp|ne\.jp|"
    r"city\.[a-z0-9.\-]+|pref\.[a-z0-9.\-]+|town\.[a-z0-9.\-]+|vill\.[a-z0-9.\-]+)$",
    re.IGNORECASE,
)
_FREEMAIL = re.compile(
    r"@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|icloud|me|mac|aol|"
    r"docomo|ezweb|au|softbank|i\.softbank|ybb|nifty|biglobe|so-net|ocn|"
    r"protonmail|proton|gmx|mail)\.",
    re.IGNORECASE,
)


def _nfkc(value: str) -> str:
    # No lru_cache: a process-wide cache would keep cell values after the request.
    return unicodedata.normalize("NFKC", value).strip()


def looks_like_phone(value: str) -> bool:
    text = _nfkc(value)
    match = _PHONE.search(text)
    if not match:
        return False
    digits = re.sub(r"\D", "", match.group())
    return 9 <= len(digits) <= 13


def is_mobile_phone(value: str) -> bool:
    return bool(_MOBILE.match(re.sub(r"[\s\-()]", "", _nfkc(value))))


def looks_like_email(value: str) -> bool:
    return _EMAIL.search(_nfkc(value)) is not None


def is_personal_email(value: str) -> bool:
    """Free-mail addresses belong to a person even in an institutional list."""
    match = _EMAIL.search(_nfkc(value))
    return bool(match and _FREEMAIL.search(match.group()))


def is_institutional_email(value: str) -> bool:
    match = _EMAIL.search(_nfkc(value))
    return bool(match and _INSTITUTIONAL_MAIL.search(match.group()))


_STREET = re.compile(
    r"\d+\s*(?:丁目|番地?|号|-|－|の)\s*\d*|[一二三四五六七八九十〇]+丁目|"
    r"[一二三四五六七八九十〇百千]+番地?|番地|号室|"
    r"\d+(?:-\d+)+|\b\d+[A-Za-z]?\s+\w+|(?:machi|cho|chome|ku|shi|gun|mura)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"[都道府県市区町村郡]|丁目|番地|machi|cho|shi|ku|gun|street|st\.|road|ave",
    re.IGNORECASE,
)


def looks_like_street_address(value: str) -> bool:
    """Street level (番地, 丁目 + number, 1-2-3); a town name alone is not one."""
    text = _nfkc(value)
    if len(text) < 4:
        return False
    return bool(_STREET.search(text) and _PLACE.search(text))


# ------------------------------------------------------------------ dates and numbers

_DATE = re.compile(
    r"(?:19|20)\d{2}[/\-.年]\s*\d{1,2}[/\-.月]\s*\d{1,2}日?"
    r"|(?:明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(?:\d{1,2}|元)[/\-.年]\s*\d{1,2}[/\-.月]\s*\d{1,2}日?"
    r"|(?:19|20)\d{6}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
)


def looks_like_date(value: str) -> bool:
    text = _nfkc(value).strip()
    # 27855: a date as Excel stores it (days since 1899-12-30; 10000-47000 is 1927-2028)
    return _DATE.search(text) is not None or (text.isdigit() and len(text) == 5 and 10000 <= int(text) <= 47000)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", _nfkc(value))


def looks_like_my_number(value: str) -> bool:
    return len(_digits(value)) == 12


def looks_like_id(value: str) -> bool:
    text = _nfkc(value)
    return len(text) <= 40 and sum(c.isdigit() for c in text) >= 4


def looks_like_account(value: str) -> bool:
    digits = _digits(value)
    return (
        5 <= len(digits) <= 10 and len(digits) >= len(_nfkc(value).replace("-", "")) - 2
    )


def looks_like_card(value: str) -> bool:
    return 13 <= len(_digits(value)) <= 19


_NOT_A_FACT = re.compile(
    r"^(?:なし|無し|無|特になし|該当なし|不明|-|－|ー|―|n/?a|none|no|0)$", re.I
)


def looks_like_sensitive_fact(value: str) -> bool:
    text = _nfkc(value)
    return bool(text) and not _NOT_A_FACT.match(text) and any(c.isalpha() for c in text)


def header_confirms(kind: HeaderKind, value: str) -> bool:
    """True when `value` has the shape its column header announces."""
    check = _CHECKS.get(kind)
    return bool(check and check(value))


def _contact(value: str) -> bool:
    return looks_like_phone(value) or looks_like_email(value)


_CHECKS = {
    HeaderKind.PERSON_NAME: looks_like_person_name,
    HeaderKind.KANA_NAME: looks_like_kana_name,
    HeaderKind.ADDRESS: looks_like_street_address,
    HeaderKind.PHONE: looks_like_phone,
    HeaderKind.EMAIL: looks_like_email,
    HeaderKind.CONTACT: _contact,
    HeaderKind.BIRTH_DATE: looks_like_date,
    HeaderKind.MY_NUMBER: looks_like_my_number,
    HeaderKind.ID_NUMBER: looks_like_id,
    HeaderKind.BANK_ACCOUNT: looks_like_account,
    HeaderKind.CREDIT_CARD: looks_like_card,
    HeaderKind.SENSITIVE: looks_like_sensitive_fact,
}
