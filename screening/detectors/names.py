"""Person names in any script, scored by the words around them.

Candidates come from SudachiPy's 人名 tags (姓/名/一般, joined across one space or ・),
honorifics (様, さん, 氏, 殿, 君, くん, ちゃん), field labels (氏名, 申請者, 名義 …),
English forms of address, romaji that reads as a Japanese name, and transliterations in
brackets next to a name. Confidence says how sure the context makes us that this is a
private individual: a bare famous name gets a hint-level score the engine does not act on.
"""
from __future__ import annotations

import re
from operator import itemgetter

from screening.detectors.context import (
    PUBLISHED_TEXT,
    SAMPLE_FORM,
    fast_compile,
    quoted_exactly,
    sentence,
    sentence_bounds,
)
from screening.detectors.gazetteer import is_given_kana
from screening.detectors.gazetteer import kinds as gazetteer_kinds
from screening.detectors.name_model import REASON as NAME_MODEL_REASON
from screening.detectors.name_model import model_names
from screening.detectors.normalize import normalize
from screening.detectors.romaji import romaji_person_kind, to_katakana
from screening.detectors.tokens import (
    NAME_OR_PLACE,
    PERSON_OR_PROPER,
    Token,
    can_be_surname,
    indices_with,
    person_kind,
    tokenize,
)
from screening.types import Category, Finding

HINT = 0.15
BARE_FULL = 0.4
CASE_FULL = 0.6
SPACED_FULL = 0.85
ANCHORED = 0.9

_HONORIFIC = fast_compile(r"(?:様|さま|さん|氏|殿|君|くん|ちゃん)(?![名式子々相態付])")
_LABEL = fast_compile(
    r"(?:氏名|お名前|名前|おなまえ|なまえ|しめい|フリガナ|ふりがな|名義(?:人)?|口座名義|申請者|請求者|相談者|申出者|"
    r"支援対象者|対象者|対象児童|対象|世帯主|児童|生徒|保護者|本人|宛先|宛名|受講者|講師|地権者|"
    r"滞納者|納税義務者|義務者|配偶者|被接種者|接種者|通報者|申立人|相手方|利用者|差出人|寄附者|"
    r"寄付者|依頼者|被保険者|扶養親族|届出人|代理人|受取人|債権者名?|契約者|入居者|申込者|受給者|"
    r"患者|被害者|加害者|担当者|死亡者|参加者|登録者|応募者|受験者|就職者|所有者|"
    r"妻|夫|長男|長女|次男|次女|三男|三女|父|母|祖父|祖母|孫)"
    # 氏名（パスポート表記）： a qualifier in brackets between the label and its value
    r"(?:\([^()\n]{1,10}\))?"
    r"(?:[:：]\s*|\s+)"
)
# 髙橋 朔（たかはし さく）: a kanji name with its reading in brackets, whatever the dictionary
# makes of the kanji.
_READING_IN_BRACKETS = fast_compile(r"[（(]([ぁ-ゖ]{2,8} [ぁ-ゖ]{1,8})[)）]")
_KANJI_PAIR_BEFORE = fast_compile(r"(?<![一-龥々])[一-龥々]{1,4} [一-龥々]{1,4}\s?$")
# SILVA RODRIGUES, Lucas Henrique on a line of its own (passport order), or a Latin name as a
# numbered row of a list (3 Carolina Mendes …).
_LATIN_ROSTER = fast_compile(
    r"^[ 　]*(?:\d{1,3}[ .、)]\s?)?([A-Z]{2,}(?: [A-Z]{2,})*, [A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)*)[ 　]*$|"
    r"^[ 　]*\d{1,3}[ .、)]\s?([A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ]+)(?=[ 　\t])",
    re.M,
)
# 片貝様 on a line of its own at the head of a letter; 宛名が「金井」.
_SALUTATION = fast_compile(r"^[ 　]*([一-龥々]{1,4})[ 　]?(?:様|さま|殿)[ 　]*$", re.M)
# 宛名は「お問い合わせいただいた方」: a description of whoever it is, not a name
# 宛名は「Dear [Name],」: a template with a field to fill in
_MERGE_FIELD = fast_compile(r"[\[［【{｛<＜][^\]］】}｝>＞]{1,12}[\]］】}｝>＞]")
# 所有者：龍蔵寺, 所有者：総社神社: a temple, a shrine or a public body owns it
_OWNER_BODIES = ("寺", "神社", "大社", "院", "宮", "教会", "市", "町", "村", "県", "会社", "法人", "組合", "財団")
_GIVEN_AFTER_SPACE = fast_compile(r" [一-龥々]{1,3}(?=\s|$)")
_GENERIC_ADDRESSEE = fast_compile(r"(?:いただいた|された|した|の)方$")
_QUOTED_LABEL = fast_compile(
    r"(?:宛名|名前|氏名|名義)(?:が|は)[「『]([^」』\n○〇◯△□×＊*]{1,12}?)\s?(?:様|さん|殿)?[」』]"
)
_LABEL_WA = fast_compile(
    r"(?:申請者|請求者|相談者|申出者|対象者|世帯主|保護者|本人|受講者|滞納者|納税義務者|"
    r"通報者|申立人|相手方|利用者|差出人|依頼者|被保険者|届出人|代理人|受取人|契約者|"
    r"入居者|申込者|患者|被害者|加害者|担当者|名義人)(?:は|が|:|：)"
)
_ROLE_AFTER = fast_compile(
    # 森本 主任: a space may stand between the surname and the title
    r" ?(?:課長補佐|課長|部長|係長|主査|主任|主事|室長|所長|局長|次長|参事|副参事|班長|会長|"
    r"副会長|理事長|社長|議員|委員長|委員|先生|教諭|校長|教頭|医師|看護師|保健師|弁護士|"
    r"税理士|司法書士|行政書士|館長|園長|院長|支配人|部長代理|監督|選手|投手|捕手|氏|容疑者|被告)"
)
_ORG_AFTER = fast_compile(
    r"(?:株式会社|有限会社|合同会社|建設|工務店|商店|製作所|工業|産業|興業|精機|食品|製菓|"
    r"乳業|銀行|病院|総合病院|中央病院|記念病院|医院|クリニック|法律事務所|事務所|ホテル|旅館|商会|組合|信用組合|信用金庫|信金|農協|生協|財団|学園|"
    r"高校|高等学校|小学校|中学校|大学|通り|町|村|川|山|橋|駅|公園|神社|寺|城|線|賞|流|派|"
    r"記念館|文学館|美術館|家住宅|邸|ビル|ホール|賞|杯|記念|財閥|グループ|ブランド|"
    r"公民館|支所|出張所|会館|市民館|図書館|体育館|保育所|保育園|幼稚園|こども園|地区|地域|"
    r"Inc|Co\.|Corp|Ltd)"
)
_ORG_BEFORE = fast_compile(r"(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲)\s?$")
_HISTORICAL = fast_compile(
    r"明治|大正|江戸|戦国|幕末|鎌倉|室町|平安|奈良時代|初代|の祖|生誕|没後|の生涯|歴史|郷土|偉人|詩人|"
    r"作家|小説家|歌人|俳人|画家|武将|藩主|県令|天皇|将軍|の言葉|名言|引用|銅像|記念館|文学館|"
    r"ゆかり|伝記|史跡|大河ドラマ|昔話|童話|小説|物語|主人公|登場人物|キャラクター|"
    r"文豪|名作|作品|作中|著書|に出てくる|に登場する|の一節|を引いて|の『|創立者|創設者|創始者|開祖"
)
# A name followed by an elected or appointed office, in a sentence reporting what they said
# in public, is a public figure acting in office.
_OFFICIAL_AFTER = fast_compile(
    r"(?:[一-龥]|[ァ-ヴー]){0,6}(?:知事|首相|総理大臣|総理|大臣|長官|市長|町長|村長|議員|議長|大統領)"
)
_PUBLIC_STATEMENT = fast_compile(
    r"記者会見|会見|記者発表|発表|プレスリリース|報道資料|演説|答弁|所信表明|施政方針|談話|表明|出席|"
    r"あいさつ|挨拶|祝辞|式辞|視察|報道公開|提案理由|定例会|施政"
)
_COUNCILLOR = fast_compile(r" ?(?:市|町|村|県|区)?(?:議会)?(?:議員|議長|副議長)")
_COUNCIL_WORK = fast_compile(
    r"一般質問|代表質問|定例会|臨時会|議会だより|本会議|会派|(?:委員会|議会)(?:で|の)(?:質疑|審査|答弁)|"
    r"質問通告|議会報告|政務活動費|会派代表|常任委員会|特別委員会|行政視察|議会ホームページ"
)


def _council_work(norm: str) -> bool:
    return _COUNCIL_WORK.search(norm) is not None


_CASE = fast_compile(
    r"住民票|申請|相談|滞納|受付|届出|世帯|保護者|児童|生徒|患者|利用者|窓口|苦情|通知|記録|"
    r"手続|納税|保険|手当|支給|給付|訪問|入所|入院|転入|転出|受給|住所|電話|連絡先|生年月日|"
    r"面接|採用|職員|担当|来庁|来所|本人|家族|市民|住民|申込|案内|宛"
)
_PLACEHOLDER = fast_compile(
    r"^[○〇◯△□×✕＊*●◎◇◆■▲某\s・]+$|"
    # a merge field: [住所], 【氏名】, <名前>, {宛名}
    r"^[\[［【〔<＜{｛(（]\s?(?:氏名|名前|お名前|住所|宛名|電話番号|電話|生年月日|メール(?:アドレス)?|"
    r"担当者?名?|会社名|学校名|所属|ふりがな|フリガナ|[Nn]ame|NAME)\s?[\]］】〕>＞}｝)）]$|"
    # （受賞者名）, [申請者氏名]: any label of a name in brackets
    r"^[\[［【〔<＜{｛(（]\s?[^\]］】〕>＞}｝)）\s]{1,10}(?:名|氏名|名前)\s?[\]］】〕>＞}｝)）]$"
)
# Stock sample names of Japanese forms (and the city's own, 前橋太郎), in kanji and kana: examples
# only where the words say so (記入例, サンプル …); 山田太郎さん（090-…）への案内文 is a person.
_SAMPLE_NAME = fast_compile(
    r"^(?:山田|田中|鈴木|佐藤|前橋|ヤマダ|タナカ|スズキ|サトウ|マエバシ|やまだ|たなか|まえばし)\s?"
    r"(?:太郎|花子|一郎|次郎|タロウ|ハナコ|イチロウ|ジロウ|たろう|はなこ)$"
)
# In a sample form any surname goes with the stock given names (群馬 花子, 前橋 一郎).
_SAMPLE_GIVEN = fast_compile(r"^[一-龥]{1,3}\s?(?:太郎|花子|一郎|次郎)$")
_EXAMPLE_WORDS = fast_compile(
    r"記入例|記載例|見本|例[:：]|例えば|例として|具体例|サンプル|ダミー|架空|仮の|仮名|テンプレート|様式|"
    r"マスキング|伏せ字|置き換え"
)
_KATAKANA_RUN = fast_compile(r"[ァ-ヴ][ァ-ヴー]*(?:[・ ][ァ-ヴ][ァ-ヴー]*){0,3}$")
# Michael S. Maurer氏: initials with a full stop between the given name and the surname.
_LATIN_RUN_END = fast_compile(r"[A-Z][A-Za-z'\-]*(?: [A-Z]\.)*(?: [A-Z][A-Za-z'\-]*){0,3}$")
# Dear Mr./Ms. ○○, Dear Sir or Madam: a title with no name after it
_EN_TITLE_ONLY = fast_compile(
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Sirs|All|Colleagues|Team|Mayor|Governor|President|Chair|"
    r"Chairperson|Director|Manager|Members?|Staff|Everyone|Friends|Partners|Customers?|Residents?)\b"
)
# 課長 佐久間 3101: a post, a surname, then an extension or the end of a list line
_POST_SURNAME = fast_compile(
    r"(?:^|(?<=[\n、,・\t ]))[一-龥]{0,4}?(?:部長|次長|課長補佐|課長|補佐|係長|主任|主査|主事|技師|所長|館長|園長|校長|教頭|担当)"
    r"[ \u3000]+([一-龥々]{1,4})(?=[ \u3000\t]+[0-9]|[ \u3000]*(?:\n|$))"
)
_LATIN_RUN_START = fast_compile(
    r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+(?: (?:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+|de|da|dos|van|von|bin))*"
)
_HIRAGANA_RUN_END = fast_compile(r"(?:^|(?<=[\s、。,:()「」の]))[ぁ-ゖ]{2,6}(?: [ぁ-ゖ]{2,6})?$")
_HIRAGANA_STOP = fast_compile(r"^(?:お|ご|み(?:な|んな)|こちら|そちら|あちら|どなた|あかちゃん|だれ|ひと|たく$)")
_KATA_STOP = {
    "ママ", "パパ", "オーナー", "スタッフ", "ドライバー", "ボランティア", "マネージャー",
    "リーダー", "メンバー", "ゲスト", "ユーザー", "コーチ", "トレーナー", "ヘルパー",
    "ケアマネ", "ケアマネジャー", "サポーター", "ファン", "カメラマン", "アナウンサー",
    "デザイナー", "イラストレーター", "ライター", "インストラクター", "ガイド", "シェフ", "パート",
    "アルバイト", "バイト", "ケアマネージャー", "ナース", "エンジニア", "ベテラン",
}
_EN_ANCHOR = fast_compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? |\b(?:[Mm]y|[Hh]er|[Hh]is|[Tt]heir) name is |"
    r"\bDear |\b[Nn]ame: |\b[Tt]his is |\b(?:ALT|teacher|resident|colleague|applicant|tenant|student|cardholder|account holder|patient|claimant|employee|trainee|pupil|victim)(?:,| is| was| named)? |\b(?:Surname|Given names?|Family name|First name|Last name|Full name)[:：]? |\b(?:From|To|Cc|Sender|Reply-To): |\bI'm |\bI am |\b[Nn]ame's |\b(?:son|daughter|wife|husband|child|mother|father|brother|sister),? )"
)
# A Latin name with its e-mail address, its birth date or age, or its home address next to it
# (Ahmed Karim (ahmed@…), Kenji Morimoto (DOB …), Baral Suman（29）, Ferreira Lucas 前橋市…).
# Lucas Ferreira da Silva, Vincent van Gogh: the small words inside a Latin name
_PARTICLE = r"(?: (?:da|de|dos|das|do|van|von|der|bin|binti|al|el|di|du|la|le))"
# Two to four capitalised Latin words, with those small words between them
_LATIN_FULL_NAME = (
    rf"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+(?:{_PARTICLE}? [A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+){{1,3}}"
)
_LATIN_NAME_BESIDE = fast_compile(
    rf"\b({_LATIN_FULL_NAME})"
    r"(?: ?\([^()\n@]{1,15}\) ?| ?[(<（]| |/|:)[\w.+\-]+@|"
    rf"\b({_LATIN_FULL_NAME})"
    r"(?= ?[(（](?:DOB|born|b\.|aged?|\d{1,3}[)）]|[^()（）\n]{0,20}?\d{1,3}歳)|,? (?:born|aged) |"
    r" ?[一-龥]{2,3}[都道府県市])"
)
_EN_ORG = fast_compile(
    r"\b(?:City|Office|Hall|Center|Centre|Department|Section|Division|Ward|Prefecture|"
    r"Corporation|Company|Inc|Ltd|School|University|Hospital|Library|Team|Sir|Madam|Staff|"
    r"All|Committee|Council|Association|Bank|Group|Maebashi|Gunma|Japan)\b"
)
# A name directly followed by an age: 原 ハツエ 89歳, 山下 美月(24歳.
_AGE_AFTER = fast_compile(r"(?<=[^\d\s(])(?: |\()\d{1,3}歳(?!以上|以下|未満|まで|から|以降)")
_WORKS_AFTER = re.compile(r"の(?:詩|詩集|小説|作品|名言|生涯|句|俳句|短歌|和歌|随筆|童話|絵本|戯曲)(?![一-龥])")
_SPACED_GIVEN_BEFORE = re.compile(r"(?<![一-龥々])([一-龥々]{1,4}) [一-龥々]{1,2}$")
_KATA_PAIR = fast_compile(r"(?<![ァ-ヴー・])([ァ-ヴ][ァ-ヴー]{1,6}) ([ァ-ヴ][ァ-ヴー]{1,6})(?![ァ-ヴー・])")
_ROMAJI_PAIR = fast_compile(r"\b([A-Z][a-z]{1,14}|[A-Z]{2,15}) ([A-Z][a-z]{1,14}|[A-Z]{2,15})\b")
# 担当：情報政策課 鈴木（内線2314）: a staff member's surname with an extension (warn only:
# staff names in signatures are often public, but not always)
_QUOTE_SIGNATURE = fast_compile(r"[。!?！？\n]\s?([一-龥々]{1,3})\s?[』」]")
_EXTENSION_AFTER = fast_compile(r"([一-龥々]{1,4})\s?\(内線\s?\d{3,5}\)")
# 2組の陽翔くん, ひまわり組のゆいちゃん: a pupil's given name after the class, whatever the
# dictionary makes of the kanji (陽 + 翔く)
_PUPIL = fast_compile(
    r"(?:組|年生|クラス|学年|園児|児童|生徒)の([一-龥々]{1,3}|[ぁ-ゖ]{2,4})\s?(?:くん|君|ちゃん|さん)"
)
# Yamamoto-san, Sato sama: a romaji surname with a Japanese honorific, in English text
_ROMAJI_HONORIFIC = fast_compile(
    r"\b([A-Z][a-z]{1,14}|[A-Z]{2,15})[- ](?:san|sama|kun|chan|sensei|shi|dono)\b"
)
_VIETNAMESE = fast_compile(
    r"\b(?:Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang|"
    r"Đặng|Bui|Bùi|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Dinh|Đinh|Truong|Trương|"
    r"NGUYEN|TRAN|PHAM|HOANG|HUYNH|PHAN|DANG|BUI|NGO|DUONG)"
    # given names with their tone marks (Tuấn, Đức, Ánh)
    r"(?: (?:[A-ZÀ-ÝĐ][a-zà-ỹđ]+|[A-Z]{2,})){1,3}\b"
)


# Chinese and Korean surnames in romaji, then a given name (Wang Lei, KIM Minji). Ones that
# are also English words (Park, Sun, Song, Moon …) are left out.
_SINITIC_ROMAJI = fast_compile(
    r"\b(?:Wang|Zhang|Liu|Chen|Zhao|Huang|Zhou|Xu|Guo|Luo|Liang|Zheng|Xie|Feng|Xiao|Cao|Yuan|"
    r"Deng|Kim|Lee|Choi|Jung|Kang|Yoon|Jang|Kwon|Hwang|Ahn|Jeon|Baek|Li|Wu|Lin|"
    r"WANG|ZHANG|LIU|CHEN|ZHAO|HUANG|ZHOU|XU|GUO|LUO|LIANG|ZHENG|XIE|KIM|LEE|CHOI|JUNG|KANG|"
    r"YOON|JANG|KWON|HWANG|AHN|JEON|BAEK|LI|WU) (?:[A-Z][a-z]{1,10}(?:-[a-z]{1,8})?|[A-Z]{2,10})"
    r"(?: (?:[A-Z][a-z]{1,10}|[A-Z]{2,10}))?\b"
)
# 群馬花子さん（仮名）, 架空の市民「…」: a name made up for the text.
_FICTIONAL_AFTER = fast_compile(r"(?:さん|様|氏|くん|ちゃん)?\s?[(（](?:仮名|架空|仮)[)）]")
_FICTIONAL_BEFORE = fast_compile(r"架空の[^。、\n]{0,8}$")


_ALL_KATA = re.compile(r"[ァ-ヺー]+").fullmatch
_ALL_HIRA = re.compile(r"[ぁ-ゖー]+").fullmatch
_ALL_KANJI = re.compile(r"[一-龥々〆ヶ]+").fullmatch


def _is_kata(s: str) -> bool:
    return _ALL_KATA(s) is not None


def _is_hira(s: str) -> bool:
    return _ALL_HIRA(s) is not None


def _is_kanji(s: str) -> bool:
    return _ALL_KANJI(s) is not None


class _Candidates:
    def __init__(self) -> None:
        self.spans: dict[tuple[int, int], tuple[float, str]] = {}

    def add(self, start: int, end: int, confidence: float, reason: str) -> None:
        if end <= start:
            return
        key = (start, end)
        old = self.spans.get(key)
        if old is None or old[0] < confidence:
            self.spans[key] = (confidence, reason)

    def add_free(self, start: int, end: int, confidence: float, reason: str) -> None:
        """Add the span unless it overlaps one found already."""
        if end > start and not any(a < end and start < b for a, b in self.spans):
            self.spans[(start, end)] = (confidence, reason)


def _token_runs(
    tokens: tuple[Token, ...], named: list[int]
) -> list[tuple[int, int, str, list[Token]]]:
    """Runs of name tokens: (start index, end index exclusive, kind, parts); `named` holds the
    indices of the tokens tagged 人名 or 地名."""
    runs: list[tuple[int, int, str, list[Token]]] = []
    n = len(tokens)
    i = 0
    # Only tokens tagged 人名 or 地名 can start a run: skip the rest without a Python-level
    # look at each (a 4,000-character prompt has ~2,400 tokens and a few dozen of these).
    for start in named:
        if start < i:
            continue  # inside the run found last
        i = start
        tok = tokens[i]
        place_surname = (
            tok.is_place and _is_kanji(tok.surface) and len(tok.surface) <= 3
            and i + 1 < n and (
                (tokens[i + 1].is_given and tokens[i + 1].start == tok.end)
                or (tokens[i + 1].surface == " " and i + 2 < n and tokens[i + 2].is_given
                    and tokens[i + 1].start == tok.end and tokens[i + 2].start == tok.end + 1)
            )
        )
        if not (tok.is_person or place_surname) or tok.surface.isascii():
            continue
        parts = [tok]
        run_start = i
        # 関 孝之, 高瀬 弘子: a short kanji word before a given name is its surname.
        if (
            tok.is_given and i >= 2 and tokens[i - 1].surface == " "
            and tokens[i - 1].start == tokens[i - 2].end
            and _is_kanji(tokens[i - 2].surface) and len(tokens[i - 2].surface) <= 3
            and tokens[i - 2].pos[0] == "名詞" and not tokens[i - 2].is_place
            and (i < 3 or tokens[i - 3].surface in (" ", ":", "、", ",", "\n", "(")
                 or not _is_kanji(tokens[i - 3].surface))
        ):
            parts = [tokens[i - 2], tok]
            run_start = i - 2
        j = i + 1
        while j < n:
            nxt = tokens[j]
            last = parts[-1]
            if nxt.is_person and nxt.start == last.end and not (last.is_given and nxt.is_surname):
                parts.append(nxt)
                j += 1
                continue
            if (
                last.is_surname and len(parts) == 1 and nxt.start == last.end
                and 2 <= len(nxt.surface) <= 5 and not nxt.is_place
                and ((_is_kata(nxt.surface) and (nxt.oov or nxt.is_proper))
                     or (_is_hira(nxt.surface) and nxt.oov))
            ):
                parts.append(nxt)
                j += 1
                continue
            if (
                nxt.surface in (" ", "・") and j + 1 < n
                and tokens[j + 1].start == nxt.end
            ):
                after_sep = tokens[j + 1]
                joinable = after_sep.is_person and not (last.is_given and after_sep.is_surname)
                if nxt.surface == "・" and _is_kata(last.surface) and _is_kata(after_sep.surface):
                    joinable = True
                if (
                    nxt.surface == " " and last.is_surname and len(parts) == 1
                    and (after_sep.is_proper or after_sep.oov)
                    and not after_sep.is_place
                    and (_is_kata(after_sep.surface) or _is_kanji(after_sep.surface))
                    and len(after_sep.surface) <= 4
                ):
                    joinable = True
                if joinable:
                    parts.append(after_sep)
                    j += 2
                    continue
            break
        # Katakana parts before the first name token: タパ・ビシュヌ, アナ・パウラ.
        k = run_start
        while (
            k >= 2 and tokens[k - 1].surface == "・" and _is_kata(tokens[k - 2].surface)
            and _is_kata(parts[0].surface) and tokens[k - 2].end == tokens[k - 1].start
        ):
            parts.insert(0, tokens[k - 2])
            k -= 2
        if len(parts) > 1:
            has_surname = run_start != i or any(p.is_surname or p.is_place for p in parts)
            kind = "full" if (has_surname or all(_is_kata(p.surface) for p in parts)) else "given_pair"
            if all(_is_kata(p.surface) for p in parts) and any(
                p.surface == "・" for p in tokens[k:j]
            ):
                kind = "foreign"
        elif tok.pos[3] == "一般" and _is_kanji(tok.surface) and len(tok.surface) >= 3:
            kind = "famous"
        else:
            kind = "single"
        runs.append((k, j, kind, parts))
        i = max(j, i + 1)
    return runs


_TITLE_AFTER = fast_compile(
    r"(?:首相|外相|蔵相|大統領|船長|博士|教授|頭取|原作|主演|監督|指揮|作曲|作詞|編曲|脚本|演出|"
    r"作画|政権|内閣|大臣|長官|知事|市長|町長|村長|議員|社長|会長|総裁|総督|将軍|提督|中将|少将|"
    r"大将|大佐|中佐|少佐|元帥|皇太子|天皇|皇后|王|帝|公|候|卿|師|翁|夫人|婦人|投手|選手|"
    r"騎手|棋士|九段|八段|七段|名人|横綱|大関|関脇|親方|師匠|門下|一門|没後|死後|逝去|時代|"
    r"体制|生誕|著|訳|編|作)"
)
_PERSON_SUFFIX = {
    "さん", "様", "さま", "氏", "君", "くん", "ちゃん", "殿", "ら", "たち", "達", "等", "夫妻",
    "夫人", "兄弟", "姉妹", "一家", "家", "親子", "一族", "父子", "母子", "家族", "側", "陣営",
    "派", "宛", "宛て", "世帯", "名義", "方", "宅", "本人", "自身", "自ら", "一人",
    "ファン", "役", "組", "監督", "選手", "夫", "妻", "先生", "兄", "姉", "弟", "妹",
}


def _in_compound(tokens: tuple[Token, ...], i: int, j: int, *, lone: bool) -> bool:
    """True when the name tokens are glued to a noun (小川珈琲, ハモンド社, 江原道文川市)."""
    if lone and j < len(tokens) and not _TITLE_AFTER.match(tokens[j].surface):
        nxt = tokens[j]
        if nxt.start == tokens[j - 1].end and nxt.surface not in _PERSON_SUFFIX:
            if nxt.pos[0] == "名詞" and not nxt.is_person and nxt.pos[1] != "数詞":
                return True
            if nxt.pos[0] == "接尾辞" and nxt.pos[1] != "名詞的" or (
                nxt.pos[0] == "接尾辞" and nxt.surface not in _PERSON_SUFFIX
                and nxt.surface not in ("世", "代目", "歳", "才")
            ):
                return True
    if i > 0:
        prev = tokens[i - 1]
        if prev.end == tokens[i].start and prev.pos[0] == "名詞" and (
            prev.is_place or (prev.is_proper and not prev.is_person)
        ):
            return True
    return False


# 「ルパン」, クリントン政権, 第2次吉田内閣, 薬師寺: a name standing for a work, a government
# or a temple. (Said of a lone name word only; a full name keeps its own evidence.)
_NAMED_AFTER = fast_compile(r"(?:」|』|政権|政府|内閣|組|内|-)")


# 田中角栄元首相: offices of the nation that only public figures hold
_NATIONAL_OFFICE = fast_compile(r"(?:元|前|故)?(?:首相|総理(?:大臣)?|大統領|国家主席|官房長官)")


def _national_figure(norm: str, start: int, end: int) -> bool:
    """A full name JMnedict lists as a notable person (`gazetteer`), with a national office
    after it: a public figure named in that role, not a resident."""
    name = norm[start:end]
    office = _NATIONAL_OFFICE.search(name)
    if office is not None and office.end() == len(name):
        name = name[: office.start()]
    elif not _NATIONAL_OFFICE.match(norm, end):
        return False
    return len(name) >= 3 and "notable" in gazetteer_kinds(name)


def _names_something_else(norm: str, start: int, end: int) -> bool:
    return bool(
        _NAMED_AFTER.match(norm, end)
        or norm[end - 1] == "寺"
        or (start > 0 and norm[start - 1] in "次-")
    )


def _quoted_title(norm: str, start: int, end: int) -> bool:
    """「ルパン三世」, 『マリー・アントワネット』: a name that is the whole title of a work."""
    return start > 0 and norm[start - 1] in "「『" and norm[end : end + 1] in ("」", "』")


def _lone_surname(norm: str, tok: Token) -> bool:
    """菅は, 崔の: a one-character surname standing alone before a particle."""
    return (
        tok.is_surname and _is_kanji(tok.surface)
        and norm[tok.end : tok.end + 1] in _SURNAME_PARTICLES
        and not (tok.start > 0 and _is_kanji(norm[tok.start - 1]))
    )


_SURNAME_PARTICLES = frozenset("はがをのともに")


def _surname_like(tok: Token) -> bool:
    """A kanji word that can be a surname: tagged 姓, or a short place name (千葉, 上野)."""
    return _is_kanji(tok.surface) and (
        tok.is_surname or (tok.is_place and tok.is_proper and len(tok.surface) <= 3)
    )


def _surname_before(norm: str, start: int, tokens_by_end: dict[int, int],
                    tokens: tuple[Token, ...]) -> int:
    """Start of a surname written right before `start` (or across one space), else `start`."""
    e = start - 1 if start > 0 and norm[start - 1] == " " else start
    idx = tokens_by_end.get(e)
    if idx is None or not _surname_like(tokens[idx]):
        return start
    if idx > 0 and tokens[idx - 1].end == tokens[idx].start and (
        tokens[idx - 1].pos[0] == "名詞" or _is_kanji(tokens[idx - 1].surface)
    ):
        return start  # the tail of a longer compound (…市上野), not a surname
    return tokens[idx].start


def _backward_name(norm: str, end: int, tokens_by_end: dict[int, int],
                   tokens: tuple[Token, ...]) -> tuple[int, str] | None:
    """A name ending at `end` (before an honorific), with the kind of evidence found."""
    found = _backward_name_core(norm, end, tokens_by_end, tokens)
    if found is None:
        return None
    start, how = found
    if how != "latin":
        start = _surname_before(norm, start, tokens_by_end, tokens)
    return start, how


def _backward_name_core(norm: str, end: int, tokens_by_end: dict[int, int],
                        tokens: tuple[Token, ...]) -> tuple[int, str] | None:
    e = end
    if e > 0 and norm[e - 1] == " ":
        e -= 1
    window = norm[max(0, e - 40) : e]
    m = _LATIN_RUN_END.search(window)
    if m and m.group():
        return e - len(m.group()), "latin"
    m = _KATAKANA_RUN.search(window)
    if m and m.group():
        run = m.group()
        if run.strip() not in _KATA_STOP and not run.endswith("・"):
            return e - len(run), "katakana"
    m = _HIRAGANA_RUN_END.search(window)
    # お客さん is a word; おがさわら あやね さん, with its space, is a name
    if m and m.group() and (" " in m.group() or not _HIRAGANA_STOP.match(m.group())):
        return e - len(m.group()), "hiragana"
    idx = tokens_by_end.get(e)
    if idx is not None:
        tok = tokens[idx]
        # 岡山さくら様: a kana given name glued to a surname.
        if (
            idx > 0 and _is_hira(tok.surface) and 2 <= len(tok.surface) <= 5
            and tok.pos[0] == "名詞" and tokens[idx - 1].end == tok.start
            and _surname_like(tokens[idx - 1])
        ):
            return tok.start, "hiragana"
        if (tok.is_person or tok.oov) and _is_kanji(tok.surface) and tok.surface not in _HONORED_NOUNS:
            start = tok.start
            # 山田太郎さま: the surname glued to the given name belongs to the name.
            if tok.is_given and idx > 0 and tokens[idx - 1].end == tok.start and (
                tokens[idx - 1].is_surname or _surname_like(tokens[idx - 1])
            ):
                start = tokens[idx - 1].start
            if idx >= 2 and tokens[idx - 1].surface == " " and (
                tokens[idx - 2].is_person or tokens[idx - 2].oov
            ):
                start = tokens[idx - 2].start
            return start, "kanji"
        # 野村様, 小川様は, 森様: a word the dictionary also knows as a surname, read as a
        # company, a place or a common noun here (日立様 has no surname reading).
        if (
            _is_kanji(tok.surface) and len(tok.surface) <= 3
            and tok.surface not in _HONORED_NOUNS and not tok.surface.endswith("屋")
            and can_be_surname(tok.surface)
            and not (tok.start > 0 and norm[tok.start - 1] in "おご御")
            and not (idx > 0 and tokens[idx - 1].end == tok.start
                     and (_is_kanji(tokens[idx - 1].surface) or _is_kata(tokens[idx - 1].surface)))
        ):
            return tok.start, "kanji"
    else:
        # 松本様 read as 松 + 本様: no word ends where the honorific starts; take the kanji
        # run before it when the dictionary knows it as a surname.
        s = e
        while s > 0 and e - s < 4 and _is_kanji(norm[s - 1]):
            s -= 1
        run = norm[s:e]
        honorific = _SPLIT_HONORIFIC.match(norm, e)
        if honorific and 2 <= len(run) <= 3 and not (s > 0 and norm[s - 1] in "おご御") and (
            run not in _HONORED_NOUNS and not run.endswith("屋") and can_be_surname(run)
        ):
            return s, "kanji"
    return None


# The honorifics a split reading can hide (本様), followed by what ends a name: not 多様性,
# not 本殿 (殿 inside a word is a hall).
_SPLIT_HONORIFIC = fast_compile(r"(?:様|さま|さん|氏)(?![一-龥々])")
# Words that take 様 as themselves, though each is also somebody's surname (神様, 王様).
# 上様 on a receipt, 大家さん the landlord, …屋さん a shop.
_HONORED_NOUNS = frozenset(
    "神 王 奥 殿 皆 仏 姫 客 主 坊 人 母 父 兄 姉 妹 弟 子 孫 嫁 婿 旦那 先祖 王子 上 大家 家主 大工 "
    "庭師 番頭 女将 親方 仲人 坊主 住職 和尚 釈迦 お釈迦 御釈迦 仏 観音 地蔵 天神 菩薩 "
    "長 課長 部長 局長 室長 所長 館長 園長 校長 院長 会長 社長 議長 市長".split()
)


_FWD_LATIN = fast_compile(
    # DELA CRUZ, ANGELICA MENDOZA: passport order, the surname in capitals before a comma
    r"[A-Z]{2,}(?: [A-Z]{2,})*, [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*|"
    r"[A-Z][A-Za-z'\-]+(?: (?:[A-Z][A-Za-z'\-]+|de|da|dos|van|von|bin))+"
)
_FWD_KATA = fast_compile(r"[ァ-ヴ][ァ-ヴー]*(?:[・ ][ァ-ヴ][ァ-ヴー]*){0,3}")
_FWD_HIRA = fast_compile(r"[ぁ-ゖ]{2,6} [ぁ-ゖ]{1,6}")
# A kanji surname, a space, and a given name in kanji or kana (小松 タケ, 石田 ともや).
_FWD_KANJI = fast_compile(
    r"[一-龥々]{1,4} (?:[一-龥々ヶ]{1,4}(?![一-龥々])|[ぁ-ゖ]{2,5}(?![ぁ-ゖ])|[ァ-ヴー]{2,6}(?![ァ-ヴー]))"
)
_TRAILING_HONORIFIC = fast_compile(r"(?:様|さま|さん|氏|殿|君|くん|ちゃん)$")


def _has_person_token(tokens: tuple[Token, ...], by_start: dict[int, int],
                      start: int, end: int) -> bool:
    idx = by_start.get(start)
    while idx is not None and idx < len(tokens) and tokens[idx].start < end:
        if tokens[idx].is_person:
            return True
        idx += 1
    return False


def _forward_name(norm: str, start: int, tokens_by_start: dict[int, int],
                  tokens: tuple[Token, ...]) -> int | None:
    """End of a name-like run starting at `start` (after a field label), or None."""
    m = _FWD_LATIN.match(norm, start)
    if m:
        return m.end()
    m = _FWD_KATA.match(norm, start)
    if m and len(m.group()) >= 2 and m.group() not in _KATA_STOP and not (
        # 参加者：スポーツ課、観光政策課: the katakana begins a section's or a thing's name
        _is_kanji(norm[m.end() : m.end() + 1]) and not norm.startswith(("様", "氏", "殿", "君"), m.end())
    ):
        return m.end()
    m = _FWD_HIRA.match(norm, start)
    if m:
        return m.end()
    idx = tokens_by_start.get(start)
    first_common = idx is not None and tokens[idx].is_common_noun and not tokens[idx].oov
    m = _FWD_KANJI.match(norm, start)
    if m and not first_common:
        end = m.end()
        h = _TRAILING_HONORIFIC.search(norm, start, end)
        if h:
            end = h.start()
        space = norm.find(" ", start, end)
        second = tokens_by_start.get(space + 1) if space > 0 else None
        if second is not None and tokens[second].is_common_noun and not tokens[second].oov:
            end = space  # 氏名 山田太郎 電話 …: the next field's label is not part of the name
        if _has_person_token(tokens, tokens_by_start, start, end):
            return end
    if idx is not None and (tokens[idx].is_person or tokens[idx].oov) and _is_kanji(
        tokens[idx].surface
    ):
        end = tokens[idx].end
        if idx + 1 < len(tokens) and tokens[idx + 1].is_person:
            end = tokens[idx + 1].end
        return end
    return None


def _kana_person_pair(first: str, second: str) -> bool:
    """ヤマザキ ショウ: a surname JMnedict knows in katakana (the tokenizer reads it as a company)
    and a given name it knows, in katakana or in hiragana only (`gazetteer`)."""
    kinds = gazetteer_kinds(first)
    if "word" in kinds or not {"person", "unclassified"}.intersection(kinds):
        return False  # カレー ライス, ワード エクセル: loanwords first
    return is_given_kana(second) or (
        "person" in (kinds := gazetteer_kinds(second)) and "word" not in kinds
    )


def _romaji_name(first: str, second: str) -> bool:
    """Kenji Sato, SATO Kenji: a surname and another name-like word, either order."""
    kinds = [romaji_person_kind(first), romaji_person_kind(second)]
    return "姓" in kinds and all(kinds)


def detect_names(text: str) -> list[Finding]:
    norm, tokens, by_start, by_end, cands = rule_candidates(text)
    if tokens:
        taken = list(cands.spans)
        added = False
        for start, end in model_names(norm, tokens, by_start, by_end, taken):
            if not any(w in _ORG_WORDS for w in _NAME_SPLIT.split(norm[start:end])):
                cands.add(start, end, HINT, NAME_MODEL_REASON)  # not ワーナー・ブラザース
                added = True
        if added:
            # メリッサ・ブリムと口論となり、ブリムが通報: the parts of the names the model
            # found, written alone
            _add_coreferent_parts(norm, cands, tokens, by_start, by_end)
    _join_inverted_latin(norm, cands)
    return _filter(norm, cands)


# Oliveira, Beatriz / Santos, Carlos（父）: a roster's "Surname, Given name" in Latin letters
_INVERTED_GIVEN = fast_compile(r", ([A-Z][a-zà-ÿ'\-]+(?: [A-Z][a-zà-ÿ'\-]+)?)(?=$|[\s（(、。,;）)様氏殿]|さん)")


def _join_inverted_latin(norm: str, cands: _Candidates) -> None:
    """Stretch a Latin surname over the given name written after a comma."""
    for (start, end), (conf, reason) in list(cands.spans.items()):
        if not norm[end - 1 : end].isalpha() or not norm[end - 1].isascii():
            continue
        m = _INVERTED_GIVEN.match(norm, end)
        if m is None or (start, end) not in cands.spans:
            continue
        inside = [k for k in cands.spans if k != (start, end) and m.start(1) <= k[0] and k[1] <= m.end()]
        if any(a < m.end() and m.start(1) < b for a, b in cands.spans if (a, b) not in inside
               and (a, b) != (start, end)):
            continue
        for key in inside:
            other = cands.spans.pop(key)
            if other[0] > conf:
                conf, reason = other
        del cands.spans[(start, end)]
        cands.add(start, m.end(), conf, reason)


def rule_candidates(
    text: str,
) -> tuple[str, tuple[Token, ...], dict[int, int], dict[int, int], _Candidates]:
    """What the rules find, before the learned model looks at the rest and before filtering."""
    norm = normalize(text)
    tokens = tokenize(norm)
    by_start = dict(zip(map(itemgetter(1), tokens), range(len(tokens)), strict=True))
    by_end = dict(zip(map(itemgetter(2), tokens), range(len(tokens)), strict=True))
    cands = _Candidates()
    historical = bool(_HISTORICAL.search(norm))

    # Found once: runs start at these, and surnames (人名) are among them.
    named = indices_with(tokens, NAME_OR_PLACE)

    for i, j, kind, _parts in _token_runs(tokens, named):
        start, end = tokens[i].start, tokens[j - 1].end
        span_text = norm[start:end]
        if norm[end : end + 1] == ":" and " " not in span_text:
            continue  # 申立人: a field label that happens to read as a name
        if _ORG_BEFORE.search(norm[max(0, start - 6) : start]):
            continue
        org = _ORG_AFTER.match(norm, end)
        if org and not _ROLE_AFTER.match(norm, end):
            continue
        if kind == "single" and i > 0 and tokens[i - 1].is_place and tokens[i - 1].end == start:
            continue  # 手稲区前田: a district named like a surname
        if _ROLE_AFTER.match(norm, end) and kind in ("full", "single", "foreign", "given_pair"):
            # 大胡氏 in a history text is a clan, not a person to protect
            clan = historical and norm.startswith("氏", end)
            # 岡田議員（新政クラブ）：…について in the council's report of its questions: a
            # councillor in office
            in_office = _COUNCILLOR.match(norm, end) and _council_work(norm)
            cands.add(start, end, HINT if clan or in_office else ANCHORED, "title")
            continue
        if " " not in span_text and _in_compound(tokens, i, j, lone=kind in ("single", "famous")):
            continue
        if kind in ("single", "famous", "foreign") and _quoted_title(norm, start, end):
            continue  # a full name in quotes may still be someone's name on a form
        if kind in ("full", "given_pair"):
            if " " in span_text:
                first = tokens[i]
                if first.is_place and not first.is_person and not can_be_surname(first.surface):
                    continue  # 赤城山 覚満淵: a mountain and a pond, not a surname and a name
                cands.add(start, end, SPACED_FULL, "spaced_full_name")
                continue
            lo, hi = sentence_bounds(norm, start, end)
            if historical or (
                _OFFICIAL_AFTER.match(norm, end) and _PUBLIC_STATEMENT.search(norm, lo, hi)
            ) or norm.startswith(("『", "の『"), end) or _WORKS_AFTER.match(norm, end) or (
                _national_figure(norm, start, end)
            ):
                # 〇〇知事は記者会見で…: an official speaking in public; 太宰治『走れメロス』,
                # 萩原朔太郎の詩: an author named with the work
                conf = HINT
            elif _CASE.search(norm, lo, hi):
                conf = CASE_FULL
            else:
                conf = BARE_FULL
            cands.add(start, end, conf, "full_name")
        elif kind == "foreign":
            if _foreign_looks_like_org(_parts):
                continue
            cands.add(start, end, HINT if historical else BARE_FULL, "foreign_name")
        elif end - start == 1 and _lone_surname(norm, tokens[i]):
            cands.add(start, end, HINT, "lone_surname")
        elif (end - start > 1 or kind == "famous") and not _names_something_else(norm, start, end):
            # A lone kanji (昭, 誠) is a name only with an honorific or a label, added below.
            cands.add(start, end, HINT, "famous_name" if kind == "famous" else "name_part")

    for m in _HONORIFIC.finditer(norm):
        found = _backward_name(norm, m.start(), by_end, tokens)
        if found is None:
            # 張偉様, 王芳さん: a Chinese or Korean surname and a given name the dictionary
            # reads as other words.
            sinitic = _SINITIC_BEFORE_HONORIFIC.search(norm, max(0, m.start() - 3), m.start())
            if sinitic is None:
                # 王 偉 さん: written with spaces between the parts
                sinitic = _SINITIC_SPACED_BEFORE_HONORIFIC.search(norm, max(0, m.start() - 6), m.start())
            if sinitic is None:
                continue
            found = (sinitic.start(), "sinitic")
        start, how = found
        if how == "hiragana" and _MASCOT.search(norm):
            continue  # ぐんまちゃん, ふっかちゃん: a mascot character, not a child
        if _in_work_title(norm, start, m.end()):
            continue  # アニメ「サザエさん」: the title of a work, its characters made up

        end = m.start()
        while end > start and norm[end - 1] == " ":
            end -= 1
        # 大胡氏, 北条氏 in a history text: a clan, not a person to protect
        clan = historical and norm.startswith("氏", m.start())
        cands.add(start, end, HINT if clan else ANCHORED, f"honorific_{how}")
    # Sudachi-tagged names right before an honorific (kanji surnames: 鈴木さん, 高橋様).
    for (start, end), (_conf, _reason) in list(cands.spans.items()):
        at = end
        while norm[at : at + 1] == " ":
            at += 1
        tail = norm[at : end + 4]
        hon = _HONORIFIC.match(tail)
        if hon and _in_work_title(norm, start, at + hon.end()):
            continue  # アニメ「サザエさん」
        if hon and not (historical and tail.startswith("氏")) and norm[start:end] not in _HONORED_NOUNS:
            cands.add(start, end, ANCHORED, "honorific")

    for m in _READING_IN_BRACKETS.finditer(norm):
        pair = _KANJI_PAIR_BEFORE.search(norm, max(0, m.start() - 12), m.start())
        if pair:
            cands.add(pair.start(), pair.end(), SPACED_FULL, "name_with_reading")
            cands.add(m.start(1), m.end(1), SPACED_FULL, "reading")
    for m in _LATIN_ROSTER.finditer(norm):
        group = 1 if m.group(1) else 2
        if not _EN_ORG.search(m.group(group)):
            cands.add(m.start(group), m.end(group), CASE_FULL, "latin_roster")
    for m in _SALUTATION.finditer(norm):
        value = m.group(1)
        if value not in _HONORED_NOUNS and not value.startswith("各") and not value.endswith(
            ("屋", "市", "町", "村", "県", "課", "局", "社", "長", "員", "者", "位", "様", "殿")
        ):
            cands.add(m.start(1), m.end(1), CASE_FULL, "salutation")
    for m in _POST_SURNAME.finditer(norm):
        if can_be_surname(m.group(1)):
            cands.add(m.start(1), m.end(1), ANCHORED, "title")
    for m in _QUOTED_LABEL.finditer(norm):
        if not m.group(1).endswith(("各位", "御中", "一同", "皆様", "関係者", "担当者")) and not (
            _GENERIC_ADDRESSEE.search(m.group(1)) or _MERGE_FIELD.search(m.group(1))
        ):
            cands.add(m.start(1), m.end(1), ANCHORED, "field_label")
    for m in _LABEL.finditer(norm):
        end = _forward_name(norm, m.end(), by_start, tokens)
        if end is not None and not (
            # 所有者：善光寺 is a temple; 氏名：小野寺 正道 a surname and a given name
            (norm[m.end() : end].endswith(_OWNER_BODIES) and not (
                m.group().startswith(("氏名", "名前", "お名前")) and _GIVEN_AFTER_SPACE.match(norm, end)
            ))
            or norm.startswith(_OWNER_BODIES, end)
        ):
            cands.add(m.end(), end, ANCHORED, "field_label")
    # 申請者は千葉さくらです: a role word, は, then a surname and a given name.
    for m in _LABEL_WA.finditer(norm):
        idx = by_start.get(m.end())
        if idx is None or not _surname_like(tokens[idx]) or idx + 1 >= len(tokens):
            continue
        nxt = tokens[idx + 1]
        if nxt.start == tokens[idx].end and (
            nxt.is_given or ((_is_hira(nxt.surface) or _is_kata(nxt.surface))
                             and 2 <= len(nxt.surface) <= 5 and nxt.pos[0] == "名詞")
        ) and (_PARTICLE_AFTER.match(norm, nxt.end) or norm.startswith("です", nxt.end)):
            cands.add(m.end(), nxt.end, ANCHORED, "field_label")

    # Ahmed Karim (ahmed.karim@…): a name with its e-mail address.
    for m in _LATIN_NAME_BESIDE.finditer(norm):
        group = 1 if m.group(1) else 2
        if not _EN_ORG.search(m.group(group)):
            cands.add(m.start(group), m.end(group), ANCHORED, "english_address")
    for m in _EN_ANCHOR.finditer(norm):
        n = _LATIN_RUN_START.match(norm, m.end())
        # applicant ID is …: an abbreviation in capitals is not a name; "the resident is
        # Japanese": after is/was only a full name (two words or more) counts
        if n and not _EN_ORG.search(n.group()) and not _EN_TITLE_ONLY.fullmatch(n.group()) and not (
            n.group().isupper() and len(n.group()) <= 3
        ) and not (m.group().endswith((" is ", " was ")) and "name" not in m.group()
                   and " " not in n.group()):
            cands.add(n.start(), n.end(), ANCHORED, "english_address")
    for m in _AGE_AFTER.finditer(norm):
        found = _backward_name(norm, m.start(), by_end, tokens)
        if found is None:
            # 小野寺 実（71歳）: a surname, a space and a given name the dictionary reads as a word
            pair = _SPACED_GIVEN_BEFORE.search(norm, max(0, m.start() - 8), m.start())
            if pair and can_be_surname(pair.group(1)):
                found = (pair.start(), "kanji")
        if found is not None and found[1] != "hiragana" and m.start() - found[0] >= 2:
            cands.add(found[0], m.start() - (1 if norm[m.start() - 1 : m.start()] == " " else 0),
                      SPACED_FULL, f"age_{found[1]}")
    for m in _KATA_PAIR.finditer(norm):
        a, b = m.group(1), m.group(2)
        kinds = (person_kind(a), person_kind(b))
        if kinds[0] == "姓" or kinds[1] == "名" or (kinds[0] and kinds[1]) or _kana_person_pair(a, b):
            cands.add(m.start(), m.end(), SPACED_FULL, "katakana_full_name")
    for m in _ROMAJI_PAIR.finditer(norm):
        if _romaji_name(m.group(1), m.group(2)):
            cands.add(m.start(), m.end(), CASE_FULL, "romaji_name")
    # 『…去年はやってたのに。佐藤』: a quoted message signed with the writer's surname
    for m in _QUOTE_SIGNATURE.finditer(norm):
        if can_be_surname(m.group(1)):
            cands.add(m.start(1), m.end(1), BARE_FULL, "quote_signature")
    for m in _EXTENSION_AFTER.finditer(norm):
        if can_be_surname(m.group(1)):
            cands.add(m.start(1), m.end(1), BARE_FULL, "extension")
    for m in _PUPIL.finditer(norm):
        idx = by_start.get(m.start(1))
        word = tokens[idx] if idx is not None else None
        if word is not None and word.end == m.end(1) and word.is_common_noun and not word.is_person:
            continue  # 児童の保護者さん: a word, not a name
        if not _HIRAGANA_STOP.match(m.group(1)) and m.group(1) not in _HONORED_NOUNS and not (
            m.group(1).startswith(("皆", "各", "全"))
        ):
            cands.add(m.start(1), m.end(1), ANCHORED, "pupil")
    for m in _ROMAJI_HONORIFIC.finditer(norm):
        if romaji_person_kind(m.group(1)) is not None:
            cands.add(m.start(1), m.end(1), ANCHORED, "romaji_honorific")
    for m in _VIETNAMESE.finditer(norm):
        cands.add(m.start(), m.end(), CASE_FULL, "vietnamese_name")
    for m in _SINITIC_ROMAJI.finditer(norm):
        if not _EN_ORG.search(m.group()):
            cands.add(m.start(), m.end(), CASE_FULL, "sinitic_romaji")

    # Katakana runs that may be a foreign name: looked at by both of the next two.
    kata_runs = [m.span() for m in _KATA_NAME_RUN.finditer(norm)]
    _add_untagged_foreign(norm, cands, tokens, by_start, kata_runs)
    _add_context_names(norm, cands, tokens, by_start, named, kata_runs)
    _add_sinitic(norm, cands, tokens, by_start, historical)
    _add_coreferent_parts(norm, cands, tokens, by_start, by_end)
    _add_name_shapes(norm, cands, historical)
    _add_role_appositions(norm, cands, tokens, by_start)
    _add_transliterations(norm, cands, tokens, by_start)
    _add_latin_forms(norm, cands, tokens, by_start, historical)
    _complete_given_names(norm, cands)
    _complete_katakana_words(norm, cands)
    _complete_kana_given(norm, cands)
    # after the completions: a row's 久保田 ひかり is a full name only once its given name is on
    _add_table_columns(text, cands, tokens, by_start)
    _add_unspaced_kana_given(norm, cands, tokens, by_start, historical)
    _add_self_introductions(norm, cands, tokens, by_start)
    _add_readings(norm, cands, tokens, by_start)
    _add_hangul(norm, cands)
    _add_chinese_named(norm, cands)
    _add_told_names(norm, cands)
    _add_person_marks(norm, cands, tokens, by_start, by_end)
    _add_list_neighbours(norm, cands, tokens, by_start)
    _add_notable_names(norm, cands, tokens, by_start)
    _add_repeats(norm, cands)
    case = _PERSONAL_CASE.search(norm) is not None
    _demote_published_roles(norm, cands, case)
    _demote_staff_in_office(norm, cands, case)
    return norm, tokens, by_start, by_end, cands


# What may follow a complete name: an honorific, a particle, a title, punctuation, the end.
_NAME_END = fast_compile(
    r"(?:様|さま|さん|氏|殿|君|くん|ちゃん|[はがのとにをもへやで]|[、。,.:;()「」『』（）\s]|$)"
)
_ERAS = ("明治", "大正", "昭和", "平成", "令和")
_KANJI_TAIL = fast_compile(r"(?:(?![様氏殿君])[一-龥々]){1,3}")
_FIELD_WORD = fast_compile(r"電話|住所|生年|年齢|性別|連絡|携帯|番号|職業|勤務|所属|備考|続柄")


def _complete_given_names(norm: str, cands: _Candidates) -> None:
    """Stretch a name that stops short of its given name, so no part stays readable.

    Sudachi splits rare given names (優斗 → 優 + 斗) and leaves a lone kanji after a
    spaced surname (中川 誠); masking the shorter span would leave a piece of the name.
    """
    for (start, end), (conf, reason) in list(cands.spans.items()):
        cursor = end
        if norm[cursor : cursor + 1] == " " and " " not in norm[start:end] and end - start <= 3:
            cursor += 1  # 中川 誠: a surname, a space, then the given name
        elif not (end - start >= 1 and _is_kanji(norm[end - 1]) and _KANJI_TAIL.match(norm, end)):
            continue
        if _ROLE_AFTER.match(norm, cursor) or _TITLE_AFTER.match(norm, cursor) or _ORG_AFTER.match(norm, cursor):
            continue  # 佐藤課長, 夏目先生, 山田建設: a title or a company, not more name
        if _FIELD_WORD.match(norm, cursor):
            continue  # 「山田 電話 …」: the next field of a form
        if norm.startswith(_ERAS, cursor):
            continue
        tail = _KANJI_TAIL.match(norm, cursor)
        if tail is None or not _NAME_END.match(norm, tail.end()):
            continue
        if tail.end() - start > 8:
            continue
        del cands.spans[(start, end)]
        if cursor > end:  # surname, space, given name: the form a full name is written in
            conf, reason = max(conf, SPACED_FULL), "spaced_full_name"
        cands.add(start, tail.end(), conf, reason)


_FOREIGN_TITLE = (
    r"(?:大統領|副大統領|首相|元首相|前首相|外相|蔵相|国務長官|長官|監督|選手|大佐|中佐|少佐|"
    r"大尉|中尉|少尉|将軍|提督|元帥|伯爵|公爵|男爵|侯爵|子爵|卿|博士|教授|議員|上院議員|下院議員|"
    r"知事|市長|国王|女王|皇帝|王子|王女|夫妻|夫人|兄弟|姉妹|一家|社長|会長|司令官|大使|判事|"
    r"記者|投手|捕手|内野手|外野手|騎手|神父|牧師|司祭|枢機卿|教皇|氏|らは|らが|らと|らの)"
)
_KATA_NAME_RUN = fast_compile(
    r"(?<![ァ-ヴー・=A-Za-z])(?:[ァ-ヴ][ァ-ヴー]*[・=](?:[A-Z]\.?[・=])?){0,3}"
    r"[ァ-ヴ][ァ-ヴー]{1,}(?![ァ-ヴー・=])"
)
# デ・ロッシ, ジャン・ド・ヴォルガール, フォン・ブラウム: the particles of European surnames,
# written as parts of their own. Apart from ラ, ル and レ (ラ・パス, ル・マン are places), a run with
# one of them is a person's name.
_NAME_PARTICLES = frozenset("デ ド ダ ディ ドゥ デル デッラ デラ フォン ヴァン ファン ヴォン ラ ル レ".split())
_ARTICLES = frozenset("ラ ル レ".split())
_SINITIC_SURNAMES = set(
    "王李張劉陳楊趙黄周呉徐孫胡朱馬郭何羅梁宋鄭謝韓唐馮董蕭程曹袁鄧許傅沈曾彭呂蘇盧蔣蔡"
    "賈魏薛葉閻潘杜戴夏鍾汪姜范姚譚廖鄒熊陸郝孔崔康毛邱秦顧侯邵孟段雷湯尹黎喬賀頼龔伍曺朴"
    "申權權洪文裴柳"
)
# 金 and 林 are also everyday Japanese words: only with an unknown given name (金載昊).
_SINITIC_AMBIGUOUS = frozenset("金林")
_SINITIC_ANY = _SINITIC_SURNAMES | _SINITIC_AMBIGUOUS
_SINITIC_CLASS = "[" + "".join(sorted(_SINITIC_ANY)) + "]"  # every surname is one character
_SINITIC_CHAR = re.compile(_SINITIC_CLASS)
_SINITIC_BEFORE_HONORIFIC = re.compile(
    "(?<![一-龥々])" + _SINITIC_CLASS + "[一-龥](?<![人名方達])[一-龥]?(?<![人名方達])$"
)
_SINITIC_SPACED_BEFORE_HONORIFIC = re.compile(
    "(?<![一-龥々ぁ-ゖァ-ヴ])" + _SINITIC_CLASS + " [一-龥](?<![人名方達])[一-龥]?(?<![人名方達]) ?$"
)
_WORK_TITLE_BEFORE = fast_compile(
    r"(?:アニメ|漫画|マンガ|ドラマ|映画|絵本|小説|番組|童話|題材(?:は|に)?|作品|書名|タイトル|名作)[:：]?$"
)


def _in_work_title(norm: str, start: int, honorific_end: int) -> bool:
    """アニメ「サザエさん」, 題材は「星の王子さま」: a name and its honorific that end a work's
    quoted title."""
    if not norm.startswith(("」", "』"), honorific_end):
        return False
    opening = max(norm.rfind("「", max(0, start - 12), start + 1), norm.rfind("『", max(0, start - 12), start + 1))
    if opening < 0 or any(c in norm[opening + 1 : start] for c in "」』\n"):
        return False
    return bool(_WORK_TITLE_BEFORE.search(norm, max(0, opening - 6), opening))
_MASCOT = fast_compile(
    r"マスコット|ゆるキャラ|キャラクター|着ぐるみ|紙芝居|絵本|が出てくる|が登場する|という設定|読み物|物語|"
    # prefectures' and cities' mascots, known by name
    r"ぐんまちゃん|ころとん|ふっかちゃん|くまモン|ひこにゃん|せんとくん|ふなっしー"
)
_SINITIC_TITLE = fast_compile(r"(?:候補|党|国家主席|主席|総統|総書記|委員長|大統領|首相|将軍|"
                              r"総督|督弁|大使|議長|氏|元帥|司令官)")
# 朴政権, 魏王朝: a surname or a state, then what it ruled or founded.
_SINITIC_NOT_GIVEN = frozenset(
    "政権 王朝 時代 一族 政府 陣営 一家 家族 夫妻 氏族 皇帝 王国 国王 軍閥 財閥 派閥".split()
)
_PARTICLE_AFTER = fast_compile(r"[はがのとにをもへやで、。」』)]|$")


def _add_untagged_foreign(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                          by_start: dict[int, int], kata_runs: list[tuple[int, int]]) -> None:
    """Katakana names Sudachi does not know: X・Y, or one word before a title (監督, 大佐)."""
    covered = bytearray(len(norm))  # characters inside a name found so far
    for a, b in cands.spans:
        covered[a:b] = b"\x01" * (b - a)
    for start, end in kata_runs:
        if 1 in covered[start:end]:
            continue
        titled = re.match(_FOREIGN_TITLE, norm[end : end + 6])
        idx = by_start.get(start)
        inner: list[Token] = []
        while idx is not None and idx < len(tokens) and tokens[idx].start < end:
            inner.append(tokens[idx])
            idx += 1
        if not inner or inner[-1].end != end:
            continue
        words = [t for t in inner if _is_kata(t.surface)]
        if any(t.is_place for t in words):
            continue
        if titled:
            if words and all(t.is_common_noun and not t.oov for t in words) and len(words) == 1:
                continue
            cands.add(start, end, BARE_FULL, "foreign_title")
            continue
        # X・Y katakana without a tag or a title is as often a product or a team as a person:
        # measured on the Wikipedia set it lowers precision more than it adds recall.


# Titles and roles that follow a person's name directly (河野大使, 習近平国家主席, 等々力警部).
_TITLE_NOUN = fast_compile(
    r"(?:元|前|現)?(?:大使|副?知事|国家主席|主席|総理大臣|総理|首相|副?大統領|党首|議長|委員長|"
    r"書記長|第一書記|総書記|長官|司令官|艦長|館長|所長|院長|学長|校長|副?社長|会長|専務|常務|"
    r"取締役|頭取|理事長|総裁|総長|局長|部長|課長|警部|警視|刑事|巡査|博士|准?教授|助教授|"
    r"講師|監督|コーチ|投手|捕手|内野手|外野手|主将|親方|横綱|大関|関脇|小結|[少中大]佐|"
    r"[少中大]将|[大中少]尉|元帥|提督|将軍|参謀|[外蔵内法陸海]相|首席|議員|市長|町長|村長|"
    r"記者|編集長|夫人|夫妻|皇帝|国王|女王|王子|王女|皇子|親王|内親王|上皇|法皇|天皇|皇后|"
    r"[伯公侯子男]爵|卿|神父|牧師|司祭|和尚|住職|師匠|名人|[九八七六五四三二初]段|騎手|"
    r"調教師|棋士|幹事長|官房長官|大臣|判事|検事|弁護士|医師|技師|容疑者|被告人?|先生|教諭|女史)"
)
# Verbs and nouns that only a person is the subject of (結婚, 辞任, 述べた …).
_PERSON_PREDICATE = fast_compile(
    r"結婚|死去|逝去|死亡|亡くな|生まれ|誕生|就任|辞任|退任|引退|移籍|入団|退団|在籍|卒業|"
    r"入学|留学|師事|出演|主演|演じ|作曲|指揮|執筆|著し|述べ|語っ|語り|語る|言っ|話し|答え|"
    r"発言|主張|批判|評し|記し|考え|思っ|感じ|決意|決心|悟|愛し|妻|夫|息子|娘|父|母|兄|弟|"
    r"姉|妹|叔父|叔母|祖父|祖母|彼女|彼は|彼の|自ら|自身|本人|友人|親友|歳|ゴール|得点|優勝|"
    r"勝利|敗れ|対戦|即位|戴冠|暗殺|処刑|投獄|逮捕|亡命|会談|面会|会見|指名|任命|解任|更迭|"
    r"昇進|受賞"
)
# 「Xは、日本の実業家。」: the subject of a sentence that defines someone by occupation.
_DEFINED_HEAD = fast_compile(
    r"^((?:[一-龥々ヶ]{2,6}|[ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,4}|"
    r"[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,3}))(?:\([^)]*\))?は、"
)
_OCCUPATION_END = fast_compile(
    r"の[^、。]*?(?:[^\s]学者|研究者|作家|画家|政治家|実業家|活動家|音楽家|作曲家|建築家|"
    r"評論家|思想家|芸術家|彫刻家|脚本家|演出家|歌人|俳人|詩人|俳優|女優|声優|歌手|選手|騎手|"
    r"棋士|力士|監督|コーチ|タレント|アナウンサー|モデル|アイドル|ライター|デザイナー|"
    r"プロデューサー|ディレクター|コメディアン|ミュージシャン|シンガーソングライター|"
    r"ギタリスト|ベーシスト|ドラマー|ピアニスト|ボーカリスト|ラッパー|イラストレーター|"
    r"アーティスト|レスラー|ボクサー|官僚|軍人|武将|大名|公家|僧侶?|貴族|外交官|裁判官|"
    r"弁護士|医師|教育者|経営者|技術者|記者|ジャーナリスト|翻訳家|編集者|女性|男性|人物|"
    r"国王|皇帝|指揮者|演奏家|料理人|藩士|武士|牧師|宣教師|ダンサー|芸人|落語家|漫画家)"
    r"(?:である|であった|だった)?(?:[。、]|$)"
)
_FACILITY_END = set("城寺川派軍線区町楼店山会島座港院駅村郡県市橋湖池谷浜沢野原田台坂宮社家堂館園丸号艦")


# Prefectures: 大阪知事 or 千葉大使 names the office's place, not its holder's surname.
_PREFECTURES = frozenset(
    "北海道 青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 東京 神奈川 新潟 富山 石川 "
    "福井 山梨 長野 岐阜 静岡 愛知 三重 滋賀 京都 大阪 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 "
    "山口 徳島 香川 愛媛 高知 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄".split()
)
# Offices named after a place (前橋市長, 群馬県知事 written without 県): the place is no name.
_PLACE_OFFICE = fast_compile(r"(?:元|前|現)?(?:市長|町長|村長|区長|大使|総督|領事|藩主)")


def _titled_place_is_surname(prev: Token, title: str) -> bool:
    """岡田社長, 伊東博士: a short place-tagged word before a personal title is a surname."""
    return (
        len(prev.surface) <= 3 and prev.pos[3] != "国"
        and prev.surface not in _PREFECTURES and not _PLACE_OFFICE.fullmatch(title)
    )


def _add_context_names(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                       by_start: dict[int, int], named: list[int],
                       kata_runs: list[tuple[int, int]]) -> None:
    """Names the dictionary does not know, recognised by the words around them.

    Hint-level (they mark and mask, never block on their own): a title right after an
    untagged word (河野大使, 等々力警部), katakana X・Y made only of unknown words, an
    unknown katakana word that is the subject of a verb only people do (カコックは…移籍),
    a surname followed by unknown kanji (菊池契月), and the subject of a sentence that
    defines someone by occupation (治山正史は、日本の実業家。).
    """
    def add(start: int, end: int, reason: str) -> None:
        cands.add_free(start, end, HINT, reason)

    n = len(tokens)
    for title in _TITLE_NOUN.finditer(norm):
        idx = by_start.get(title.start())
        if not idx or norm.startswith("選手権", title.start()):
            continue
        tok = tokens[idx]
        prev = tokens[idx - 1]
        if prev.end != tok.start:
            continue
        if _is_kanji(prev.surface):
            reason = "title_context"
            if prev.is_place:
                if not _titled_place_is_surname(prev, title.group()):
                    continue
                reason = "title_place"
            elif not (prev.oov or prev.is_person):
                continue
            start = prev.start
            before_tok = tokens[idx - 2] if idx >= 2 else None
            if (before_tok is not None and before_tok.end == start and _is_kanji(before_tok.surface)
                    and (before_tok.is_surname or before_tok.oov)
                    and len(before_tok.surface) + len(prev.surface) <= 5):
                start = before_tok.start
            if start > 0 and _is_kanji(norm[start - 1]):
                continue
            add(start, prev.end, reason)
        elif _is_kata(prev.surface):
            k = idx - 1
            while k >= 2 and tokens[k - 1].surface in ("・", "=") and _is_kata(tokens[k - 2].surface):
                k -= 2
            start = tokens[k].start
            if start > 0 and (_is_kata(norm[start - 1]) or (
                norm[start - 1] == "・" and (start < 2 or not _is_kanji(norm[start - 2]))
            )):
                continue  # (父親・ゴルディ博士: a kanji word in apposition before it is fine)
            words = _without_particles(norm, [t for t in tokens[k:idx] if t.surface not in ("・", "=")])
            if not words or any(t.is_place for t in words) or not all(t.oov or t.is_person for t in words):
                continue
            add(start, prev.end, "title_context")

    for start, end in kata_runs:
        i = by_start.get(start)
        if i is None:
            continue
        words: list[Token] = []
        while i < n and tokens[i].start < end:
            if tokens[i].surface not in ("・", "="):
                words.append(tokens[i])
            i += 1
        if not words or tokens[i - 1].end != end:
            continue
        if words[0].surface in ("ジ", "ザ") and words[0].end < end:
            continue  # ジ・ワンダラーズ: "the", a band's or a work's name
        names = _without_particles(norm, words)
        if len(names) < len(words):
            # ジャン・ド・ヴォルガール, フォン・ブラウム: a surname's particle (not only an
            # article: ル・マン, ラ・パス) makes the run a person's name.
            if names and any(t.surface not in _ARTICLES for t in words if t not in names) and not (
                names[-1].is_place or names[0].surface in _PLACE_FIRST
                or _foreign_looks_like_org(names) or _ORG_AFTER.match(norm, end)
                or norm.startswith(_TEAM_AFTER, end)
            ):
                add(start, end, "foreign_particle")
            continue
        if _HOLDER_TITLE.match(norm, end) and not any(t.pos[3] == "国" for t in words):
            # ライト大将, ワシントン大統領, リヴァプール伯爵: whatever the dictionary makes of the
            # word, a title only a person holds names its holder (a country before it names
            # the office: ミャンマー大統領).
            add(start, end, "foreign_titled")
            continue
        if not all(t.oov for t in words):
            # A dictionary word (not a place) before a noble or official title: ニコライ大公.
            if (not any(t.is_place or not t.is_proper for t in words if not t.oov)
                    and _KATA_PERSON_AFTER.match(norm, end)):
                add(start, end, "foreign_titled")
            elif any(t.oov for t in words) and not any(t.is_place for t in words):
                # ハーフナー・マイク: part unknown, part dictionary word, with a context.
                reason = _lone_foreign_context(norm, start, end, cands)
                if reason:
                    add(start, end, reason)
            continue
        if len(words) > 1:
            if not _foreign_looks_like_org(words):
                add(start, end, "foreign_unknown")
        elif norm[end : end + 1] in ("は", "が") and _PERSON_PREDICATE.search(norm, end):
            add(start, end, "foreign_subject")
        else:
            reason = _lone_foreign_context(norm, start, end, cands)
            if reason:
                add(start, end, reason)

    for idx in named:
        tok = tokens[idx]
        if not tok.is_surname or not _is_kanji(tok.surface):
            continue
        start = tok.start
        if start > 0 and _is_kanji(norm[start - 1]):
            continue
        j, end = idx + 1, tok.end
        while (j < n and tokens[j].start == end and _is_kanji(tokens[j].surface)
               and end - start + len(tokens[j].surface) <= 4):
            end = tokens[j].end
            j += 1
        if j == idx + 1 or (end < len(norm) and _is_kanji(norm[end])):
            continue
        if norm.startswith(_ERAS, tok.end) or norm[end : end + 1].isdigit():
            continue  # 山田昭和60年: a surname, then a date in the Japanese era
        rest = tokens[idx + 1 : j]
        if any(t.is_place or t.pos[0] != "名詞"
               or (t.is_common_noun and len(t.surface) >= 2 and not t.oov) for t in rest):
            continue
        if norm[end - 1] in _FACILITY_END:
            continue
        add(start, end, "surname_unknown")

    m = _DEFINED_HEAD.match(norm)
    if m and _OCCUPATION_END.search(norm, m.end()):
        start, end = m.span(1)
        i = by_start.get(start)
        if not (i is not None and tokens[i].end == end and not tokens[i].oov and (
            tokens[i].is_place or tokens[i].is_common_noun
        )):
            add(start, end, "defined_person")  # (ZUKKOは、…歌手。: an unknown word is a name)


def _add_sinitic(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                 by_start: dict[int, int], historical: bool) -> None:
    """Chinese and Korean three-character names: 王金華, 林文察, 金載昊."""
    # Surnames are one character: a set test on the first character of each token is enough
    # to find the few candidates without building every token's surface check in Python.
    for hit in _SINITIC_CHAR.finditer(norm):
        idx = by_start.get(hit.start())
        if idx is None or tokens[idx].surface not in _SINITIC_ANY:
            continue
        tok = tokens[idx]
        ambiguous = tok.surface in _SINITIC_AMBIGUOUS
        start = tok.start
        if start > 0 and _is_kanji(norm[start - 1]):
            continue
        end = start + 3
        if end > len(norm) or not _is_kanji(norm[start:end]):
            continue
        rest = [t for t in tokens[idx + 1 : idx + 3] if t.start < end]
        if not rest or rest[-1].end != end:
            continue
        # 朴槿恵, 金載昊: the given name is usually unknown to the dictionary; a known
        # two-character word (蔡長庚) only counts after an unambiguous surname.
        if any(t.pos[0] != "名詞" or t.surface in _SINITIC_NOT_GIVEN or (
            t.is_common_noun and len(t.surface) >= 2 and not t.oov and ambiguous
        ) for t in rest):
            continue
        if ambiguous and not any(t.oov for t in rest):
            continue
        # 尹潽善候補, 李炳鉄党中央委員会: a title or party right after the name.
        if not (_PARTICLE_AFTER.match(norm, end) or _SINITIC_TITLE.match(norm, end)):
            continue
        if any(a < end and start < b for a, b in cands.spans):
            continue
        cands.add(start, end, HINT if historical else BARE_FULL, "sinitic_name")


_PAREN_CONTENT = fast_compile(
    r"\s?(?:様|さま|さん|氏|殿|君|くん|ちゃん)?\s?\(([^()\n、,0-9]{2,30}?)(?=[)、,])"
)
_BEFORE_PAREN = {
    "latin": fast_compile(r"(?<![.@\w])[A-Z][A-Za-z'\-]*(?: [A-Z][A-Za-z'\-]*){0,3}$"),
    "katakana": fast_compile(r"[ァ-ヴ][ァ-ヴー]*(?:[・ ][ァ-ヴ][ァ-ヴー]*){0,3}$"),
    "hiragana": fast_compile(r"[ぁ-ゖ]{1,6}(?: [ぁ-ゖ]{1,6})?$"),
    "kanji": fast_compile(r"[一-龥々]{1,4}(?: [一-龥々]{1,4})?$"),
}
_KANA_LATIN_NAME = fast_compile(r"^(?:[ぁ-ゖ ]+|[ァ-ヴー・ ]+|[A-Za-zÀ-ÖØ-öø-ÿ' \-]+)$")
_KANJI_NAME = fast_compile(r"^[一-龥々]{1,4}(?: [一-龥々]{1,4})?$")


def _name_like(value: str, start: int, tokens: tuple[Token, ...],
               by_start: dict[int, int]) -> bool:
    value = value.strip()
    if _KANA_LATIN_NAME.match(value):
        if _is_place_word(tokens, by_start, start, start + len(value)):
            return False  # Emma Larsson (スウェーデン、16歳): her country, not her name
        return value not in _KATA_STOP and (not value.isascii() or value[0].isupper())
    if _KANJI_NAME.match(value):
        return _has_person_token(tokens, by_start, start, start + len(value))
    return False


def _add_transliterations(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                          by_start: dict[int, int]) -> None:
    """小林 遼(こばやし りょう), NGUYEN VAN HUNG(グエン・ヴァン・フン): both are the name."""
    for (start, end), (conf, _reason) in list(cands.spans.items()):
        if conf < CASE_FULL:
            continue
        m = _PAREN_CONTENT.match(norm, end)
        if m:
            raw = m.group(1)
            s = m.start(1) + (len(raw) - len(raw.lstrip()))
            content = raw.strip()
            if _name_like(content, s, tokens, by_start):
                cands.add(s, s + len(content), conf, "transliteration")
        if start > 0 and norm[start - 1] == "(":
            window_start = max(0, start - 32)
            window = norm[window_start : start - 1]
            h = _TRAILING_HONORIFIC.search(window)
            if h:
                window = window[: h.start()]
            window = window.rstrip(" ")
            for pattern in _BEFORE_PAREN.values():
                b = pattern.search(window)
                if b and len(b.group().strip()) >= 2:
                    value = b.group()
                    s = window_start + b.start()
                    if _name_like(value, s, tokens, by_start):
                        cands.add(s, s + len(value), conf, "transliteration")
                    break


# Park Ji-hoon（パク・ジフン）, 김서연（キム・ソヨン）: a name in its own script with the katakana
# that tells a Japanese reader how to say it. Only names get a reading in this shape.
_WITH_KATAKANA_READING = fast_compile(
    r"(?<![\w.@])([A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+(?: [A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+){1,3}|[가-힣]{2,4}(?: [가-힣]{1,4})?|"
    # 朴 志勲（パク・チフン）: a Korean or Chinese name in kanji with its reading
    r"(?<![一-龥])[一-龥]{1,2} [一-龥]{1,3})"
    r" ?\(([ァ-ヴ][ァ-ヴー]*(?:[・ ][ァ-ヴ][ァ-ヴー]*){1,3})\)"
)
# A Latin name standing in a list beside other names (Sita Kumari Tamang、金井 雄太), or with a
# country in brackets after it (Alvarez Rosa（ペルー）)
_LATIN_NAME_RUN = fast_compile(
    rf"(?<![\w.@'\-]){_LATIN_FULL_NAME}(?![\w@'\-])"
)
_LIST_SEP = fast_compile(r"[、,]\s?")
_COUNTRY_IN_BRACKETS = fast_compile(r" ?\((?:日系)?([ァ-ヴー]{2,10}|[一-龥]{1,4})(?:国籍|出身|人)?[)、,]")
# 青木 悠斗 AOKI YUTO: the same name again in Latin letters, as on a passport
_LATIN_AFTER = fast_compile(r"[ \t]{1,2}([A-Z]{2,}(?: [A-Z]{2,}){1,2}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?![\w@.'\-])")


def _reads_as_person(tokens: tuple[Token, ...], by_start: dict[int, int], start: int,
                     end: int) -> bool:
    """A katakana reading with a person-name word in it and no ordinary noun (パク・ジフン,
    not マイクロソフト・チームズ)."""
    idx = by_start.get(start)
    person = False
    while idx is not None and idx < len(tokens) and tokens[idx].start < end:
        tok = tokens[idx]
        if tok.is_common_noun and not tok.oov and not tok.is_person:
            return False
        person = person or tok.is_person
        idx += 1
    return person


def _add_latin_forms(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                     by_start: dict[int, int], historical: bool) -> None:
    """A foreign resident's name written twice, in Latin or Hangul and in katakana, or a
    Japanese name followed by its passport spelling: both forms are the person's name."""
    for m in _WITH_KATAKANA_READING.finditer(norm):
        if not _EN_ORG.search(m.group(1)) and _reads_as_person(tokens, by_start, *m.span(2)):
            # George Washington（ジョージ・ワシントン）の名言: a historical figure, a hint only
            conf = HINT if historical else CASE_FULL
            cands.add(m.start(1), m.end(1), conf, "with_katakana_reading")
            cands.add(m.start(2), m.end(2), conf, "with_katakana_reading")
    strong = {k: c for k, (c, _r) in cands.spans.items() if c >= CASE_FULL}
    ends = {e: c for (_s, e), c in strong.items()}
    starts = {s: c for (s, _e), c in strong.items()}
    for m in _LATIN_NAME_RUN.finditer(norm):
        if _EN_ORG.search(m.group()) or (m.start(), m.end()) in cands.spans:
            continue
        beside: float | None = None  # the confidence of the name it stands beside
        lead = norm[max(0, m.start() - 2) : m.start()]
        sep = _LIST_SEP.search(lead)
        if sep is not None and sep.end() == len(lead):
            beside = ends.get(m.start() - len(lead) + sep.start())
        after = _LIST_SEP.match(norm, m.end())
        if beside is None and after is not None:
            beside = starts.get(after.end())
        country = _COUNTRY_IN_BRACKETS.match(norm, m.end())
        if beside is None and country is not None and _is_place_word(tokens, by_start, *country.span(1)):
            beside = CASE_FULL
        if beside is not None:
            cands.add(m.start(), m.end(), HINT if historical else beside, "latin_in_list")
    for (start, end), (conf, _reason) in list(cands.spans.items()):
        if conf < CASE_FULL or not norm[start:end].strip() or norm[end - 1 : end].isascii():
            continue
        spelled = _LATIN_AFTER.match(norm, end)
        if spelled is None or _EN_ORG.search(spelled.group(1)):
            continue
        words = spelled.group(1).split()
        # romaji of a Japanese name, or any Latin spelling beside a katakana (foreign) name
        if all(to_katakana(w) for w in words) or _kata_char(norm[end - 1]):
            cands.add(spelled.start(1), spelled.end(1), conf, "latin_form")


# tab, ideographic space, two spaces, a bar, or a CSV comma (not the one in 9,450)
_CELL_SPLIT = fast_compile(r"\t|\u3000| {2,}|\s?[|｜]\s?|(?<!\d),|,(?!\d{3}(?!\d))")
_LABEL_CELL = fast_compile(r"^(?:氏名|名前|お名前|フリガナ|ふりがな|カナ|[Nn]ame|NAME)$")
_CELL_NAME = fast_compile(r"^[ぁ-ゖァ-ヴー一-龥々A-Za-z・' ]{2,20}$")


def _add_table_columns(text: str, cands: _Candidates, tokens: tuple[Token, ...],
                       by_start: dict[int, int]) -> None:
    """Rows of a table: when one row's cell is a name, the same cell of the others is too."""
    if "\t" not in text and "\u3000" not in text and "  " not in text and not (
        "\n" in text and ("|" in text or "｜" in text or "," in text)
    ):
        return
    rows: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n"):
        cells: list[tuple[int, int]] = []
        cursor = 0
        for sep in _CELL_SPLIT.finditer(line):
            cells.append((pos + cursor, pos + sep.start()))
            cursor = sep.end()
        cells.append((pos + cursor, pos + len(line)))
        # an empty cell (a blank 備考 at the row's end) still counts as a column
        while cells and cells[-1][1] <= cells[-1][0] and len(cells) > 1 and not line.endswith("\t"):
            cells.pop()
        rows.append(cells if any(c[1] > c[0] for c in cells) else [])
        pos += len(line) + 1
    strong = [(s, e) for (s, e), (c, _r) in cands.spans.items() if c >= CASE_FULL]
    block: list[list[tuple[int, int]]] = []
    for row in rows + [[]]:
        if len(row) >= 2 and (not block or len(row) == len(block[0])):
            block.append(row)
            continue
        if len(block) >= 2:
            for col in range(len(block[0])):
                hs, he = block[0][col]
                if _PLACE_HEADER.search(text[hs:he].strip()):
                    # 地区 / 上川淵 / 桂萱: a column of places whatever the dictionary reads
                    for cs, ce in (r[col] for r in block[1:]):
                        for key in [k for k, (c, _r) in cands.spans.items()
                                    if cs <= k[0] and k[1] <= ce and c < ANCHORED]:
                            del cands.spans[key]
                    continue
                named = any(
                    any(s < ce and cs < e for s, e in strong) for cs, ce in (r[col] for r in block)
                )
                if not named:
                    continue
                for cs, ce in (r[col] for r in block):
                    while cs < ce and text[cs] in "・-*•":
                        cs += 1
                    value = text[cs:ce]
                    if any(s < ce and cs < e for s, e in cands.spans):
                        continue
                    if _CELL_NAME.match(value) and not _LABEL_CELL.match(value) and (
                        _KANA_LATIN_NAME.match(value)
                        or _has_person_token(tokens, by_start, cs, ce)
                    ):
                        cands.add(cs, ce, SPACED_FULL, "table_column")
        block = [row] if len(row) >= 2 else []


_PLACE_HEADER = fast_compile(
    r"(?:地区|地域|町名|町丁名?|地名|学区|校区|区域|支所|所在地|施設名?|会場|場所|路線|駅名?|市町村名?|"
    r"都道府県|行政区|自治会名?|公民館|小学校|中学校)$"
)
# An account holder read out in katakana that is a body, not a person (名義 of a fund, a company).
_KANA_BODY = fast_compile(
    r"ギエンキン|キキン$|カイケイカンリシャ|カブシキガイシャ|カブシキカイシャ|ユウゲンガイシャ|ゴウドウガイシャ|"
    r"キョウカイ|クミアイ|ザイダン|シャダン|ホウジン|ヤクショ|ヤクバ|ジムキョク|(?<=[ァ-ヴー])シ\s(?=[ァ-ヴ]{4})"
)
_PREMISES_END = ("店", "工場", "営業所", "事務所", "病院", "医院", "駅", "役場", "倉庫")
_MADE_UP_DATA = fast_compile(r"架空|ダミー|テストデータ|サンプルデータ|仮の(?:氏名|名前|データ)")


def _filter(norm: str, cands: _Candidates) -> list[Finding]:
    kept: list[list] = []
    made_up: bool | None = None
    for (start, end), (conf, reason) in sorted(cands.spans.items()):
        while start < end and norm[start] == " ":
            start += 1
        while end > start and norm[end - 1] == " ":
            end -= 1
        value = norm[start:end]
        if not value or _PLACEHOLDER.match(value):
            continue
        if len(value) == 1 and value.isascii():
            continue  # Aさん, Bさん: letters standing in for people, not names
        if value.endswith(_PREMISES_END):
            continue  # スーパーあさくら 関根店: a shop named after its town, not a person
        if value.count(" ") >= 2 and all(len(part) == 1 for part in value.split(" ")):
            continue  # 事 務 連 絡: a heading set with spaces between its letters
        if _KANA_BODY.search(value):
            continue  # 口座名義 マエバシシ サイガイギエンキン: a fund's or a company's account
        if _FICTIONAL_AFTER.match(norm, end) or _FICTIONAL_BEFORE.search(norm, max(0, start - 12), start):
            continue
        if made_up is None:
            made_up = bool(_MADE_UP_DATA.search(norm))
        if made_up and quoted_exactly(norm, start, end):
            continue  # 架空のダミーデータ: 氏名は「赤城 花子」のように
        if (_SAMPLE_NAME.match(value) and (
            _EXAMPLE_WORDS.search(sentence(norm, start, end)) or SAMPLE_FORM.search(norm)
        )) or (_SAMPLE_GIVEN.match(value) and SAMPLE_FORM.search(norm)):
            continue
        if conf >= CASE_FULL:
            sent = sentence(norm, start, end)
            if ("記入例" in sent or "記載例" in sent or "例:" in sent or "例として" in sent) and (
                start > 0 and norm[start - 1] in "「『\"["
            ):
                continue
        kept.append([start, end, conf, reason])
    # One finding per name: drop spans inside a longer one (keeping the higher
    # confidence), and join 姓 and 名 found separately across one space.
    kept.sort(key=lambda k: (k[0], -(k[1] - k[0])))
    merged: list[list] = []
    for item in kept:
        if merged:
            last = merged[-1]
            if item[0] < last[1]:
                if item[1] > last[1]:
                    last[1] = item[1]
                last[2] = max(last[2], item[2])
                continue
            gap = norm[last[1] : item[0]]
            if gap == " " and min(last[2], item[2]) >= CASE_FULL and "\n" not in gap:
                last[1] = item[1]
                last[2] = max(last[2], item[2])
                continue
        merged.append(item)
    return [Finding(Category.PERSON_NAME, s, e, c, r) for s, e, c, r in merged]


_NAME_SEPARATORS = "・="
_KANJI_FULL_REASONS = frozenset({"full_name", "spaced_full_name", "title", "honorific_kanji",
                                  "field_label", "sinitic_name", "title_context"})


def _short_forms(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                 by_start: dict[int, int]) -> tuple[set[str], set[str]]:
    """Parts of the full names found, by which the text may refer to the person again.

    ジョン・スミス gives スミス and ジョン; 山田太郎 gives 山田 (the surname, as tokenised).
    """
    kata: set[str] = set()
    kanji: set[str] = set()
    for (start, end), (_conf, reason) in cands.spans.items():
        value = norm[start:end]
        if "・" in value or "=" in value:
            if not _KATA_FULL.fullmatch(value):
                continue
            idx = by_start.get(start)
            while idx is not None and idx < len(tokens) and tokens[idx].start < end:
                tok = tokens[idx]
                # ワーナー・ブラザース, ベル・ヘリコプター: a common word is no reference,
                # unless it is the surname, last (メリッサ・ブリム … ブリムが通報).
                if len(tok.surface) >= 2 and _is_kata(tok.surface) and (
                    tok.oov or (tok.is_proper and not tok.is_place)
                    or (tok.end == end and len(tok.surface) >= 3 and tok.surface not in _ORG_WORDS)
                ):
                    kata.add(tok.surface)
                idx += 1
        elif reason in _KANJI_FULL_REASONS and end - start >= 3 and _is_kanji(value.replace(" ", "")):
            idx = by_start.get(start)
            if idx is None:
                continue
            first = tokens[idx]
            if first.end < end and 2 <= len(first.surface) <= 3 and _is_kanji(first.surface) and (
                first.is_surname or first.is_place or first.oov
            ):
                kanji.add(first.surface)
    return kata, kanji


_KATA_FULL = fast_compile(r"[ァ-ヴー]+(?:[・=][ァ-ヴー]+)+")
_KATA_SPLIT = fast_compile(r"[・=]")


def _kata_glue(ch: str) -> bool:
    """A character that continues a katakana word or name (so スミス in スミスソン is not one)."""
    return "ァ" <= ch <= "ヺ" or ch in "ー・="


def _add_coreferent_parts(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                          by_start: dict[int, int], by_end: dict[int, int]) -> None:
    """A surname (or a foreign given name) alone, once the full name appears in the text."""
    kata, kanji = _short_forms(norm, cands, tokens, by_start)
    if not kata and not kanji:
        return
    # Characters already inside a candidate: a name repeated often is checked in O(1).
    covered = bytearray(len(norm))
    for a, b in cands.spans:
        covered[a:b] = b"\x01" * (b - a)

    def add(start: int, end: int) -> None:
        if not any(covered[start:end]):
            cands.add(start, end, HINT, "coreference")
            covered[start:end] = b"\x01" * (end - start)

    for word in kata:
        at = norm.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at > 0 and _kata_glue(norm[at - 1])) and not (
                end < len(norm) and _kata_glue(norm[end])
            ):
                add(at, end)
            at = norm.find(word, end)
    for word in kanji:
        at = norm.find(word)
        while at >= 0:
            end = at + len(word)
            # On token boundaries, not inside a longer kanji word (山田 in 山田川).
            if at in by_start and end in by_end and not (
                at > 0 and _is_kanji(norm[at - 1])
            ) and not (end < len(norm) and _is_kanji(norm[end])
                       and not _TITLE_NOUN.match(norm, end)):
                add(at, end)
            at = norm.find(word, end)



def _without_particles(norm: str, words: list[Token]) -> list[Token]:
    """The words of a katakana name without the particles written as parts of their own."""
    return [
        t for t in words
        if not (t.surface in _NAME_PARTICLES and norm[t.end : t.end + 1] in ("・", "=")
                and (t.start == 0 or norm[t.start - 1] in "・= 、のとや「(（"
                     or not _is_kata(norm[t.start - 1])))
    ]


_TEAM_AFTER = ("戦", "校", "駅", "宮殿", "公園", "広場", "地区", "の下部組織", "に移籍", "に入団", "と契約")
# Words that begin the names of buildings, streets and places (シャトー・ド・…, サン・…).
_PLACE_FIRST = frozenset(
    "シャトー パレ ポン サン サント サンタ カフェ ホテル ヴィラ メゾン ルート リュ ヴァル エコール クルーベ "
    "クラブ レアル アトレティコ デポルティーボ スポルティング".split()
)


def _foreign_looks_like_org(parts: list[Token]) -> bool:
    """ワーナー・ブラザース, ヒューストン・ロケッツ: a company, team or place, not a person."""
    words = [p for p in parts if p.surface not in ("・", "=")]
    if any(w.surface in _ORG_WORDS for w in words[1:]):
        return True
    # A long place name first (ポートランド・…, ノッティンガム・…) is a team or a company.
    return words[0].is_place and len(words[0].surface) >= 4


# Last words of katakana company, team, venue and event names (general English loanwords).
_ORG_WORDS = frozenset(
    "グループ カンパニー コーポレーション コーポ インク パーク フィールド スタジアム アリーナ "
    "サーキット ハーバー アイランド シアター センター コミック コミックス フィルム フィルムズ "
    "プロダクション プロダクションズ エンターテインメント エンタテインメント アベニュー ストリート "
    "ユナイテッド シティ バンド スクウェア スクエア ダム ブラザース ブラザーズ レコード レコーズ "
    "スタジオ ホテル カレッジ アカデミー ホール ギャラリー ミュージアム アソシエイツ システムズ "
    "モーターズ モータースポーツ エア エアライン エアラインズ エアウェイズ ヘリコプター ギター "
    "アンド オブ ザ ラジオ テレビ ネットワーク ニュース タイムズ ジャーナル マガジン コンテスト "
    "カップ リーグ フェスティバル アワード ショー ツアー スクール ハイスクール ユニバーシティ "
    "カウンティ ベイ ポート ブリッジ ロード タワー ビル ビルディング プラザ マーケット ストア "
    "レストラン カフェ クラブ チーム シンジケート ファンド キャピタル ホールディングス".split()
)
# Titles and family words after a foreign name: ニコライ大公, シャハ王家 (not …政権, a government).
_KATA_PERSON_AFTER = fast_compile(
    r"(?:大公|公爵|伯爵|侯爵|男爵|子爵|王家|家の|家は|家が|一族|一家|米大統領|大統領|首相|"
    r"博士|監督|選手|大佐|将軍|司令官|提督|陣営)"
)
# Titles only one person holds at a time, not a field (選手, 監督 follow sports too) and not
# the start of a longer word (帝国, 選手団, 司教区).
_HOLDER_TITLE = fast_compile(
    r"(?:[大中少]将|副?大統領|首相|書記長|第一書記|皇太子|大?司教|船長|艦長|博士|[大中少]佐|"
    r"[外蔵内]相|提督|[伯公侯子男]爵|大公|帝|王子|国王|女王|酋長|第一副議長|副?議長|長官|大臣|"
    r"特別代表|教授|牧師|神父|夫人|夫妻|一家)(?![国団区選領位家])"
)
# 「Xの父」「Xの後任」: relations and works only a person has.
_PERSON_OF = fast_compile(
    r"の(?:父|母|妻|夫|息子|娘|兄|弟|姉|妹|叔父|叔母|祖父|祖母|後任|前任|代理人|秘書|弟子|師|友人|"
    r"作品|著書|小説|死|葬儀|生涯|伝記|肖像|墓|遺体|ソロ|後継者|助手|部下|指揮|命令|要請|提案|"
    r"依頼|発言|主張|証言|言葉|影響|指導|推薦|招き|長男|長女|次男|自伝|回想|演説|死後|没後)"
)
# ヤマサキによれば, クラウスに師事: phrases whose object or source is a person.
_PERSON_VERB_AFTER = fast_compile(
    r"(?:によれば|によると|に師事|と結婚|と離婚|と共演|と共に|とともに|に敗れ|を破っ|を破り|が率い|"
    r"の率い|に代わっ|に代わり|を監督|を起用|を抜い|も出演|を演じ|が演じ|役を)"
)
_COORDINATORS = ("と", "、", "や")


def _lone_foreign_context(norm: str, start: int, end: int, cands: _Candidates) -> str | None:
    """Why one unknown katakana word reads as a person here, or None.

    Unknown words are as often companies or chemicals as people; the words around them
    decide. Long runs (ホスホグルコノラクトナーゼ, ノースウエストエアリンクサービス) are compounds.
    """
    if _KATA_PERSON_AFTER.match(norm, end):
        return "foreign_titled"
    if norm.startswith("ら", end) and not norm.startswith("らし", end):
        return "foreign_group"  # チュブコフらとともに
    if _PERSON_OF.match(norm, end) or _PERSON_VERB_AFTER.match(norm, end):
        return "foreign_relation"
    nxt = norm[end : end + 1]
    if nxt in ("は", "が", "も") and end - start <= 7:
        return "foreign_topic"
    # ゲイリーとレーン: next to a name found already.
    if nxt in _COORDINATORS and any(a == end + 1 for a, _b in cands.spans):
        return "foreign_coordinated"
    if start > 0 and norm[start - 1] in _COORDINATORS and any(
        b == start - 1 for _a, b in cands.spans
    ):
        return "foreign_coordinated"
    return None



# ジョン・J・テイラー, D・H・ヒル, J.L.ボニエ: Latin initials inside a katakana name.
_INITIALED = fast_compile(
    r"(?<![ァ-ヴー・=A-Za-z])(?:[ァ-ヴ][ァ-ヴー]+[・=])?(?:[A-Z](?:[・.]|\. ?)){1,3}"
    r"[ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+)?(?![ァ-ヴー])"
)
# ルイ15世, ヘンリー八世: a monarch's name with a regnal number.
_REGNAL_BEFORE = fast_compile(
    r"(?<![ァ-ヴー・])[ァ-ヴ][ァ-ヴー]+(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})世$"
)
_REGNAL_DIGITS = frozenset("0123456789一二三四五六七八九十")

_NAME_SPLIT = fast_compile(r"[・=.]")


def _has_initial(norm: str) -> bool:
    """A capital letter followed by ・ or . (J・, J.): cheaper than scanning with the pattern."""
    for mark in ("・", "."):
        at = norm.find(mark, 1)
        while at > 0:
            if "A" <= norm[at - 1] <= "Z":
                return True
            at = norm.find(mark, at + 1)
    return False


def _add_name_shapes(norm: str, cands: _Candidates, historical: bool) -> None:
    """Names recognised by their shape alone: initials between katakana words, regnal numbers."""
    if _has_initial(norm):
        for m in _INITIALED.finditer(norm):
            if any(w in _ORG_WORDS for w in _NAME_SPLIT.split(m.group())):
                continue  # A・サリナス・スパーズ: a team
            cands.add(m.start(), m.end(), HINT if historical else BARE_FULL, "initialed_name")
    at = norm.find("世")
    while at > 1:
        if norm[at - 1] in _REGNAL_DIGITS:
            m = _REGNAL_BEFORE.search(norm, max(0, at - 24), at + 1)
            if m:
                cands.add(m.start(), m.end(), HINT, "regnal_name")
        at = norm.find("世", at + 1)


def _complete_katakana_words(norm: str, cands: _Candidates) -> None:
    """Stretch a katakana name to the whole word it sits in (アンティ|リーズ, アル=|アッザーウィー).

    Sudachi finds a known name inside a longer unknown word; masking only that piece would
    leave the rest of the name readable.
    """
    size = len(norm)
    for (start, end), (conf, reason) in list(cands.spans.items()):
        s, e = start, end
        if _kata_char(norm[start]):
            while s > 0 and (_kata_char(norm[s - 1]) or (
                norm[s - 1] in "=゠" and s > 1 and _kata_char(norm[s - 2])
            )):
                s -= 1
        if _kata_char(norm[end - 1]):
            while e < size and (_kata_char(norm[e]) or (
                norm[e] in "=゠" and e + 1 < size and _kata_char(norm[e + 1])
            )):
                e += 1
        if (s, e) != (start, end):
            del cands.spans[(start, end)]
            cands.add(s, e, conf, reason)


# A kana given name after a kanji surname and a space, where a list or a table goes on
# (松田 ひなの、…; 原 ハツエ<TAB>…): Sudachi reads ひなの as ひな + の and tags neither.
_KANA_GIVEN_AFTER = fast_compile(
    r" ([ぁ-ゖ]{2,4}|[ァ-ヴ][ァ-ヴー]{1,5})(?=[\s、,;/)]|$|(?:様|さま|さん|氏|殿|君|くん|ちゃん))"
)
_KANA_NOT_GIVEN = frozenset(
    "より から まで など ほか です でした ます ません とか では には とは ので のみ だけ ずつ "
    "たち ども なし あり まとめ ほう さま さん くん ちゃん どの".split()
)


def _complete_kana_given(norm: str, cands: _Candidates) -> None:
    """Stretch a kanji surname over the kana given name written after it."""
    for (start, end), (conf, _reason) in list(cands.spans.items()):
        if not 1 <= end - start <= 3 or not _is_kanji(norm[start:end]):
            continue
        m = _KANA_GIVEN_AFTER.match(norm, end)
        if m is None or m.group(1) in _KANA_NOT_GIVEN:
            continue
        del cands.spans[(start, end)]
        cands.add(start, m.end(), max(conf, SPACED_FULL), "spaced_full_name")


# Hiragana given names the dictionary reads as words (あかり 明かり, ひな 雛, あすか 飛鳥) that
# are still no one's name right after a surname.
_KANA_GIVEN_STOP = frozenset("こと もの ため とも ほか など ころ ところ うち まま まつり".split())


_HIRA_AFTER_KANJI = fast_compile(r"(?<=[一-龥々])[ぁ-ゖ]{2}")


def _add_unspaced_kana_given(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                             by_start: dict[int, int], historical: bool) -> None:
    """藤田あかりが卒業し, 宮内あすかとともに: a surname the dictionary tags, then, with no space, a
    hiragana word that JMnedict lists as a given name with no kanji form (`gazetteer`), then a
    particle, an honorific or punctuation: the whole is one full name."""
    for m in _HIRA_AFTER_KANJI.finditer(norm):
        i = by_start.get(m.start())
        if not i:
            continue
        given = tokens[i]
        if given[3][0] != "名詞" or not 2 <= len(given[0]) <= 4 or not _ALL_HIRA(given[0]):
            continue
        surname = tokens[i - 1]
        if surname[2] != given[1] or not _ALL_KANJI(surname[0]) or given[0] in _KANA_GIVEN_STOP:
            continue
        if i > 1 and tokens[i - 2][2] == surname[1] and _ALL_KANJI(tokens[i - 2][0]):
            continue  # inside a longer kanji word
        if not _NAME_END.match(norm, given[2]) or "given_kana" not in gazetteer_kinds(given[0]):
            continue
        if not surname.is_surname and (surname.is_place or not can_be_surname(surname[0])):
            continue  # 宮内 read as a word is still a surname; 前橋 the city, 部屋 never
        start, end = surname[1], given[2]
        old = cands.spans.pop((start, surname[2]), None)
        if historical:
            conf = HINT
        else:
            lo, hi = sentence_bounds(norm, start, end)
            conf = CASE_FULL if _CASE.search(norm, lo, hi) else BARE_FULL
        cands.add(start, end, max(conf, old[0]) if old else conf, "full_name_kana_given")


# A public role right before or after the name (総務部長 高柳 雅彦, 小島 達也議員, 当選 川端 修一).
_ROLE_BEFORE = fast_compile(
    r"(?:議員|委員長?|議長|会長|市長|町長|村長|知事|部長|次長|局長|室長|所長|教育長|当選|候補者?)(?:の|である)?[\s(]?$"
)
_ROLE_AFTER_PUBLIC = fast_compile(
    r"\s?(?:議員|委員長?|議長|副議長|会長|教授|市長|副市長|町長|村長|知事|部長|局長|教育長|候補)|\s?[\d,]+票"
)


# Published material that is a roster of public roles as a whole: results, minutes, appointments.
_PUBLIC_ROSTER = fast_compile(
    r"開票結果|得票|候補者名|会議録|議事録|部長級|人事異動|役員名簿|議員名簿|委員名簿|選挙結果|一般質問|通告一覧|"
    r"政務活動費"
)
# Names anchored as someone addressed or a form's own field stay personal even there.
_PERSONAL_ANCHORS = ("honorific", "field_label", "self_introduction", "english_address")


# 市議会議長 清水 勝利 氏, 副市長 佐藤 健, 代表取締役 鈴木 康介, 講師：歴史小説家 桐生 正臣 氏:
# the holder of a public office, a company's registered representative or a public speaker,
# named by that role
_OFFICE_BEFORE = fast_compile(
    r"(?:(?:市|町|村|県|区)?議会(?:の)?)?(?:議長|副議長)\s?$|(?:副)?(?:市長|町長|村長|知事)\s?$|教育長\s?$|"
    r"講師[:：]\s?[^\n]{0,16}(?:教授|准教授|作家|小説家|漫画家|研究家|評論家|医師|弁護士|学芸員)\s?$"
)


# 課長　小林 健一（内線3110）, 観光政策課 観光振興係\n主任 田中 美紀: a staff member in an
# organisation chart or a work signature. Reachable through the office, but a person: a
# warning, not a block (a surname with an extension is one already).
_EXTENSION_NEXT = fast_compile(r"\s?[（(]内線")
_OFFICE_CONTACT = fast_compile(r"内線|直通|TEL|Tel|〒|FAX|代表")
_UNIT_LINE_BEFORE = fast_compile(
    r"(?:[課係室局部所]|センター)\s?\n\s?(?:課長補佐|課長|係長|主任|主査|主事|主幹|参事|室長|所長|次長|技師)\s?$"
)


# 処分, 病気休暇, 逮捕 …: a person's case; whoever they are, their name stays a block there
_PERSONAL_CASE = fast_compile(
    r"逮捕|容疑|起訴|処分|懲戒|分限|病気|病名|診断|休職|休暇|ハラスメント|セクハラ|パワハラ|申出|苦情|滞納|"
    r"人事評価|評価|面談|ストレス|育休|産休|介護|障害|事故|違反"
)


def _demote_staff_in_office(norm: str, cands: _Candidates, case: bool) -> None:
    extension = "内線" in norm
    signature = "\n" in norm and _OFFICE_CONTACT.search(norm) is not None
    if case or not (extension or signature):
        return
    for (start, end), (conf, reason) in list(cands.spans.items()):
        if conf <= BARE_FULL or reason.startswith(("field_label", "honorific")):
            continue
        if (extension and _EXTENSION_NEXT.match(norm, end)) or (
            signature and _UNIT_LINE_BEFORE.search(norm, max(0, start - 24), start)
        ):
            cands.spans[(start, end)] = (BARE_FULL, "staff_in_office")


_OFFICE_ANYWHERE = fast_compile(r"議長|市長|町長|村長|知事|教育長|講師|取締役|代表理事|理事長|代表執行役|議員")
# 代表取締役 鈴木 康介 in a contract's preamble: the company's registered representative (but
# 代表取締役 山中 修 様あての感謝状 addresses him, and stays a person)
_COMPANY_HEAD_BEFORE = fast_compile(r"(?:(?:代表)?取締役(?:社長)?|代表理事|理事長|代表執行役|代表社員)\s?$")
_CELL_DELIMITERS = ("|", "｜", "\t", ",")


def _cell_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    """The table cell holding norm[start:end] (its line cut at | , or tabs), or its sentence."""
    lo = norm.rfind("\n", 0, start) + 1
    hi = norm.find("\n", end)
    hi = len(norm) if hi < 0 else hi
    if not any(d in norm[lo:hi] for d in _CELL_DELIMITERS):
        return sentence_bounds(norm, start, end)
    return (max([lo] + [norm.rfind(d, lo, start) + 1 for d in _CELL_DELIMITERS]),
            min([hi] + [i for d in _CELL_DELIMITERS if (i := norm.find(d, end, hi)) >= 0]))


def _demote_published_roles(norm: str, cands: _Candidates, case: bool) -> None:
    """Council members, candidates and department heads named in material already published
    are named in their public role: a hint, not a block. So are office holders named by
    their office anywhere."""
    offices = _OFFICE_ANYWHERE.search(norm) is not None
    for (start, end), (conf, reason) in list(cands.spans.items()) if offices else ():
        if conf <= HINT or reason.startswith("field_label"):
            continue
        addressed = reason.startswith("honorific") or _HONORIFIC.match(
            norm, end + 1 if norm[end : end + 1] == " " else end
        )
        head = not addressed and _COMPANY_HEAD_BEFORE.search(norm, max(0, start - 12), start)
        if case and not (head and not _PERSONAL_CASE.search(norm, *_cell_bounds(norm, start, end))):
            # a personal case (処分, 事故 …) anywhere keeps everyone in it a person, but for a
            # company's head in a register whose own cell says nothing of the kind
            # (｜有限会社まえばし介護サービス｜取締役 広瀬 剛｜)
            continue
        if _OFFICE_BEFORE.search(norm, max(0, start - 30), start) or (
            _COUNCILLOR.match(norm, end) and _council_work(norm)
        ) or head:
            cands.spans[(start, end)] = (HINT, "public_role")
    if not PUBLISHED_TEXT.search(norm):
        return
    roster = bool(_PUBLIC_ROSTER.search(norm))
    for (start, end), (conf, reason) in list(cands.spans.items()):
        if conf <= HINT:
            continue
        if (roster and not reason.startswith(_PERSONAL_ANCHORS)) or _ROLE_AFTER_PUBLIC.match(
            norm, end
        ) or _ROLE_BEFORE.search(norm, max(0, start - 6), start):
            cands.spans[(start, end)] = (HINT, "public_role")


# 「長島です。」 at the head of a line of a letter or a mail: the writer's surname.
_SELF_INTRO = fast_compile(
    r"(?:^[>＞\s]*|もしもし[、,]\s?|(?<=[「『]))([一-龥々]{1,3})([ァ-ヴー]{2,4}|[ぁ-ゖ]{2,4})?"
    r"(?:です|でございます|と申します)[。、]",
    re.M,
)


def _add_self_introductions(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                            by_start: dict[int, int]) -> None:
    for m in _SELF_INTRO.finditer(norm):
        idx = by_start.get(m.start(1))
        if idx is not None and tokens[idx].end == m.end(1) and can_be_surname(m.group(1)):
            # 塩原トキです: the given name in kana glued to the surname goes with it
            end = m.end(2) if m.group(2) and m.group(2) not in _KANA_NOT_GIVEN else m.end(1)
            cands.add(m.start(1), end, CASE_FULL, "self_introduction")
    # 「もしもし、ハシモトと申しますけど」: a caller giving a surname in katakana
    for m in _SELF_INTRO_KATA.finditer(norm):
        # (not a word the dictionaries know only as a company: ソフトバンクと申します)
        if m.group(1) not in _KATA_STOP and gazetteer_kinds(m.group(1)) != ("organization",):
            cands.add(m.start(1), m.end(1), CASE_FULL, "self_introduction")


_SELF_INTRO_KATA = fast_compile(
    r"(?:^[>＞\s]*|もしもし[、,]\s?|(?<=[「『]))([ァ-ヴ][ァ-ヴー]{1,5})(?:と申します|と申しま|と言います|といいます)",
    re.M,
)


# The reading or the other script of a name, written right after it: 菅谷 亮（すがや りょう）,
# 吉澤 キク<TAB>よしざわ きく, Lin Yuting（林 雨婷）.
_READING = fast_compile(
    r"[ \t(（]{1,3}([ぁ-ゖ]{2,6} ?[ぁ-ゖ]{1,6}|[ァ-ヴ][ァ-ヴー]{1,7} ?[ァ-ヴ][ァ-ヴー]{0,7}|"
    r"[一-龥々]{1,3} [一-龥々]{1,3})(?=[ \t)）、,]|$)"
)


def _is_place_word(tokens: tuple[Token, ...], by_start: dict[int, int], start: int,
                   end: int) -> bool:
    """One dictionary word tagged as a place (スウェーデン, ブラジル), not a name."""
    idx = by_start.get(start)
    return (idx is not None and tokens[idx].end == end and tokens[idx].is_place
            and not tokens[idx].is_person)


def _add_readings(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                  by_start: dict[int, int]) -> None:
    for (_start, end), (conf, _reason) in list(cands.spans.items()):
        if conf < CASE_FULL:
            continue
        m = _READING.match(norm, end)
        if m and m.group(1) not in _KANA_NOT_GIVEN and not _is_place_word(
            tokens, by_start, m.start(1), m.end(1)
        ):
            cands.add(m.start(1), m.end(1), conf, "reading")


def _script(ch: str) -> str:
    if _is_kanji(ch):
        return "kanji"
    if _kata_char(ch):
        return "kata"
    if _is_hira(ch):
        return "hira"
    return "latin" if ch.isascii() and ch.isalpha() else "other"


# 박민정: a Korean name in Hangul (two to four syllables), in brackets after the same person's
# name in another script, or before a Korean honorific (씨, 님) or a Japanese one; or the
# writer's own (이지은입니다, 김서연 엄마입니다: "I am …", "… 's mother").
_HANGUL_NAME = fast_compile(
    # (선생님, 고객님: a teacher, a customer — titles before 님, not names)
    r"(?<![가-힣])(?!선생|고객|회원|사장|부장|과장|교수|담당|원장|의사)([가-힣]{2,4})"
    r"(?:[)）]|\s?(?:씨|님|さん|様|氏)|\s?(?:엄마|아빠)?입니다)"
)


# 肥後克広、上島竜兵、寺門ジモンの3人: the items of a list whose neighbours are names are names
_LIST_ITEM = fast_compile(
    r"[一-龥々]{2,5}(?:[ァ-ヴー]{1,5}|[ぁ-ん]{1,4}(?<![にはがをもでへと]))?|[ァ-ヴ][ァ-ヴー]{1,7}"
)
_LIST_ITEM_BACK = fast_compile(r"(?:[一-龥々]{2,5}[ァ-ヴー]{0,5}|[ァ-ヴ][ァ-ヴー]{1,7})$")
_ITEM_END = fast_compile(r"[、・,。」）)\n]|[のとはがらを](?![ぁ-ん]{2})|$")
_ITEM_OPEN = ("、", "・", "は", "が", "：", ":", "（", "(", "「", "\n", " ", "")
_NOT_PERSON_END = frozenset(
    "市町村県区都府国党会社部課局省庁団組賞線駅校館園寺山川島城院所店屋家派軍隊号丸湾港橋道作品曲誌紙版"
    "族主者員長官師両人"
)


_KANJI_RUN3 = fast_compile(r"[一-龥々]{3,}")


def _add_notable_names(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                       by_start: dict[int, int]) -> None:
    """A full name in kanji that JMnedict lists as one person's (織田信長, 杉浦太陽,
    `gazetteer`), where no rule found a name: the dictionary read its given name as words.
    Mostly public figures, so a hint (masked, never a block). Looked up inside runs of three
    kanji or more, from a proper noun, an unknown word or a single kanji, over at most five
    words and seven characters."""
    covered = bytearray(len(norm) + 1)
    for a, b in cands.spans:
        covered[a:b] = b"\x01" * (b - a)
    n = len(tokens)
    for run in _KANJI_RUN3.finditer(norm):
        run_start, run_end = run.span()
        i = by_start.get(run_start)
        while i is not None and i < n and tokens[i][1] <= run_end - 3:
            first = tokens[i]
            start = first[1]
            if covered[start] or not (first[5] & PERSON_OR_PROPER or first[4] or first[2] - start == 1):
                i += 1
                continue
            for j in range(min(n, i + 5) - 1, i - 1, -1):
                end = tokens[j][2]
                if end > run_end or end - start < 3 or end - start > 7 or 1 in covered[start:end]:
                    continue
                words = tokens[i : j + 1]
                if j == i and first.is_proper and not first.is_person:
                    continue  # 浄土真宗: one word the dictionary names as something else
                if all(w.is_place and not w.is_person for w in words):
                    continue  # 伊勢志摩: two places
                if "notable" in gazetteer_kinds(norm[start:end]):
                    cands.add(start, end, HINT, "notable_name")
                    covered[start:end] = b"\x01" * (end - start)
                    i = j
                    break
            i += 1


def _add_list_neighbours(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                         by_start: dict[int, int]) -> None:
    if "、" not in norm and "・" not in norm:
        return
    named = {span for span, (conf, _r) in cands.spans.items() if conf >= BARE_FULL}
    todo = sorted(named)
    while todo:
        start, end = todo.pop()
        neighbours = []
        if norm[end : end + 1] in ("、", "・"):
            m = _LIST_ITEM.match(norm, end + 1)
            if m and _ITEM_END.match(norm, m.end()):
                neighbours.append(m.span())
        if norm[start - 1 : start] in ("、", "・"):
            m = _LIST_ITEM_BACK.search(norm, max(0, start - 11), start - 1)
            if m and norm[m.start() - 1 : m.start()] in _ITEM_OPEN:
                neighbours.append(m.span())
        for item in neighbours:
            if _list_item_ok(norm, item, tokens, by_start, named):
                named.add(item)
                todo.append(item)
                cands.add(item[0], item[1], HINT, "list_neighbour")


def _list_item_ok(norm: str, item: tuple[int, int], tokens: tuple[Token, ...],
                  by_start: dict[int, int], named: set[tuple[int, int]]) -> bool:
    start, end = item
    if item in named or norm[end - 1] in _NOT_PERSON_END or any(
        s < end and start < e for s, e in named
    ):
        return False
    i = by_start.get(start)
    if i is None:
        return False
    words = []
    while i < len(tokens) and tokens[i].start < end:
        words.append(tokens[i])
        i += 1
    if not words or words[-1].end != end:
        return False  # the item ends inside a word (大平正芳内閣)
    if all(w.is_common_noun and not w.is_person for w in words):
        return False  # 以下, 事務局: words, not a name
    return True


_HANGUL_CHAR = re.compile(r"[가-힣]").search


# 我是王丽华, 父亲李建国: a name in Chinese text, after 我是/我叫 or a relation or form word;
# the surname in traditional or simplified characters
_CHINESE_SURNAMES = frozenset(
    "".join(_SINITIC_SURNAMES) + "张刘陈杨赵吴孙马罗郑谢韩冯邓许苏卢蒋贾叶阎钟邹顾乔贺赖龚汤黄林金"
)
# What follows a name in Chinese text: punctuation, the end, or a word that begins a predicate
_CHINESE_NAME_END_RE = r"[，,。、；;（(\s]|$|今年|的|是|在|住|咨|申|说|来|想|和|与|要"
_CHINESE_NAMED = fast_compile(
    r"(?:我是|我叫|我的名字(?:是|叫)|父亲|母亲|丈夫|妻子|儿子|女儿|孩子|爷爷|奶奶|外婆|外公|"
    r"咨询人|申请人|联系人|姓名|本人)[：:\s]?"
    rf"([一-龥]{{2,3}}(?={_CHINESE_NAME_END_RE})|[一-龥]{{3}})"
)
_CHINESE_NAME_END = fast_compile(_CHINESE_NAME_END_RE)
# Characters only simplified Chinese writes (Japanese has 们 nowhere, 这 as 這, 说 as 説 …)
_SIMPLIFIED = fast_compile(
    r"[们这请吗您没说给让对为时过还问码护丽华个发经实现关动进种长门见东车书买卖报话语认识读记论该调谁诉证资产难题]"
)


# 表札は「岡部」, 鈴木と名乗った: a name read off a door or given by the person
_NAME_PLATE = fast_compile(r"表札(?:は|に|には|が)?[「『]([^」』\n]{1,8})[」』]")
_GAVE_NAME = fast_compile(
    r"(?<![一-龥々ァ-ヴー])([一-龥々]{1,4}|[ァ-ヴ][ァ-ヴー]{1,7})[」』]?と名乗(?:った|る|って|り)"
)
# 職員：荻原（主任）: a surname after a role label, its post in brackets after it
_LABELLED_WITH_POST = fast_compile(
    r"(?:職員|対象職員|担当|担当者|対象者|当事者|申出者|相談者|本人|被評価者|休職者)[:：]\s?([一-龥々]{1,4})"
    r"(?=[（(](?:主任|主事|主査|主幹|係長|課長補佐|課長|技師|技手|保健師|看護師|教諭|会計年度任用職員|"
    r"嘱託|専門員|補佐|副主幹|指導員|支援員)[）)])"
)
# A signature under an English, Portuguese or Spanish closing: Best regards,\nMaria Santos
_CLOSING_THEN_NAME = fast_compile(
    r"(?:Best regards|Kind regards|Regards|Sincerely(?: yours)?|Best wishes|Thanks|Thank you|Cheers|"
    r"Atenciosamente|Cordialmente|Saludos|Obrigad[oa]|Gracias),?[ \t]*\n[ \t]*"
    r"([A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+(?: [A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-.]*){1,3})[ \t]*(?=\n|$)"
)


def _add_told_names(norm: str, cands: _Candidates) -> None:
    if "表札" in norm:
        for m in _NAME_PLATE.finditer(norm):
            cands.add(m.start(1), m.end(1), ANCHORED, "name_plate")
    if "(" in norm:
        for m in _LABELLED_WITH_POST.finditer(norm):
            if can_be_surname(m.group(1)):
                cands.add(m.start(1), m.end(1), ANCHORED, "field_label")
    if "\n" in norm:
        for m in _CLOSING_THEN_NAME.finditer(norm):
            if not _EN_ORG.search(m.group(1)):
                cands.add(m.start(1), m.end(1), ANCHORED, "signature")
    if "名乗" in norm:
        for m in _GAVE_NAME.finditer(norm):
            value = m.group(1)
            if not _is_kanji(value) or can_be_surname(value) or len(value) >= 3:
                cands.add(m.start(1), m.end(1), ANCHORED, "gave_name")


def _add_chinese_named(norm: str, cands: _Candidates) -> None:
    chinese: bool | None = None
    for m in _CHINESE_NAMED.finditer(norm):
        if m.group(1)[0] not in _CHINESE_SURNAMES:
            continue
        if m.group().startswith("本人") or (
            len(m.group(1)) == 3 and not _CHINESE_NAME_END.match(norm, m.end())
        ):
            # 我的妻子刘晓燕怀孕了: three characters whatever follows, and 本人王丽华 (本人申告 is
            # Japanese), in Chinese text only (a two-character name and the next word's first
            # character: masked a little wide)
            if chinese is None:
                chinese = _SIMPLIFIED.search(norm) is not None
            if not chinese:
                continue
        cands.add(m.start(1), m.end(1), ANCHORED, "chinese_named")


def _add_hangul(norm: str, cands: _Candidates) -> None:
    if _HANGUL_CHAR(norm) is None:
        return
    for m in _HANGUL_NAME.finditer(norm):
        start = m.start(1)
        if norm[m.end(1) : m.end(1) + 1] in ")）":
            opening = norm[start - 1 : start]
            if opening not in "(（" or not opening or not any(
                e in (start - 1, start - 2) for _s, e in cands.spans
            ):
                continue
        cands.add(start, m.end(1), ANCHORED, "hangul_name")
    # 아들 준호가: a relative, then a given name and its particle
    for m in _HANGUL_KIN.finditer(norm):
        cands.add(m.start(1), m.end(1), ANCHORED, "hangul_name")


_HANGUL_KIN = fast_compile(
    r"(?:아들|딸|남편|아내|엄마|아빠|어머니|아버지|동생|언니|오빠|누나|형|손자|손녀|할머니|할아버지)\s?"
    r"([가-힣]{2,3}?)(?:[가이는은를을의도와과]|에게|한테)(?=[\s,.!?」]|$)"
)


def _add_repeats(norm: str, cands: _Candidates) -> None:
    """The same name written again elsewhere in the text is the same person: mask it too
    (長島様 in the reply, 長島です in the quoted mail)."""
    for (start, end), (conf, _reason) in list(cands.spans.items()):
        if conf < CASE_FULL or end - start < 2:
            continue
        value = norm[start:end]
        first, last = _script(value[0]), _script(value[-1])
        at = norm.find(value)
        while at >= 0:
            stop = at + len(value)
            if at != start and (at == 0 or _script(norm[at - 1]) != first) and (
                stop == len(norm) or _script(norm[stop]) != last
            ):
                cands.add(at, stop, conf, "repeat")
            at = norm.find(value, at + 1)


def _kata_char(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ" or ch == "ー"



# 「漫画家の西尾維新」「妻のアンナ」: an occupation or a relative, の, then the person's name.
_ROLE_APPOSITION = fast_compile(
    r"(?:学者|研究者|作家|小説家|漫画家|画家|政治家|実業家|活動家|音楽家|作曲家|作詞家|建築家|"
    r"評論家|思想家|芸術家|彫刻家|脚本家|演出家|写真家|歌人|俳人|詩人|俳優|女優|声優|歌手|"
    r"投手|捕手|内野手|外野手|騎手|棋士|力士|タレント|アナウンサー|モデル|アイドル|"
    r"プロデューサー|ディレクター|ギタリスト|ベーシスト|ドラマー|ピアニスト|ボーカル|"
    r"ジャーナリスト|記者|翻訳家|編集者|指揮者|演奏家|芸人|落語家|司会者|"
    r"父|母|妻|夫|息子|娘|兄|弟|姉|妹|長男|長女|次男|次女|祖父|祖母|叔父|叔母|"
    r"夫人|前妻|後妻|義父|義母|義兄|義弟|甥|姪|孫|弟子|師匠|愛人|恋人|親友|盟友|秘書|部下|上司|"
    r"父親|母親|少年|少女|青年|主人公|"
    # heads and officers of a body, scholars, clergy and retainers (編集長の壁村耐三)
    r"編集長|社長|会長|理事長|院長|校長|館長|所長|組合長|頭取|総裁|主事|主幹|官僚|教授|准教授|"
    r"講師|監督|コーチ|僧侶|住職|宮司|当主|藩士|家老|藩主|武将)(?:の|である)"
    r"([一-龥々ヶ]{2,5}|[ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,3})"
    r"(?=[はがのをにともや、。・」)(]|など|$)"
)
# 「建築家オーレ・…」「社長ヴェンディーチェ」「FWバレー」: a role written right before a
# katakana name (the change of script marks where the name begins).
_ROLE_BEFORE_KATA = fast_compile(
    r"(?:学者|研究者|作家|小説家|漫画家|画家|政治家|実業家|活動家|音楽家|作曲家|建築家|評論家|"
    r"思想家|芸術家|彫刻家|脚本家|写真家|詩人|俳優|女優|歌手|出版者|編集者|記者|指揮者|"
    r"社長|会長|監督|司令官|司令長官|長官|大将|中将|少将|大佐|提督|将軍|大統領|首相|国王|王妃|"
    r"皇帝|教皇|枢機卿|司教|神父|牧師|博士|教授|判事|検事|弁護士|医師|選手|投手|捕手|"
    r"FW|MF|DF|GK)(?:の)?(?:故)?"
    r"([ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,3})(?=[はがのをにともや、。」)(]|$)"
)


# 「女優山根明美を」「歌手杉浦璃の」: a role, then three or four kanji that begin with a surname
_ROLE_BEFORE_KANJI = fast_compile(
    r"(?:作家|小説家|漫画家|画家|政治家|実業家|作曲家|作詞家|建築家|評論家|脚本家|写真家|歌人|俳人|"
    r"詩人|俳優|女優|声優|歌手|騎手|棋士|設計者|指揮者|編集者|翻訳家|監督|選手|投手|捕手|"
    r"FW|MF|DF|GK|参謀の|会長の|社長の|理事長の)"
    r"([一-龥々ヶ]{3,4})(?=[はがのをにともや、。」)(]|など|$)"
)


# 「長女さつきは」「姉のゆりに」「主人公・すみれを」: a relative or a lead, then a given name in
# hiragana (a JMnedict given name, and not one of the function nouns written the same way).
_ROLE_BEFORE_KANA = fast_compile(
    r"(?:長女|次女|三女|四女|末娘|長男|次男|三男|末っ子|妻|娘|姉|妹|兄|弟|母|父|祖母|祖父|孫|"
    r"主人公|ヒロイン|少女|少年|幼なじみ|恋人|親友)(?:の|・)?([ぁ-ゖ]{2,4})(?=[はがのをにともや、。」]|など)"
)
_ROLE_KANA_STOP = frozenset(
    "こと ため みな もと ひと まま うち よう ほか ほう せい とき ところ なか まえ かた ころ "
    "ぶん さま たち ども ひとり ふたり みんな すべて ぜんぶ あいだ わけ はず つもり".split()
)
# 安田本人が, 大沢個人が, 大沢派の, 山根率いる: words that follow only a person (or, for
# 派, a faction named after one).
_PERSON_MARK = fast_compile(r"本人|自身|個人|率いる|派(?=[がはのをにと、])")


def _add_person_marks(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                      by_start: dict[int, int], by_end: dict[int, int]) -> None:
    """A surname or a katakana name before 本人, 自身, 個人, 率いる or 派, and after 故."""

    def add(start: int, end: int, reason: str) -> None:
        cands.add_free(start, end, HINT, reason)

    for m in _PERSON_MARK.finditer(norm):
        end = m.start()
        j = by_end.get(end)
        if j is None:
            continue
        tok = tokens[j]
        if _is_kata(tok.surface):
            run = _KATA_BEFORE.search(norm, max(0, end - 30), end)
            if run and (tok.oov or tok.is_person) and not tok.is_place and m.group() != "派":
                add(run.start(), end, "person_mark")
            continue
        start = tok.start
        if j > 0 and tokens[j - 1].end == start and _is_kanji(tokens[j - 1].surface) and (
            len(tokens[j - 1].surface) + len(tok.surface) <= 4 and m.group() == "率いる"
        ):
            start = tokens[j - 1].start  # 山根市政率いる: a given name the dictionary splits
        if start > 0 and _is_kanji(norm[start - 1]):
            continue
        value = norm[start:end]
        if not _is_kanji(value) or (tok.is_place and m.group() != "本人"):
            continue
        if can_be_surname(value) if len(value) == 2 else (
            m.group() == "率いる" and len(value) <= 4 and _surname_head(norm, start, end)
        ):
            add(start, end, "person_mark")
    for m in _DECEASED.finditer(norm):
        idx = by_start.get(m.start())
        if idx is not None and tokens[idx].pos[0] == "接頭辞":
            add(m.start(1), m.end(1), "person_mark")
    for m in _ROLE_BEFORE_KANA.finditer(norm):
        word = m.group(1)
        if word not in _ROLE_KANA_STOP and is_given_kana(word):
            add(m.start(1), m.end(1), "role_kana")


_KATA_BEFORE = fast_compile(r"(?<![ァ-ヴー・=])[ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,3}$")
# 作曲家の故ヤマネタケシ: 故 (the late) before a katakana name
_DECEASED = fast_compile(r"故([ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,3})(?=[はがのをにともや、。」]|$)")


def _surname_head(norm: str, start: int, end: int) -> bool:
    """Two characters that can be a surname, then one character or a word the dictionary knows
    as a given name (杉浦明, 山根明美; not 所得要件, 高校受験)."""
    rest = norm[start + 2 : end]
    return bool(rest) and can_be_surname(norm[start : start + 2]) and (
        len(rest) == 1 or person_kind(rest) is not None
    )


def _add_role_appositions(norm: str, cands: _Candidates, tokens: tuple[Token, ...],
                          by_start: dict[int, int]) -> None:
    """A word after 「漫画家の」「妻の」 is a name unless it is a known word (妹の質問)."""
    taken = list(cands.spans)
    for m in _ROLE_APPOSITION.finditer(norm) if "の" in norm else ():
        start, end = m.span(1)
        idx = by_start.get(start)
        if idx is None:
            continue
        first = tokens[idx]
        if first.end >= end and not first.oov and not first.is_person and (
            first.is_common_noun or first.pos[0] != "名詞" or first.is_place
        ):
            continue  # one dictionary word: 遺志, オーナー, 親族
        words = [t for t in tokens[idx : idx + 6] if t.start < end]
        if len(words) > 1 and all(t.is_common_noun and not t.oov and not t.is_person for t in words) and not (
            end - start in (3, 4) and _surname_head(norm, start, end)
        ):
            continue  # 長女の結婚披露宴, 母の介護認定: compound words, not a name (会長の杉浦明 is)
        if not any(a < end and start < b for a, b in taken):
            cands.add(start, end, HINT, "role_apposition")
    for m in _ROLE_BEFORE_KANJI.finditer(norm):
        # 女優山根明美を, 歌手杉浦璃。: a surname and a given name written right after the role
        start, end = m.span(1)
        if _surname_head(norm, start, end) and not any(a < end and start < b for a, b in taken):
            idx, last = by_start.get(start), by_start.get(end)
            if idx is not None and last is not None and not (
                last == idx + 1 and (tokens[idx].is_common_noun or tokens[idx].is_place)
            ) and not _is_place_word(tokens, by_start, start, end):
                cands.add(start, end, HINT, "role_kanji")
                taken.append((start, end))
    for m in _ROLE_BEFORE_KATA.finditer(norm):
        start, end = m.span(1)
        idx = by_start.get(start)
        if idx is None or (tokens[idx].end >= end and not tokens[idx].oov and (
            tokens[idx].is_place or tokens[idx].is_common_noun
        )):
            continue
        if not any(a < end and start < b for a, b in taken):
            cands.add(start, end, HINT, "role_katakana")
            taken.append((start, end))

