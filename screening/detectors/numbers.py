"""Number-shaped personal data: phone, 個人番号, payment cards, bank accounts, other IDs.

All patterns work on the normalised text (full-width digits and dashes already ASCII);
spans are offsets into the original text because normalisation keeps the length.
"""
from __future__ import annotations

import re

from screening.detectors.context import (
    PUBLISHED_TEXT,
    SAMPLE_FORM,
    after,
    before,
    fast_compile,
    sentence_bounds,
)
from screening.detectors.normalize import digits_only, normalize
from screening.types import Category, Finding

# ---------------------------------------------------------------- check digits


def my_number_valid(digits: str) -> bool:
    """個人番号 check digit (総務省令第85号 第5条)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = digits[:11]
    total = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == int(digits[11])


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit() or len(digits) < 12:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_brand_prefix(digits: str) -> bool:
    """Issuer prefixes of the card brands used in Japan (Visa, MC, JCB, Amex, Diners …)."""
    n = len(digits)
    two, four = int(digits[:2]), int(digits[:4])
    if digits[0] == "4":
        return n in (13, 16, 19)
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return n == 16
    if two in (34, 37):
        return n == 15
    if 3528 <= four <= 3589:
        return 16 <= n <= 19
    if two in (36, 38, 39) or 300 <= int(digits[:3]) <= 305:
        return 14 <= n <= 19
    if digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649:
        return 16 <= n <= 19
    if two == 62:
        return 16 <= n <= 19
    return False


def _placeholder_digits(digits: str) -> bool:
    """000-0000-0000, 1234-5678 and the like are examples, not data."""
    tail = digits[-8:] if len(digits) >= 8 else digits
    if len(set(tail)) <= 1:
        return True
    return tail in "01234567890123456789" or tail in "98765432109876543210"


# ---------------------------------------------------------------- phone

_PHONE = fast_compile(
    # a comma before is a CSV field's (1,090,000 fails the shape: commas stop the match)
    r"(?<![0-9A-Za-z+\-.])(?<![0-9]/)"
    r"(?:\+81[ -]?(?:\(0\)[ -]?)?|\(0|0)"
    # 090-\n3318-7742: a line may break after a hyphen
    r"[0-9](?:[0-9 ()\-]|(?<=-)\n){6,15}(?<=[0-9])"
    r"(?![0-9A-Za-z]|-[0-9]|/[0-9])"
)
_PHONE_SHAPE = fast_compile(r"^[+0-9(][0-9]*(?:(?: ?[()\-] ?| )[0-9]+){0,3}\)?$")
_INSTITUTION = fast_compile(
    r"市役所|役所|役場|庁舎|本庁|支所|出張所|保健所|事務所|研究所|営業所|所在地|[^\s号]課|"
    r"[^\s号]係(?!長)|(?<!号)室(?!長)|[^\s]局|[^\s]署|センター|病院|医院|クリニック|会館|"
    r"公民館|図書館|[^\s]館|学校|大学|保育園|幼稚園|こども園|事務局|本社|支店|店舗|工場|協会|"
    r"組合|協議会|株式会社|有限会社|法人|団体|窓口|代表(?<![人者族帯]代表)|直通|問い?合わ?せ|問合せ|相談ダイヤル|"
    r"コールセンター|ダイヤル|FAX|ファクス|開館|開庁|受付時間|"
    r"City Hall|Division|Department|Office|Section|Center|Centre|Library|Hospital|Ward"
)
# Someone's own number, said right before it: 自宅 (027)…, 山田様の電話 027-….
_OWN_NUMBER_BEFORE = fast_compile(
    r"(?:様|さま|さん|殿|自宅|携帯)(?:の)?(?:電話|番号|TEL|Tel|tel)?(?:番号)?[\s:：は(（]*$"
)
_PERSONAL_PHONE_CONTEXT = fast_compile(
    r"様|さん|氏(?!名)|殿|くん|君|ちゃん|宅|自宅|携帯|本人|相談者|申請者|連絡先|長男|長女|"
    r"次男|次女|夫|妻|母|父|息子|娘|保護者|家族|個人|氏名|世帯主|住所|"
    # 報告者：金子 英雄（電話 …）, 所有者 石田 隆（…在住、TEL …）: a resident reporting
    r"在住|報告者|通報者|所有者|飼い主|届出人|依頼者|申出人|発見者|借主|貸主|占有者"
)
# TEL 027-251-6638（自宅）: said after the number
_PERSONAL_AFTER = fast_compile(r"^\s*[（(](?:自宅|携帯|本人|個人|実家)")
_INSTITUTION_AFTER = fast_compile(
    r"^\s*[（(](?:代表|直通|内線|平日|受付|(?:課|係|室|所|局|部|センター)の?(?:直通|代表))"
)
# 市役所 福祉課 御中: the addressee of a letter; the numbers in it are the sender's
_ADDRESSEE_LINE = fast_compile(r"[^\n]{0,20}?(?:御中|宛て?|あて)(?:\s|$)")


def _phone_context(norm: str, start: int, end: int) -> str | None:
    """'personal' or 'institutional' from the nearest marker before the number."""
    if _OWN_NUMBER_BEFORE.search(norm, max(0, start - 12), start) or _PERSONAL_AFTER.match(
        after(norm, end, 8)
    ):
        return "personal"  # 自宅 (027)254-…（平日の午前中…）: the hours are the caller's
    if _INSTITUTION_AFTER.match(after(norm, end, 10)):
        return "institutional"
    header_end = _org_table_header_end(norm, start)
    if header_end is not None and "\n\n" not in norm[header_end:start]:
        return "institutional"  # 事業所名,所在地,電話 above: a list of offices and their numbers
    window = norm[max(0, start - 150) : start]
    # ――――: a pasted mail or document starts here; the request above it is another voice
    cut = max((m.end() for m in _SEPARATOR_LINE.finditer(window)), default=0)
    window = window[cut:]
    last_personal = max((m.end() for m in _PERSONAL_PHONE_CONTEXT.finditer(window)), default=-1)
    last_inst = max((m.end() for m in _INSTITUTION.finditer(window)
                     if not _ADDRESSEE_LINE.match(window, m.end())), default=-1)
    if last_personal < 0 and last_inst < 0:
        return None
    return "personal" if last_personal >= last_inst else "institutional"


# The header row of a pasted list of offices, shops or facilities with their numbers.
_ORG_NAME_HEADER = fast_compile(r"事業所名|施設名|店舗名|法人名|団体名|事業者名|会社名|医療機関名")
_PHONE_HEADER = fast_compile(r"電話|TEL|Tel|連絡先")


def _org_table_header_end(norm: str, start: int) -> int | None:
    """End of the last line before `start` that heads a list of offices with a phone column."""
    found = None
    for m in _ORG_NAME_HEADER.finditer(norm, 0, start):
        lo = norm.rfind("\n", 0, m.start()) + 1
        hi = norm.find("\n", m.end(), start)
        hi = start if hi < 0 else hi
        if _PHONE_HEADER.search(norm, lo, hi):
            found = hi
    return found

_SEPARATOR_LINE = fast_compile(r"(?:^|\n)[ \t]*[-=_*~―─━ー＝]{3,}[ \t]*(?=\n|$)")


# Words that make a number an illustration of a format rather than someone's number.
_FORMAT_WORDS = fast_compile(
    r"例(?!外)|形式|書式|フォーマット|正規表現|パターン|サンプル|ダミー|架空|伏せ字|桁|"
    r"ハイフン|入力チェック|バリデーション|チェック|regex|Regex|表記|記入例|記載例|見本|"
    r"みたいに|のように|→|ゼロ埋め|先頭の0"
)
# A person right before the number: 山田太郎さん（090-…）, 携帯: 090-…, 連絡先 090-….
_PERSON_NEAR = fast_compile(
    r"(?:様|さま|さん|氏|殿|くん|君|ちゃん|本人|自宅|携帯|連絡先|緊急連絡先|宅)"
    r"[\s:：(（]*(?:の)?(?:携帯|電話|連絡先|番号|TEL|Tel|tel)?(?:番号)?(?:は|:|：)?[\s(（]*$"
)

_HONORIFIC_NEAR = fast_compile(r"(?:様|さま|さん|氏|殿|くん|君|ちゃん)")


def _personal_example(norm: str, start: int, end: int) -> bool:
    """True when a placeholder-looking number (090-1234-5678) stands in a personal context.

    Next to a person (after an honorific, 携帯, 連絡先 …) it is a phone number like any
    other; the example exemption is kept for neutral text (format and regex explanations).
    """
    near = _PERSON_NEAR.search(norm[max(0, start - 20) : start])
    if near and _HONORIFIC_NEAR.match(near.group()):
        return True  # 山田太郎さん（090-1234-5678）
    lo, hi = sentence_bounds(norm, start, end)
    if _FORMAT_WORDS.search(norm, lo, hi) or SAMPLE_FORM.search(norm):
        return False  # 記入例 … 電話：090-0000-0000: the sample form's blank
    return bool(near) or _phone_context(norm, start, end) == "personal"


def _phone_kind(digits: str) -> str | None:
    if digits.startswith("81"):
        digits = "0" + digits[2:]
    n = len(digits)
    if not digits.startswith("0"):
        return None
    if digits[:3] in ("070", "080", "090") and n == 11:
        return "mobile"
    if digits.startswith("050") and n == 11:
        return "ip"
    if digits.startswith(("0120", "0800", "0570", "0990")):
        return "service"
    if n == 10 and digits[1] != "0":
        return "landline"
    return None


def _phone_grade(norm: str, start: int, end: int, digits: str, kind: str) -> float | None:
    """How surely a valid number at norm[start:end] is someone's own; None when it is not."""
    # 027-000-0000: the subscriber part after the area code is the placeholder
    placeholder = _placeholder_digits(digits) or _placeholder_digits(digits[3:])
    if placeholder and not _personal_example(norm, start, end):
        return None
    if kind == "mobile":
        return 0.95
    context = _phone_context(norm, start, end)
    if context == "institutional":
        return None
    return 0.9 if context == "personal" else 0.7


def detect_phones(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _PHONE.finditer(norm):
        start, value = m.start(), m.group()
        kind = None
        # Greedy matching can swallow a following number; drop trailing groups until valid.
        for _ in range(3):
            value = value.rstrip(" ()-")
            if _PHONE_SHAPE.match(value.replace("-\n", "-")):  # 090-\n3318-7742
                kind = _phone_kind(digits_only(value))
                if kind:
                    break
            # 049-226-8814（3回かけたが…: the bracket after the number opens a remark
            cut = max(value.rfind(" "), value.rfind("-"), value.rfind(")"), value.rfind("("))
            if cut <= 0:
                break
            value = value[:cut]
        if not kind or kind == "service":
            continue
        end = start + len(value)
        if value.startswith("(") and ")" not in value:
            start += 1
        graded = _phone_grade(norm, start, end, digits_only(value), kind)
        if graded:
            findings.append(Finding(Category.PHONE, start, end, graded, kind))
    if "の" in norm:
        # 電話は090の6612の5820: a number read out, の between its groups
        for m in _SPOKEN_PHONE.finditer(norm):
            _add_written_phone(findings, norm, m, digits_only(m.group()), "spoken")
    if "+" in norm:
        for m in _FOREIGN_PHONE.finditer(norm):
            if _PERSONAL_PHONE_WORD.search(norm, max(0, m.start() - 16), m.start()):
                findings.append(Finding(Category.PHONE, m.start(), m.end(), 0.7, "international"))
    return findings


_SPOKEN_PHONE = fast_compile(r"(?<![0-9])0[0-9]{1,4}の[0-9]{1,4}の[0-9]{4}(?![0-9])")
# mobile +1-503-555-0147: a number abroad (not +81), said to be someone's
_FOREIGN_PHONE = fast_compile(r"(?<![\w+])\+(?!81)[1-9]\d{0,2}[ -]\d{1,4}[ -]\d{2,4}[ -]?\d{3,4}(?!\d)")
_PERSONAL_PHONE_WORD = fast_compile(r"mobile|cell|phone|tel|Tel|TEL|携帯|電話|連絡先|WhatsApp", re.I)


_KANJI_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
# 〇九〇-四四一二-七七八三: a number written in kanji numerals (the dashes are normalised).
_KANJI_PHONE = fast_compile(
    r"(?:(?<![一-龥〇])|(?<=携帯|電話|自宅)|(?<=連絡先))[〇零一二三四五六七八九]{2,5}[-・ ]?[〇零一二三四五六七八九]{1,4}[-・ ]?"
    r"[〇零一二三四五六七八九]{4}(?![一-龥〇])"
)


def detect_kanji_phones(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _KANJI_PHONE.finditer(norm):
        _add_written_phone(findings, norm, m, digits_only(m.group().translate(_KANJI_DIGIT)), "kanji")
    return findings


def _add_written_phone(findings: list[Finding], norm: str, m: re.Match[str], digits: str,
                       form: str) -> None:
    """A number written out another way (kanji numerals, read out with の), checked against
    the numbering plan and graded by its context like any other."""
    kind = _phone_kind(digits)
    if kind in (None, "service"):
        return
    graded = _phone_grade(norm, m.start(), m.end(), digits, kind)
    if graded:
        findings.append(Finding(Category.PHONE, m.start(), m.end(), graded, f"{kind}_{form}"))


# ---------------------------------------------------------------- 12-digit 個人番号

_TWELVE = fast_compile(r"(?<![0-9A-Za-z\-])(?<!\d[ -])\d{4}[ \n-]?\d{4}[ \n-]?\d{4}(?![0-9A-Za-z]|[ -]\d)")
_MY_NUMBER_CONTEXT = fast_compile(r"個人番号|マイナンバー|ﾏｲﾅﾝﾊﾞｰ|My ?Number|番号")
_NOT_MY_NUMBER = fast_compile(
    r"法人番号|受付番号|収納番号|整理番号|管理番号|注文番号|伝票|JAN|コード|型番|品番|例[:：]?|"
    r"免許|旅券|パスポート|被保険者|年金|宛名番号|口座|会員番号|お客様番号|電話|TEL|Tel"
)


_MY_NUMBER_AFTER = fast_compile(r"[^\n]{0,10}(?:マイナンバー|個人番号)")


def detect_my_numbers(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _TWELVE.finditer(norm):
        digits = digits_only(m.group())
        if len(set(digits)) == 1 or (_placeholder_digits(digits) and not my_number_valid(digits)):
            continue  # 0000 0000 0000, 123456789012: the blank or the dummy a sample form shows
        ahead = before(norm, m.start(), 20)
        context = _MY_NUMBER_CONTEXT.search(ahead)
        # (電話で確認を頼まれました。番号は …: a word of the sentence before says nothing)
        negative = _NOT_MY_NUMBER.search(ahead, max(ahead.rfind("。"), ahead.rfind("\n")) + 1)
        # 番号は 8590 3065 1643 です。マイナンバーの…: the word may come right after the number
        # (not after 受付整理番号が …12桁。マイナンバーと見間違えそう: another number named before)
        strong = (context is not None and context.group() != "番号") or (
            negative is None and _MY_NUMBER_AFTER.match(after(norm, m.end(), 16)) is not None
        )
        if negative and not strong:
            continue
        if negative and strong and negative.start() > context.start():
            continue
        valid = my_number_valid(digits)
        if strong:
            confidence = 0.95 if valid else 0.7
        elif valid:
            confidence = 0.8 if context else 0.6
        else:
            continue
        findings.append(
            Finding(Category.MY_NUMBER, m.start(), m.end(), confidence,
                    "check_digit" if valid else "context")
        )
    return findings


# ---------------------------------------------------------------- payment cards

_CARD = fast_compile(
    r"(?<![0-9A-Za-z\-])(?<!\d[ -])\d{4}[ -]?\d{4,6}[ -]?\d{4,5}(?:[ -]?\d{1,4})?(?![0-9A-Za-z]|[ -]\d)"
)
_CARD_CONTEXT = fast_compile(
    r"カード|card|Card|CARD|VISA|Visa|JCB|Master|AMEX|Amex|アメックス|ダイナース|決済|クレジット"
)


def detect_cards(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for m in _CARD.finditer(norm):
        digits = digits_only(m.group())
        if not 14 <= len(digits) <= 19:
            continue
        if not luhn_valid(digits):
            continue
        context = _CARD_CONTEXT.search(before(norm, m.start(), 40))
        if not (card_brand_prefix(digits) or context):
            continue  # a brand the number does not start with, and nothing says "card"
        if _placeholder_digits(digits) and not (
            context and not _FORMAT_WORDS.search(norm, *sentence_bounds(norm, m.start(), m.end()))
        ):
            continue  # a well-known test number, unless it is given as someone's card
        confidence = 0.95 if context else 0.8
        findings.append(Finding(Category.CREDIT_CARD, m.start(), m.end(), confidence, "luhn"))
    return findings


# ---------------------------------------------------------------- bank accounts

_ACCOUNT = fast_compile(r"(?<![0-9A-Za-z\-,])(?<!\d\.)\d{7,8}(?![0-9A-Za-z\-]|[.,]\d)")
_ACCOUNT_NEAR = fast_compile(
    r"普通|当座|貯蓄|総合|口座|預金|No\.?|NO\.?|№|番号|記号\s?\d{5}|フツウ|トウザ|"
    r"[Oo]rdinary|[Ss]avings|[Cc]hecking|[Aa]ccount(?: [Nn]o\.?| [Nn]umber)?"
)
_PUBLIC_FUND = fast_compile(r"義援金|募金|寄附金?の?(?:振込|受付)|寄付金?の?(?:振込|受付)|基金への")
_BODY_HOLDER = fast_compile(
    r"[^\n]{0,6}?(?:口座)?名義(?:人)?\s?[:：]?\s?[^\n]{0,12}?(?:会計管理者|出納(?:室|長)|市長|町長|村長|基金|協会|組合|"
    r"株式会社|有限会社|法人|役所|役場|ｶｲｹｲｶﾝﾘｼｬ|カイケイカンリシャ)"
)
_YUCHO_SYMBOL = fast_compile(r"記号[\s:：]?\d{5}(?:-\d)?[\s、,]*(?:番号)?[\s:：]*$")
_BANK = fast_compile(
    r"銀行|信用金庫|信金|信用組合|信組|労働金庫|労金|ゆうちょ|郵便局|JA|農協|漁協|支店|本店|"
    r"営業部|口座|振込|振替|bank|Bank|ギンコウ|シンキン|シテン|フツウ|トウザ"
)

_ACCOUNT_LEAD = fast_compile(
    r"(?:[^\s、,。:：()（）「」]{1,12}(?:銀行|信用金庫|信金|信用組合|労働金庫|農業協同組合|農協)\s?)?"
    r"(?:[^\s、,。:：()（）「」]{1,10}(?:支店|本店|営業部|出張所)\s?)?"
    r"(?:普通預金|当座預金|貯蓄預金|普通|当座|貯蓄)(?:口座)?\s?(?:(?:口座)?番号\s?[:：]?\s?)?$"
)


# ゆうちょ銀行 記号番号 10350-28417561: the symbol and the number joined by a hyphen
_YUCHO_PAIR = fast_compile(r"(?<![\d\-])\d{5}(?:-\d)?-\d{7,8}(?![\d\-])")
_YUCHO_WORD = fast_compile(r"ゆうちょ|郵便貯金|記号番号|記号・番号")


def detect_bank_accounts(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    if "ゆうちょ" in norm or "記号" in norm:
        for m in _YUCHO_PAIR.finditer(norm):
            if _YUCHO_WORD.search(before(norm, m.start(), 24)):
                findings.append(Finding(Category.BANK_ACCOUNT, m.start(), m.end(), 0.9, "account_context"))
    for m in _ACCOUNT.finditer(norm):
        near = before(norm, m.start(), 14)
        if not _ACCOUNT_NEAR.search(near):
            continue
        wide = before(norm, m.start(), 60)
        if not _BANK.search(wide):
            continue
        if _placeholder_digits(m.group().lstrip("0") or "0") and (
            _FORMAT_WORDS.search(norm, *sentence_bounds(norm, m.start(), m.end()))
            or SAMPLE_FORM.search(norm)
        ):
            continue  # 記入例: 口座番号 1234567 shows the format, it is nobody's account
        if _PUBLIC_FUND.search(norm, *sentence_bounds(norm, m.start(), m.end())) and PUBLISHED_TEXT.search(norm):
            continue  # the city's published account for donations (義援金の振込先, HPに掲載)
        if _BODY_HOLDER.match(norm, m.end()):
            continue  # 口座名義 前橋市会計管理者: the city's own account, not a person's
        confidence = 0.95 if "口座" in wide else 0.9
        # ゆうちょ 記号 10180 番号 28461731: the symbol is half of the account
        symbol = _YUCHO_SYMBOL.search(near)
        start = m.start() - len(near) + symbol.start() if symbol else m.start()
        # 群馬銀行 前橋支店 普通 1234567: the bank, branch and kind written before the number
        # are the account too (masked with it)
        lead = _ACCOUNT_LEAD.search(before(norm, start, 40))
        if lead:
            start -= len(lead.group())
        findings.append(
            Finding(Category.BANK_ACCOUNT, start, m.end(), confidence, "account_context")
        )
    return findings


# ---------------------------------------------------------------- other personal IDs

ID_CONTEXT = fast_compile(
    r"住民票コード|住基コード|運転免許証?(?:の)?番号|免許証番号|運転免許証|旅券番号|旅券|"
    r"パスポート番号|パスポート|passport(?: number| no\.?)?|Passport(?: number| No\.?)?|"
    r"[Ii]nsured(?: person'?s)? (?:number|no\.?)|[Ii]nsurance (?:card )?(?:number|no\.?)|"
    r"[Rr]esidence card (?:number|[Nn]o\.?|\([Nn]o\.?)|[Ll]icen[cs]e (?:number|[Nn]o\.?)|運転経歴証明書|"
    r"選挙人名簿(?:の)?\s?登録番号|選挙人番号|"
    r"被保険者番号|被保険者証番号|保険者番号|基礎年金番号|年金番号|年金手帳番号|宛名番号|"
    r"学籍番号|生徒番号|児童番号|受給者番号|受給者証番号|手帳番号|在留カード(?:番号)?|护照号码|護照號碼|여권번호|"
    r"特別永住者証明書番号|納税者番号|納税義務者番号|社員番号|職員番号|患者番号|診察券番号|"
    r"カルテ番号|利用者番号|世帯番号|個人コード|被保険者記号|記号[^\n]{0,8}番号|"
    r"お客様番号|お客さま番号|顧客番号|水栓番号|検針番号|利用者カード(?:番号)?|図書館カード(?:番号)?|"
    r"会員番号|証明書番号|許可証?番号|受検番号|受験番号|ケース番号|証書番号|保険証番号|免状番号|"
    r"(?:身体障害者|療育|精神障害者保健福祉)手帳|印鑑登録(?:証)?(?:番号|[^。\n]{0,12}(?:登録|カード)番号)|"
    # My NHI card number is …, my basic pension number is …, số ký hiệu (a Vietnamese insurance card)
    r"(?:NHI|[Hh]ealth [Ii]nsurance|[Ii]nsurance|[Rr]esidence|ID|[Mm]y [Nn]umber) card (?:number|[Nn]o\.?)|"
    r"(?:[Bb]asic )?[Pp]ension (?:number|[Nn]o\.?)|số (?:ký hiệu|thẻ|hộ chiếu)|"
    # 患者ID 7730215, applicant ID is MIS-25-0093
    r"(?:患者|利用者|受給者|会員|職員|社員|学生|生徒|申請者)ID|"
    r"\b(?:[Pp]atient|[Aa]pplicant|[Ss]tudent|[Mm]ember(?:ship)?|[Cc]ustomer|[Ee]mployee) ID\b"
)
# Digit groups may be separated by single spaces (第 4107 2283 5196 号).
_ID_VALUE = fast_compile(
    r"(?<![0-9A-Za-z])(?:第\s?)?([0-9A-Z](?:[0-9A-Z\-]|[ ](?=[0-9]{3})){3,23})(?![0-9A-Za-z])"
)
# 被保険者記号番号：前国 30418852: the insurer's symbol in kanji before the number
# 運転免許証を見せてもらった。番号 第423…号: the card, then its number under a bare label
_NUMBER_LABEL_END = fast_compile(r"番号[\s:：]*(?:第\s?)?$")
# 基礎年金番号を読み上げてくれた：4102-583961: the label, what was done with it, a colon
_SAID_GAP = fast_compile(r"^(?:を|は)[^\n。\d]{0,12}[:：]\s*$")
_ID_GAP = fast_compile(r"^[\s:：、,は（(]*(?:is|No\.?|番号|第)?[\s:：]*(?:[一-龥]{1,3} )?$")


_EXAMPLE_AFTER = re.compile(r"\s?(?:など|等[、，,)）]|のような|のように|みたいな)")
_OWN_SHAPE = {
    "住民票コード": re.compile(r"\d{11}"),
    "住基コード": re.compile(r"\d{11}"),
    "基礎年金番号": re.compile(r"\d{4}-?\d{6}"),
    "年金番号": re.compile(r"\d{4}-?\d{6}"),
}


# 番号 第, 記号 前国 番号, 学籍番号（申請書）：: a short word or a bracketed remark between the
# label and its value
_SHORT_GAP = re.compile(r"[\s:：]*(?:[^\s\d]{1,4}|\([^()\n\d]{1,8}\))[\s:：]*$")


def detect_ids(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for ctx in ID_CONTEXT.finditer(norm):
        if ctx.group().startswith("記号") and _BANK.search(before(norm, ctx.start(), 30)):
            continue  # ゆうちょ 記号・番号 is an account, found by detect_bank_accounts
        window_end = min(len(norm), ctx.end() + 48)
        for m in _ID_VALUE.finditer(norm, ctx.end(), window_end):
            gap = norm[ctx.end() : m.start()]
            value = m.group(1)
            # 住民票コード：記載なし（照会したところ 73915284061 と一致）, 基礎年金番号は…確認した
            # 4102-583916: a value in the shape of the very number named, in the same line
            shape = _OWN_SHAPE.get(ctx.group())
            own_shape = shape is not None and "\n" not in gap and shape.fullmatch(value)
            if own_shape and (_placeholder_digits(digits_only(value)) or _FORMAT_WORDS.search(
                norm, *sentence_bounds(norm, m.start(), m.end())
            )):
                # テストデータは 00000000000 のようなダミー値: the shape shown, nobody's code;
                # only a value right after its label counts then
                own_shape = None
            if not own_shape and (
                "\n" in gap or len(gap) > 24 or (len(gap) > 12 and not _NUMBER_LABEL_END.search(gap))
            ):
                break
            if sum(c.isdigit() for c in value) < 4 or value.endswith("-"):
                continue
            # Allow a short non-number gap only ("番号 第", "記号 前国 番号").
            if not own_shape and not _ID_GAP.match(gap) and not _SHORT_GAP.match(gap) and not (
                _NUMBER_LABEL_END.search(gap) or _SAID_GAP.match(gap)
            ):
                continue
            start = m.start(1)
            end = m.end(1)
            if norm[start - 1 : start] in ("「", "『", '"') and "例" in before(norm, ctx.start(), 12):
                break  # 例として職員番号「A0001」で…: a value made up to show a formula
            if _EXAMPLE_AFTER.match(norm, end):
                break  # 許可証番号（P-0412 など）: the form of the numbers, not one of them
            findings.append(Finding(Category.ID_NUMBER, start, end, 0.9, "id_context"))
            break
    return findings


# A vehicle number plate (群馬 330 ね 47-19, 前橋500あ12-34): it names the car's keeper.
_PLATE = fast_compile(
    r"(?<![一-龥])[一-龥]{1,4}[ \u3000]?\d{2,3}[ \u3000]?[あ-ん][ \u3000]?(?:\d{1,2}-\d{2}|[・･]{1,3}\d{1,3})(?![0-9])"
)


_OFFICIAL_CARS = fast_compile(r"公用車|庁用車|消防車|救急車|指揮車|パトロール車|(?:市|町|村)有車")


def detect_plates(text: str) -> list[Finding]:
    norm = normalize(text)
    plates = list(_PLATE.finditer(norm))
    if plates and _OFFICIAL_CARS.search(norm) and not _PERSONAL_PHONE_CONTEXT.search(norm):
        return []  # 公用車の点検: the city's own vehicles, nobody's keeper
    return [Finding(Category.ID_NUMBER, m.start(), m.end(), 0.9, "number_plate") for m in plates]


def detect_numbers(text: str) -> list[Finding]:
    ids = detect_ids(text) + detect_plates(text)
    taken = [(f.start, f.end) for f in ids]

    def free(f: Finding) -> bool:
        return not any(f.start < e and s < f.end for s, e in taken)

    out = list(ids)
    out += [f for f in detect_my_numbers(text) if free(f)]
    out += [f for f in detect_cards(text) if free(f)]
    out += [f for f in detect_bank_accounts(text) if free(f)]
    out += [f for f in detect_phones(text) if free(f)]
    if any(c in text for c in "〇零"):  # a phone in kanji numerals has a 0 (〇九〇, 〇二七)
        out += [f for f in detect_kanji_phones(text) if free(f)]
    return out
