"""Dates of birth: 和暦 and 西暦 dates that the words around mark as someone's birth."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from operator import itemgetter

from screening.detectors.context import (
    SAMPLE_FORM,
    SAMPLE_PERSON,
    after,
    before,
    fast_compile,
    line_bounds,
)
from screening.detectors.normalize import kanji_to_int, normalize
from screening.detectors.tokens import tokenize
from screening.types import Category, Finding

_K = r"[〇一二三四五六七八九十]{1,3}"
_ERA = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018,
        "M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}
_MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}


def _any_case(letters: str) -> str:
    """Jan → [Jj][Aa][Nn]: a case-free word without an inline (?i:) group, which
    `fast_compile` cannot see into (it would take J as the only first letter)."""
    return "".join(f"[{c.upper()}{c.lower()}]" for c in letters)


_MONTH_RE = "(?:" + "|".join(
    _any_case(head) + (f"(?:{_any_case(tail)})?" if tail else "")
    for head, tail in (("jan", "uary"), ("feb", "ruary"), ("mar", "ch"), ("apr", "il"), ("may", ""),
                       ("jun", "e"), ("jul", "y"), ("aug", "ust"), ("sep", "t"), ("oct", "ober"),
                       ("nov", "ember"), ("dec", "ember"))
) + "|" + _any_case("sept") + _any_case("ember") + "|" + "|".join(
    # the months in Tagalog (Marso 8, 1988), written like the English ones
    _any_case(name) for name in ("enero", "pebrero", "marso", "abril", "mayo", "hunyo", "hulyo",
                                 "agosto", "setyembre", "oktubre", "nobyembre", "disyembre")
) + r")\.?"
_DATE = fast_compile(
    rf"(?P<era>明治|大正|昭和|平成|令和)\s?(?P<ey>元|\d{{1,2}}|{_K})\s?年\s?(?P<em>\d{{1,2}}|{_K})\s?月\s?(?P<ed>\d{{1,2}}|{_K})\s?日"
    rf"|(?<![A-Za-z])(?P<sera>[MTSHR])\s?(?P<sy>\d{{1,2}})[./](?P<sm>\d{{1,2}})[./](?P<sd>\d{{1,2}})(?![\d.])"
    rf"|(?<!\d)(?P<wy>\d{{4}})\s?年\s?(?P<wm>\d{{1,2}})\s?月\s?(?P<wd>\d{{1,2}})\s?日"
    rf"|(?<![\d/.-])(?P<ny>\d{{4}})(?P<sep>[/.-])(?P<nm>\d{{1,2}})(?P=sep)(?P<nd>\d{{1,2}})(?![\d.-]|/\d)"
    # 02/07/1990 on an English form (day or month first: either way a date)
    rf"|(?<![\d/.-])(?P<fa>\d{{1,2}})(?P<fsep>[/.-])(?P<fb>\d{{1,2}})(?P=fsep)(?P<fy>\d{{4}})(?![\d-]|[./]\d)"
    rf"|(?<!\d)(?P<xd>\d{{1,2}})(?:st|nd|rd|th)? (?P<xm>{_MONTH_RE}),? (?P<xy>\d{{4}})(?!\d)"
    rf"|(?P<ym>{_MONTH_RE}) (?P<yd>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<yy>\d{{4}})(?!\d)"
)
_NEW_YEAR_DAY = fast_compile(r"(?:年\s?|[./-])0?1\s?(?:月\s?|[./-])0?1日?$")
_FORMAT_EXAMPLE = fast_compile(r"例[:：]?\s?$")
_FORMAT_AFTER = fast_compile(r"^\s?(?:の|という)?(?:形式|書式|フォーマット|表記)")
# 昭和52年6月生, 1977年6月生まれ — not a cohort (平成2年4月生まれ以降の方) nor a decade
_YEAR_MONTH_BORN = fast_compile(
    r"((?:明治|大正|昭和|平成|令和)\s?(?:元|\d{1,2})\s?年\s?\d{1,2}\s?月|(?<!\d)\d{4}\s?年\s?\d{1,2}\s?月)"
    r"\s?(?:生まれ|生)(?![活産徒命涯のま]|以降|以前|まで|から|が対象)"
)
# Found from the 生 end (rare) rather than from every digit: 85年3月7日生まれ, （大正14年生まれ、
_BORN_END = fast_compile(r"[日年]\s?(?:生まれ|生)(?![活産徒命涯のま]|以降|以前|まで|から|が対象)")
_SHORT_DAY_BEFORE = re.compile(r"(?<![\d年/.一-龥])\d{2}年\d{1,2}月\d{1,2}日$")
_ERA_YEAR_BEFORE = re.compile(r"[（(]((?:明治|大正|昭和|平成|令和)\s?(?:元|\d{1,2})\s?年)$")
_BRACKET_GOES_ON = re.compile(r"\s?(?:生まれ|生)[、,）)]")
_LABELLED_ODD_DATE = fast_compile(
    r"(?:生年月日|誕生日|生まれ)[\s:：は]{0,3}"
    r"(\d{4}\s?年\s?[（(](?:明治|大正|昭和|平成|令和)\s?(?:元|\d{1,2})\s?年[）)]\s?\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d))"
)
_RANGE_BEFORE = fast_compile(r"[〜~～\-]\s?$|から\s?$")
# 令和7年4月18日に生まれています: に生まれ (not に生まれ変わる) after the date
_BIRTH_AFTER = fast_compile(r"^\s?[）)]?\s?(?:生まれ|生|誕生|born|に(?:生まれ(?!変)|誕生し))")
_BIRTH_BEFORE = fast_compile(
    r"生年月日|誕生日|生まれ|出生|DOB|D\.O\.B|[Dd]ate of [Bb]irth|[Bb]irth ?[Dd]ate|[Bb]orn(?: on)?|"
    # a form in hiragana for children and easy Japanese: うまれた日, せいねんがっぴ, たんじょうび
    r"うまれた(?:日|ひ)|せいねんがっぴ|たんじょうび|"
    r"[Bb]irthday|年齢"
)
_BORN_IN_OTHER_LANGUAGES = fast_compile(
    r"(?:[Ii]pinanganak|[Ii]sinilang)(?: (?:noong|sa|ng))?\s?$|(?:[Ss]inh ngày|[Nn]gày sinh:?|"
    r"[Nn]ascid[oa] em|[Dd]ata de nascimento:?|[Nn]acid[oa] el|[Ff]echa de nacimiento:?)\s?$"
)
_BIRTH_ANYWHERE = fast_compile(r"生年月日|誕生日|DOB|[Dd]ate of [Bb]irth|[Bb]irthday|年齢を")
# 長女 ニシダ ユナ 平成20年12月25日: a line of a household list starts with the relationship
_HOUSEHOLD_LINE = fast_compile(
    r"\s*(?:[・\-*]\s?)?(?:世帯主|配偶者|妻|夫|長男|長女|次男|次女|三男|三女|[一二三四]男|[一二三四]女|子|"
    r"父|母|祖父|祖母|本人|同居人|孫)[\s:：]"
)
# A weekday or a range after a date makes it an event date: 2月1日(土)〜3月30日.
_EVENT_AFTER = fast_compile(
    r"^\s?(?:\([月火水木金土日祝・]{1,3}\)|[〜~～-]|から|まで|時点|現在|基準|以前|以降|以後|より前|より後)"
)
_EVENT_LABEL = fast_compile(
    r"日時|予定日|交付日|決済日|接種日|期限|確認日|受付日|処分日|通告日|期間|開催|実施|締切|"
    r"申請日|提出日|届出日|異動日|転入日|転出日|施行|公布|現在|時点|から|まで|以降|以前|"
    r"発行日|支払日|納期|契約|入院日|退院日|死亡|没|会期|期日|日程|開館|開始|終了|予定|"
    r"実施日|開催日|当日|[<>=≦≧]"
)


def _year(m: re.Match[str]) -> int | None:
    if m.group("era"):
        ey = m.group("ey")
        n = 1 if ey == "元" else kanji_to_int(ey)
        return None if n is None else _ERA[m.group("era")] + n
    if m.group("sera"):
        return _ERA[m.group("sera")] + int(m.group("sy"))
    for key in ("wy", "ny", "fy", "xy", "yy"):
        if m.group(key):
            return int(m.group(key))
    return None


def _month_day_ok(m: re.Match[str]) -> bool:
    for mk, dk in (("em", "ed"), ("sm", "sd"), ("wm", "wd"), ("nm", "nd")):
        if m.group(mk):
            month, day = kanji_to_int(m.group(mk)), kanji_to_int(m.group(dk))
            return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31
    if m.group("fa"):
        a, b = int(m.group("fa")), int(m.group("fb"))
        return 1 <= min(a, b) <= 12 and 1 <= max(a, b) <= 31
    return True


_ADDRESS_ON_LINE = fast_compile(r"[市町村区郡](?:[^\n]{0,12}?)\d{1,4}(?:番地?|-)|丁目")


def _line_has_address(norm: str, start: int, end: int) -> bool:
    lo, hi = line_bounds(norm, start, end)
    return _ADDRESS_ON_LINE.search(norm, lo, hi) is not None


def _line_has_person(norm: str, start: int, end: int) -> bool:
    lo, hi = line_bounds(norm, start, end)
    for token in tokenize(norm):
        if token.start >= hi:
            break
        if token.start >= lo and (
            token.is_proper or (token.oov and token.surface.isalpha())
        ):
            return True
    return False


def _bracketed_after_name(norm: str, start: int, end: int) -> bool:
    """吉川 サダ（S10.7.7）: a date alone in brackets right after a person's name is when they
    were born (an event's date is written after the event, not after a person)."""
    if norm[start - 1 : start] not in ("(", "（") or norm[end : end + 1] not in (")", "）"):
        return False
    if _EVENT_AFTER.match(after(norm, end + 1, 6)):
        return False  # 田中（R6.4.1）から: since when, not born when
    tokens = tokenize(norm)
    k = bisect_left(tokens, start - 1, key=itemgetter(2))  # the token ending at the bracket
    return k < len(tokens) and tokens[k].end == start - 1 and tokens[k].is_person


def detect_birth_dates(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    this_year = dt.date.today().year
    birth_text = None
    for m in _DATE.finditer(norm):
        year = _year(m)
        # Living people only: a birth before 1905 is a historical figure's.
        if year is None or not 1905 <= year <= this_year or not _month_day_ok(m):
            continue
        start, end = m.start(), m.end()
        ahead = before(norm, start, 14)
        label = None
        for label_match in _BIRTH_BEFORE.finditer(ahead):
            label = label_match
        event = None
        for event_match in _EVENT_LABEL.finditer(ahead):
            event = event_match
        if _EVENT_AFTER.match(after(norm, end, 6)):
            continue
        if _FORMAT_EXAMPLE.search(before(norm, start, 4)) or _FORMAT_AFTER.match(after(norm, end, 6)):
            continue  # 生年月日（例：1985/04/01 の形式）: how a column is written, nobody's date
        if _BORN_IN_OTHER_LANGUAGES.search(before(norm, start, 24)):
            # ipinanganak noong Marso 8, 1988; sinh ngày 08/03/1988; nascida em 08/03/1988
            findings.append(Finding(Category.BIRTH_DATE, start, end, 0.95, "birth_label"))
            continue
        if _BIRTH_AFTER.match(after(norm, end, 5)):
            if _RANGE_BEFORE.search(norm, max(0, start - 2), start):
                continue  # 平成17年4月2日〜平成18年4月1日生まれ: a cohort, nobody's birthday
            findings.append(Finding(Category.BIRTH_DATE, start, end, 0.95, "birth_suffix"))
            continue
        if _bracketed_after_name(norm, start, end):
            findings.append(Finding(Category.BIRTH_DATE, start, end, 0.85, "after_name"))
            continue
        if label and not (event and event.start() > label.start()):
            if SAMPLE_FORM.search(norm, max(0, start - 200), start) and (
                _NEW_YEAR_DAY.search(m.group()) or SAMPLE_PERSON.search(norm, max(0, start - 200), start)
            ):
                # 記入例: 生年月日 平成2年1月1日 on a sample form is made up (sample forms use
                # 1月1日); masked, not blocked. Any other date there may be a real child's.
                findings.append(Finding(Category.BIRTH_DATE, start, end, 0.15, "sample_form"))
                continue
            findings.append(Finding(Category.BIRTH_DATE, start, end, 0.95, "birth_label"))
            continue
        if event:
            continue
        if birth_text is None:
            birth_text = bool(_BIRTH_ANYWHERE.search(norm))
        # 松井 信子 / 1951-05-19 / 前橋市…: a date decades back on a line with a person and an
        # address is when they were born (an event on such a line is recent)
        if (birth_text or _HOUSEHOLD_LINE.match(norm, line_bounds(norm, start, end)[0]) or (
            year <= this_year - 10 and _line_has_address(norm, start, end)
        )) and _line_has_person(norm, start, end):
            findings.append(Finding(Category.BIRTH_DATE, start, end, 0.8, "birth_table"))
    # 伊藤 直樹（昭和52年6月生）: the year and month of someone's birth
    if "生" in norm:
        for m in _YEAR_MONTH_BORN.finditer(norm):
            findings.append(Finding(Category.BIRTH_DATE, m.start(), m.end(1), 0.9, "birth_month"))
        # 85年3月7日生まれ, 池田 キヨ（大正14年生まれ、99歳）: a short year, or the year alone
        for m in _BORN_END.finditer(norm):
            head = norm[max(0, m.start() - 12) : m.start() + 1]
            short = _SHORT_DAY_BEFORE.search(head)
            era = None if short else _ERA_YEAR_BEFORE.search(head)
            if era and not _BRACKET_GOES_ON.match(norm, m.start() + 1):
                era = None
            found = short or era
            if found:
                offset = m.start() + 1 - len(head)
                span = found.span(1) if era else found.span()
                findings.append(Finding(Category.BIRTH_DATE, offset + span[0], offset + span[1], 0.9,
                                        "birth_short"))
    # 生年月日：1990年（平成2年）6月3日, 生年月日：19820415: both eras, or no separators
    for m in _LABELLED_ODD_DATE.finditer(norm):
        findings.append(Finding(Category.BIRTH_DATE, m.start(1), m.end(1), 0.95, "birth_label"))
    return findings
