"""Street-level addresses (丁目・番地・号, hyphenated block numbers, romaji addresses)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from screening.detectors.context import (
    PUBLISHED_TEXT,
    SAMPLE_FORM,
    SAMPLE_PERSON,
    after,
    before,
    fast_compile,
    sentence,
    sentence_bounds,
)
from screening.detectors.normalize import normalize
from screening.types import Category, Finding

_N = r"(?:\d{1,5}|[〇一二三四五六七八九十百千]{1,6})"
# The block part of an address; at least one of 丁目 / 番地 / 番…号 / a hyphen chain.
_BLOCK = fast_compile(
    rf"{_N}丁目(?:\s?{_N}(?:番地?|-)(?:の?{_N}(?:号|-{_N})?)?|\s?\d{{1,5}}(?:-\d{{1,5}}){{0,2}})?"
    rf"|{_N}番地(?:の?{_N})?(?:{_N}号)?"
    rf"|{_N}番{_N}号?"
    rf"|\d{{1,5}}(?:-\d{{1,5}}){{1,3}}(?![\d-])"
)
_PLACE_CHAR = fast_compile(r"[一-龥々〆ヶケァ-ヴー]")
_PLACE_SUFFIX = "市区町村郡丁"
_PREFECTURE = fast_compile(r"(?:東京都|北海道|(?:京都|大阪)府|[一-龥]{2,3}県)")
# Building and room after the block: "ハイム青柳A棟103号室", "メゾン朝日102", "2-B".
_BUILDING = fast_compile(
    r"[ ]?[ァ-ヴー一-龥々A-Za-z・]{2,20}[ ]?"
    r"(?:\d{1,3}号棟|[A-Z]棟)?[ ]?(?:[A-Z]-?)?\d{1,4}(?:-[A-Z0-9]{1,3})?(?:号室|号)?"
)
_ROOM_ONLY = fast_compile(r"[ ]?(?:\d{1,3}号棟)?\d{1,4}号室")
_INSTITUTION = fast_compile(
    r"市役所|役所|役場|庁舎|保健所|病院|医院|クリニック|センター|会館|公民館|図書館|体育館|"
    r"美術館|博物館|文学館|学校|大学|幼稚園|保育所|保育園|こども園|事務所|事務局|本社|支社|"
    r"支店|営業所|工場|[^\s]課|[^\s]局|施設|会場|所在地|郵便局|駅|ホール|協会|組合|株式会社|"
    r"有限会社|法人|消防署|警察署|交番|公園|記入例|記載例|仮に使用|支所|プラザ|\d階[（(]?$|"
    r"アリーナ|スタジアム|ドーム|競技場|球場"
)
_PLACEHOLDER_TOWN = re.compile(r"テスト|サンプル|ダミー|架空|見本")
_PERSONAL = fast_compile(
    r"住所|自宅|現住所|居所|宅|在住|住まい|住む|住んで|送付先|転出先|転入先|転居先|宛先|"
    r"宛名|様|さん|氏|方|者|residing|address|Address|lives"
)
# 所在地：前橋市荒牧町一丁目38-11 飼い主：原田 忠: the person the premises belong to
_OWNER_AFTER = fast_compile(
    r"^[\s、,]*(?:飼い主|所有者|居住者|世帯主|借主|占有者|入居者|氏名|申請者|相談者)[ 　:：]"
)
# 飼い主：新井 恒夫（70代男性）\n所在地：…: the owner named on the line before
_OWNER_BEFORE = fast_compile(
    # 納税義務者：塩原 勝利\n宛名番号：…\n所在地：…: one line of its record may come between
    r"(?:飼い主|所有者|居住者|借主|占有者|世帯主|申請者|相談者|被災者|通報者|納税義務者|名義人|入居者)[ 　:：]"
    r"[^\n、]{0,24}(?:\n[^\n]{0,24})?[\n、][^\n、]{0,8}$"
)
_RESIDENCE_AFTER = fast_compile(r"^(?:に(?:お住まい|住む|住んで|在住)|在住|の者(?:です|と|で)|の(?:住民|地権者|居住者)の方|の(?:アパート|マンション|団地|借家|自宅)(?:で|に)|の(?:方|男性|女性|お宅|[^\s]{1,4}さん|[^\s]{1,4}様)|の[^\s]{1,6}宅)")
# 2218 Maple Crescent, Victoria, BC V8R 1K2, Canada: a street address written the English way
_EN_STREET = fast_compile(
    r"\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Crescent|Drive|Dr\.|Lane|"
    r"Way|Boulevard|Blvd\.|Court|Place|Terrace|Circle)(?:,? (?:[A-Z][A-Za-z.]+ ?){1,3}){0,3}"
    r"(?:,? [A-Z0-9]{3} ?[A-Z0-9]{3}|,? \d{5}(?:-\d{4})?)?(?:, [A-Z][a-z]+)?"
)
_ROMAJI = fast_compile(
    r"(?<![0-9A-Za-z-])\d{1,4}(?:-\d{1,4}){1,3},? [A-Z][a-z]+(?:-(?:machi|cho|chō|mura|ku|shi|chome))?"
    r"(?:, ?[A-Z][a-z]+(?:-(?:shi|ken|ku|gun))?){0,3}(?:,? \d{3}-\d{4})?"
    # I moved to Kamikoide-machi 1-14-6: a town and its block, no city
    r"|\b[A-Z][a-z]+-(?:machi|cho|chō|mura) \d{1,4}(?:-\d{1,4}){1,3}(?:,? (?:Apt\.?|Room|#) ?\d{1,4})?"
    # Maebashi, Kamikoide-machi 1-8-21, Apt 203: the city first
    r"|\b[A-Z][a-z]+(?:-shi| City)?, [A-Z][a-z]+-(?:machi|cho|chō|mura) \d{1,4}(?:-\d{1,4}){1,3}"
    r"(?:,? (?:Apt\.?|Room|#) ?\d{1,4})?"
)


def _place_start(norm: str, block_start: int) -> int:
    """Walk back over the place name before a block number; return its start."""
    i = block_start
    floor = max(0, block_start - 30)
    while i > floor:
        ch = norm[i - 1]
        if _PLACE_CHAR.match(ch):
            i -= 1
            continue
        # 前橋市 下小出町 2丁目 14-6: one space between the parts of an address; right before
        # the block only after a town (前橋市 3-5月 is a city and a span of months)
        if (ch == " " or (ch == "\n" and i < block_start)) and i - 1 > floor and norm[i - 2] in (
            "町村" if i == block_start else "都道府県市区町村郡"
        ) and i < len(norm) and norm[i] not in " \n":
            i -= 1
            continue
        # さいたま市, つくば市: hiragana directly followed by a place suffix.
        if "ぁ" <= ch <= "ん" and norm[i] in _PLACE_SUFFIX:
            j = i - 1
            while j > floor and "ぁ" <= norm[j - 1] <= "ん":
                j -= 1
            i = j
            continue
        break
    return i


def _is_place(name: str) -> bool:
    if len(name) < 2:
        return False
    if name.endswith(("道", "線", "号", "第", "年", "月", "日", "組", "期", "回", "条", "項", "版")):
        return False
    if name[-1] in _PLACE_SUFFIX:
        return True
    return any(c in name[:-1] for c in "市区町村郡") or bool(_PREFECTURE.match(name))


# 岩神町二丁目の坂の途中の家, 前橋市六供町の、スーパーの裏手の家, 天川原町二丁目で一人暮らし:
# a town (with its city or its 丁目) and words that point at one house in it.
# (Matched from the 町 and the estate word, then walked back over the name: a pattern that
# may begin at any kanji is tried at every kanji of the text.)
_TOWN_HOUSE = fast_compile(
    r"(?<=[一-龥々ヶ][一-龥々ヶ])町(?:[〇一二三四五六七八九十\d]{1,3}丁目|[一-龥々]{1,4}(?=で(?:一人|独り)))?"
    r"(?:(?:あたり|付近|周辺)?(?:の|で|にある)、?(?:[^。\n]{0,24}?(?:の|い|た|る|な))?"
    r"(?:家|お宅|民家|平屋|アパート|借家|一軒家|市営住宅|県営住宅|団地|部屋)(?=から|で|の|に|が|は|を|へ|、)|"
    r"で(?:一人暮らし|独り暮らし|一人で暮らし))"
)
# 南町団地2号棟408, 広瀬団地 5号棟 301: a household's flat in a housing estate (building and room)
_ESTATE_ROOM = fast_compile(
    r"(?<=[一-龥々ァ-ヴー])(?:団地|市営住宅|県営住宅|住宅|ハイツ|コーポ|荘)(?:の)?\s?"
    r"(?:(?:\d{1,3}号棟|[A-Z]棟)\s?\d{2,4}(?:号室|号)?|\d{1,2}-\d{3,4})(?!\d)"
)
# 居所：前橋市駒形町1182-4 ○○工業社員寮2階: the label says someone lives there (a dormitory)
_RESIDENCE_LABEL = fast_compile(r"(?:現住所|(?<![施設事業所在])住所|居所|住まい|自宅)\s?[:：]\s?$")
_PARCEL_LIST = fast_compile(r"地番|地目|地積|外\d+筆|登記簿|公図")
_VACANT = fast_compile(r"空き(?:住戸|部屋|室)|空室|募集住戸|入居者(?:の)?募集|(?:定期|随時)募集")
_MADE_UP = fast_compile(r"架空|[○〇◯]{2}")
_NEAR = fast_compile(r"の?(?:すぐ)?(?:近く|そば|隣|向かい|裏手?|並び)")
_LOT = fast_compile(
    r"(?<![一-龥々ヶ])[一-龥々ヶ]{1,4}市[一-龥々ヶ]{1,5}[町村][一-龥々]{0,3}\d{2,5}"
    r"(?![\d\-年月日号回件人円%.,番丁])"
)


def _graded(start: int, end: int, personal: bool, published: bool, reason: str) -> Finding:
    """An address finding; in material that says it is published (a press release with a
    facility's address), an address nobody is said to live at is only a hint."""
    if personal:
        confidence = 0.9
    elif published:
        confidence = 0.15
    else:
        confidence = 0.75
    return Finding(Category.ADDRESS, start, end, confidence, reason)


def _named_between(people: Sequence[tuple[int, int]], lo: int, start: int) -> bool:
    """A person's name stands between the institution word and the address, right before it
    (道路管理課 関口 昌弘　前橋市…: the staff member's home, not the section's)."""
    return any(lo <= s and e <= start and start - e <= 2 for s, e in people)


# An office named in English, Portuguese, Spanish or Vietnamese before a romanised address.
_INSTITUTION_ABROAD = fast_compile(
    r"City Hall|City Office|Prefeitura|Municipalidad|Ayuntamiento|Ủy ban|UBND|Library|Hospital|"
    r"Community Center|Centre|Biblioteca|市役所|役所"
)


def detect_addresses(text: str, people: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """`people`: spans of the names found in `text`, which tell whose an address is."""
    norm = normalize(text)
    findings: list[Finding] = []
    published = PUBLISHED_TEXT.search(norm) is not None
    parcels = None
    for m in _BLOCK.finditer(norm):
        start = _place_start(norm, m.start())
        while norm[start] == " ":
            start += 1
        name = norm[start : m.start()].replace(" ", "").replace("\n", "")
        # Trim label-like prefixes that are not part of the place name.
        if not _is_place(name) or _MADE_UP.search(name):
            continue
        end = m.end()
        block = m.group()
        if norm.startswith(("先", "地先"), end):
            continue  # 千代田町四丁目40番地先: a point on a road, named by the lot beside it
        strong_block = ("番" in block or "号" in block or "-" in block)
        b = _BUILDING.match(norm, end)
        if b and b.group().strip() and strong_block:
            end = b.end()
        else:
            r = _ROOM_ONLY.match(norm, end)
            if r:
                end = r.end()
        while end > m.end() and norm[end - 1] == " ":
            end -= 1
        ahead = before(norm, start, 40)
        personal = _PERSONAL.search(ahead)
        # 「環境政策課です。紅雲町二丁目にお住まいの方…」: the writer's own section in the
        # sentence before says nothing about the address.
        lo, _hi = sentence_bounds(norm, start, end)
        institutional = (_INSTITUTION.search(norm, max(lo, start - 40), start)
                         or _INSTITUTION.search(after(norm, end, 14)))
        if "自宅" in after(norm, end, 8) or "自宅" in before(norm, start, 12) or _RESIDENCE_LABEL.search(
            norm, max(0, start - 8), start
        ):
            institutional = None  # 前橋市嶺町2071-4（自宅兼事務所）: someone's home all the same
        elif (owner := _OWNER_AFTER.match(after(norm, end, 12, line=False))) or (
            owner := _OWNER_BEFORE.search(norm, max(0, start - 60), start)
        ):
            institutional, personal = None, owner  # 所在地：… 飼い主：原田 忠: a resident's premises
        in_sentence = sentence(norm, start, end)
        if "記入例" in in_sentence or "記載例" in in_sentence or _PLACEHOLDER_TOWN.search(norm[start:end]):
            continue  # …or 前橋市テスト町1-1: a made-up address for test data
        if SAMPLE_FORM.search(norm, max(0, start - 300), start) and SAMPLE_PERSON.search(
            norm, max(0, start - 300), end + 300
        ):
            # 【記入例】…前の住所：… 氏名：前橋 花子: the address of a sample form's stock person
            findings.append(Finding(Category.ADDRESS, start, end, 0.15, "sample_form"))
            continue
        if institutional and personal and institutional.end() <= start and _NEAR.match(
            norm, institutional.end()
        ):
            institutional = None  # 住まいは敷島公園のすぐ近く（前橋市敷島町240-15）: a landmark
        if institutional and not (personal and personal.start() > institutional.start()):
            if not (institutional.end() <= start and _named_between(people, institutional.end(), start)):
                continue
            personal = institutional  # the named person's address
        if not strong_block:
            # 町名＋丁目 only: a residence when the words around say someone lives there.
            if _RESIDENCE_AFTER.match(after(norm, end, 12)):
                findings.append(Finding(Category.ADDRESS, start, end, 0.45, "town_residence"))
            continue
        if personal is None and "号" not in block and parcels is None:
            parcels = _PARCEL_LIST.search(norm) is not None
        if personal is None and "号" not in block and parcels:
            # 開発区域（地番）｜前橋市下小出町二丁目123番1 外3筆: a parcel of land in a register
            findings.append(Finding(Category.ADDRESS, start, end, 0.15, "parcel"))
            continue
        findings.append(_graded(start, end, personal is not None, published, "block_number"))
    for m in _LOT.finditer(norm):
        # 前橋市小坂子町1960: a rural lot number, with no 番地 or hyphen
        personal = _PERSONAL.search(before(norm, m.start(), 40))
        if not personal and (_INSTITUTION.search(after(norm, m.end(), 14)) or _INSTITUTION.search(
            before(norm, m.start(), 16)
        )):
            continue  # …or 会場：ALSOKぐんまアリーナ（前橋市関根町800）: the venue's lot
        findings.append(_graded(m.start(), m.end(), personal is not None, published, "lot_number"))
    vacant = None
    for m in _ESTATE_ROOM.finditer(norm):
        start = _place_start(norm, m.start())
        if not any(f.start < m.end() and start < f.end for f in findings):
            personal = _PERSONAL.search(before(norm, start, 40))
            if vacant is None:
                vacant = _VACANT.search(norm) is not None
            if vacant and not personal:
                continue  # 募集住戸：市営広瀬団地 12号棟 305号室: an empty flat, nobody's home
            findings.append(_graded(start, m.end(), personal is not None, published, "estate_room"))
    for m in _TOWN_HOUSE.finditer(norm):
        start = _place_start(norm, m.start())  # 前橋市六供 before 町
        if not published and not any(f.start <= start < f.end for f in findings):
            findings.append(Finding(Category.ADDRESS, start, m.end(), 0.45, "town_house"))
    for m in _ROMAJI.finditer(norm):
        ahead = before(norm, m.start(), 60)
        if _INSTITUTION_ABROAD.search(ahead) and not _PERSONAL.search(ahead):
            continue  # A Prefeitura de Maebashi (… 2-12-1 Ote-machi): the city hall's own address
        findings.append(Finding(Category.ADDRESS, m.start(), m.end(), 0.85, "romaji_address"))
    for m in _EN_STREET.finditer(norm):
        personal = _PERSONAL.search(before(norm, m.start(), 40))
        findings.append(_graded(m.start(), m.end(), personal is not None, published, "street_address"))
    return findings
