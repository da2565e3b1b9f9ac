"""What a column header says about its values (氏名, 住所, tel, jusho …).

A header alone never blocks a file: it tells the column screener which value check
to run (a value under 氏名 that looks like a name is a name even when the
context-free detectors are unsure) and which detector hits to distrust (a date
under 受付日 is not a birth date).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from screening.types import Category


class HeaderKind(StrEnum):
    PERSON_NAME = "person_name"
    KANA_NAME = "kana_name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    CONTACT = "contact"  # 連絡先: a phone number or an e-mail address
    BIRTH_DATE = "birth_date"
    MY_NUMBER = "my_number"
    ID_NUMBER = "id_number"
    BANK_ACCOUNT = "bank_account"
    CREDIT_CARD = "credit_card"
    SENSITIVE = "sensitive"
    OTHER_DATE = "other_date"  # 受付日, 資格取得日: never a birth date
    ORGANISATION = "organisation"  # 施設名, 部署名, 問い合わせ先: institutional rows
    LABEL = "label"  # 町丁目名, 地区, イベント名, 返礼品: names of places and things
    NONE = "none"


# The category a header-confirmed value is reported under.
KIND_CATEGORY: dict[HeaderKind, Category] = {
    HeaderKind.PERSON_NAME: Category.PERSON_NAME,
    HeaderKind.KANA_NAME: Category.PERSON_NAME,
    HeaderKind.ADDRESS: Category.ADDRESS,
    HeaderKind.PHONE: Category.PHONE,
    HeaderKind.EMAIL: Category.EMAIL,
    HeaderKind.BIRTH_DATE: Category.BIRTH_DATE,
    HeaderKind.MY_NUMBER: Category.MY_NUMBER,
    HeaderKind.ID_NUMBER: Category.ID_NUMBER,
    HeaderKind.BANK_ACCOUNT: Category.BANK_ACCOUNT,
    HeaderKind.CREDIT_CARD: Category.CREDIT_CARD,
    HeaderKind.SENSITIVE: Category.SENSITIVE,
}

_STRIP = re.compile(r"[\s_\-・.。:：/／]+")
_BRACKETS = re.compile(r"[（(【\[［<＜「][^）)】\]］>＞」]*[）)】\]］>＞」]")

# Object words: such a header names a thing, not a person (施設名, 事業者名).
_NOT_PERSON = re.compile(
    r"施設|会場|事業|団体|会社|法人|店|機関|学校|部署|課名|所属|業者|地区|町名|町丁|丁目|地名|"
    r"品|資料|イベント|行事|催し|路線|駅|ファイル|file|user|ユーザ|項目|科目|款|項|勘定|名称|"
    r"組織|館|園|公園|講座|教室|事務所|病院|銀行|金融|支店|商品|製品|件名|題名|書名|曲名|"
    r"作品|番組|団地|建物|物件|避難所|区分|種別|分類|company|facility|venue|office|"
    r"department|organi[sz]ation|station|product|event|file|branch|bank|"
    # 運転者（職）: the driver's job title is recorded, not the name; shiryo_mei: a book's title
    r"職名|役職|職種|[(（]職[)）]|shiryo|shomei|daimei|hinmei|meisho|shisetsu|kaisha"
)
# Endings that turn a header into a count, an amount or a code rather than a value.
_NOT_VALUE_END = re.compile(
    r"(数|率|額|割合|件数|人数|比|計|合計|count|rate|total|num)$"
)

_RULES: tuple[tuple[HeaderKind, re.Pattern[str]], ...] = (
    (
        HeaderKind.MY_NUMBER,
        re.compile(r"個人番号|マイナンバー|mynumber|kojinbang|mynum"),
    ),
    (
        HeaderKind.ID_NUMBER,
        re.compile(
            r"riyosha_?(no|bango|id)|kaiin_?(no|bango|id)|宛名(番号|コード|no|cd|id)|被保険者(証)?(番号|記号|no|id)|被保(番号|記号|no|id)|住民票コード|住民(番号|コード)|"
            r"運転免許|免許証|旅券|パスポート|passport|基礎年金|年金番号|学籍|生徒番号|"
            r"児童番号|受給者(証)?番号|職員番号|社員番号|患者(番号|id)|カルテ|介護保険番号|"
            r"手帳番号|個人(コード|id)|世帯番号|会員番号|在留カード|特別永住者|納税者番号|"
            r"納税義務者番号|診察券|利用者番号|住基コード|お客様番号|顧客番号|ケース(番号|no)|hihokensha|taxpayer(no|id|num)|受診券|"
            r"名簿番号|防犯登録|被保番|gakuseki|residencecard|zairyu|免状番号|"
            r"atena|licen[cs]e|studentid|"
            r"employeeid|staffid|patientid|memberid|insured"
        ),
    ),
    (
        HeaderKind.CREDIT_CARD,
        re.compile(r"カード番号|クレジット|card(no|number)|creditcard"),
    ),
    (
        HeaderKind.PERSON_NAME,
        re.compile(r"名義|accountholder|accountname"),
    ),
    (
        HeaderKind.BANK_ACCOUNT,
        re.compile(r"口座|預金番号|account(no|number)|acct(no|num)|bankaccount|kouza|kozabango"),
    ),
    (
        HeaderKind.BIRTH_DATE,
        re.compile(r"(?<!発)生年|誕生日|birth|dob$|^dob|seinengappi|tanjo|^うまれ|^生まれ|umare"),
    ),
    (
        HeaderKind.KANA_NAME,
        re.compile(r"フリガナ|ふりがな|カナ|かな|ヨミ|よみがな|kana|furigana|yomi|^セイ$|^メイ$"),
    ),
    (
        HeaderKind.PERSON_NAME,
        re.compile(
            r"氏名|名前|姓名|フルネーム|shimei|simei|namae|fullname|firstname|lastname|"
            r"surname|givenname|familyname|^name$|^names$|^applicants?$|applicantname|(世帯主|代表者|保護者)(名|氏名|姓)?$|"
            r"(者|人|主|児童|生徒|患者|会員|職員|家族|親族|本人|長|員|師|手|士|様|氏)(名|姓)$|"
            r"(者|人)$|^(姓|名)$|^宛名$|^(お)?名前|^(お)?なまえ$|^しめい$"
        ),
    ),
    (
        HeaderKind.ADDRESS,
        re.compile(
            r"住所|所在地|居所|住居|address|addr|jusho|juusho|jusyo|住まい|送付先|郵送先|"
            r"送り先|届け先|配送先"
        ),
    ),
    (HeaderKind.EMAIL, re.compile(r"メール|mail")),
    (
        HeaderKind.PHONE,
        re.compile(
            r"電話|tel|phone|携帯|mobile|cell|fax|ファックス|ファクス|denwa|keitai"
        ),
    ),
    (HeaderKind.CONTACT, re.compile(r"連絡先|contact|renraku")),
    (
        HeaderKind.SENSITIVE,
        re.compile(
            r"病名|傷病|疾病|疾患|病歴|既往|診断|障害|障がい|要介護|介護度|要支援|支援理由|"
            r"総合判定|健診判定|判定区分|就業区分|服薬|治療|通院|犯罪|前科|逮捕|生活保護|保護種別|扶助|世帯類型|健診結果|検診結果|所見|judge?ment|^判定$|判定結果|宗教|信条|信仰|人種|門地|本籍|"
            r"disease|diagnosis|disabilit|religion|medical|illness"
        ),
    ),
    (
        HeaderKind.OTHER_DATE,
        re.compile(r"日|年月|日時|期限|期間|年度|date|time|時刻|month|year"),
    ),
    (
        HeaderKind.ORGANISATION,
        re.compile(
            r"施設|会場|部署|課名|所属|事業所|事業者|団体|会社|法人|店舗|機関|問い?合わ?せ|問合|"
            r"担当課|学校|避難所|名称|組織|office|facility|department|organi[sz]ation|"
            r"company|venue|institution"
        ),
    ),
    (
        HeaderKind.LABEL,
        re.compile(
            r"地区|地域|町名|町丁|丁目|地名|区域|エリア|場所|校区|学区|行政区|路線|駅|"
            r"バス停|公園|イベント|行事|催し|件名|題名|資料|品名|品目|返礼品|商品|製品|"
            r"科目|款|事業名|講座|教室|分類|区分|種別|種類|項目名|名称|"
            r"area|district|region|place|location|event|item|product|title|category"
        ),
    ),
)

# Headers that only number a column (列1, 項目2, Column3): they say nothing.
_NEUTRAL = re.compile(r"^(列|項目|col|column|field|unnamed|f)?\d*$")

# Words in a phone/contact header that make every number under it personal.
_PERSONAL_CONTACT = re.compile(
    r"携帯|自宅|個人|本人|緊急|保護者|mobile|cell|home|private"
)


def normalise_header(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).lower()
    return _STRIP.sub("", text)


def header_kind(header: str) -> HeaderKind:
    """Classify a header cell; NONE when it carries no meaning we can use."""
    full = normalise_header(header)
    base = _STRIP.sub("", _BRACKETS.sub("", full)) or full
    if _NEUTRAL.match(base):
        return HeaderKind.NONE
    for kind, pattern in _RULES:
        if not pattern.search(base):
            continue
        if kind in (HeaderKind.PERSON_NAME, HeaderKind.KANA_NAME) and (
            _NOT_PERSON.search(base) or _NOT_PERSON.search(full) or _NOT_VALUE_END.search(base)
        ):
            continue
        if (
            kind in KIND_CATEGORY
            and kind is not HeaderKind.SENSITIVE
            and (_NOT_VALUE_END.search(base) and not base.endswith(("番号", "no")))
        ):
            continue
        return kind
    return HeaderKind.NONE


def header_is_personal_contact(header: str) -> bool:
    """True for 携帯電話, 自宅電話, 緊急連絡先: never institutional numbers."""
    return bool(_PERSONAL_CONTACT.search(normalise_header(header)))
