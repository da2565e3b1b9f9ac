"""要配慮個人情報: health, disability, criminal record, welfare, creed … about a person.

A sensitive term on its own is a topic (a training text on 障害者差別解消法 is fine); it
becomes a finding when the same sentence points at one person (an age, a gender with an
age, a school year, 唯一, a name …). `detect_all` raises the confidence further when the
prompt also names or addresses someone.
"""
from __future__ import annotations

import re

from screening.detectors.context import (
    PUBLISHED_TEXT,
    fast_compile,
    quoted_exactly,
    sentence_bounds,
)
from screening.detectors.normalize import normalize
from screening.types import Category, Finding

_TERMS = (
    # health
    # がん検診, がん看護: a programme or a specialty, not anyone's illness
    r"(?:乳|肺|胃|大腸|肝臓|膵臓|子宮|前立腺)?(?:がん|癌)(?!検診|予防|対策|教育|看護|拠点|診療連携)|白血病|糖尿病|高血圧|脳梗塞|脳卒中|心筋梗塞|"
    r"心不全|腎不全|人工透析|透析|在宅酸素(?:療法)?|人工呼吸器|たん吸引|胃ろう|医療的ケア児?|"
    r"(?:アルツハイマー型|レビー小体型|若年性)?認知症(?!対応型)|うつ病|鬱病|うつ(?:状態|になった|になり|と診断)|双極性障害|統合失調症|"
    r"適応障害|パニック障害|摂食障害|依存症|アルコール依存|(?<![0-9A-Za-z])(?:PTSD|ADHD|ASD|LD)(?![A-Za-z])|自閉症|"
    r"発達障害|知的障害|精神疾患|精神障害|難病|HIV|エイズ|AIDS|肝炎|結核|"
    r"自閉スペクトラム症|自閉症スペクトラム|注意欠如・?多動症|注意欠陥・?多動性障害|学習障害|"
    r"ダウン症|脳性(?:まひ|麻痺)|筋ジストロフィー|(?<![A-Za-z])ALS(?![A-Za-z])|筋萎縮性側索硬化症|パーキンソン病|"
    r"(?:発達|知的|精神|身体)障がい|障がい者手帳|"
    r"(?:卵|乳|小麦|そば|落花生|えび|かに|食物)アレルギー|アナフィラキシー|てんかん|喘息|ぜんそく|ぜん息|"
    r"心療内科|精神科|不妊治療|妊娠|流産|中絶|(?:PCR|抗原|確認)?検査(?:で|が|の結果)?陽性|陽性(?:と判明|を確認|反応|者)|"
    r"(?:ナッツ|ピーナッツ|くるみ|甲殻類|果物|キウイ|大豆|ごま|魚卵)アレルギー|入院中|"
    r"(?:間質性)?肺炎(?!球菌)|メンタル不調|脳出血|くも膜下出血|骨髄移植|抗がん剤|余命|死亡診断書|"
    r"病気療養|療養中|病気休暇|病気休職|病休|療養休暇|休職中|全介助|抑うつ|酸素吸入|ペースメーカー|人工肛門|ストーマ|人工関節|"
    r"妊娠\d{1,2}(?:か|ヶ|カ|ケ)?月|闘病|持病|体調不良(?:で|のため)|大病|産後うつ|EPDS|"
    r"児童養護施設|一時保護|里親委託|措置入院|措置診察|23条通報|支援措置|"
    # batch 51: a check-up's verdict, an injury, an infection found by a test, poisoning
    r"要精密(?:検査)?|要精検|要再検(?:査)?|要治療|血圧\s?\d{2,3}/\d{2,3}|全治\s?\d{1,2}\s?(?:日|週間|か月|ヶ月)|"
    r"打撲|捻挫|(?<![一-龥])負傷|重傷|重体|意識不明|(?<=[ァ-ヴー菌])陽性|(?:急性アルコール|一酸化炭素|薬物)中毒|"
    r"(?:熱性|全身性の)?(?:けいれん|痙攣)(?:発作)?|嘔吐(?!物)|"
    r"(?:元夫|元妻|夫|妻|配偶者|交際相手|パートナー)(?:から|による)?の?DV|"
    r"排菌|障害(?:基礎|厚生)?年金|心電図異常|HbA1c\s?\d|"
    r"(?:父|母|お父さん|お母さん|親|パパ|ママ|継父|義父)に(?:たたかれ|叩かれ|殴られ|蹴られ)|"
    # disability and care
    r"(?:身体|精神)?障害者手帳|身体障害者手帳|療育手帳|精神障害者保健福祉手帳|"
    r"(?:視覚|聴覚|言語|肢体|内部|両下肢|上肢|下肢)(?:機能)?障害|(?:視覚|聴覚|言語|肢体|知的|精神)に障害|全盲|弱視|難聴|ろう者|"
    r"(?:車いす|車椅子)(?!対応|用|マーク|の?貸(?:し)?出し|置き場|で(?:も)?(?:利用|入れ|通れ))|寝たきり|要介護\s?\d|要支援\s?\d|"
    # welfare and family situation
    r"生活保護|保護開始|保護受給|被保護者|扶助費|就学援助|準?要保護(?!児童対策)|ひとり親|不登校|ひきこもり|引きこもり|"
    r"いじめ|虐待|身体的虐待|心理的虐待|ネグレクト|DV被害者?|ドメスティック・バイオレンス|"
    r"(?:夫|妻|配偶者|交際相手|元夫|元妻|父|母|親)から[^。\n]{0,8}暴力|入管に収容|"
    # crime
    r"罰金刑|懲役|禁錮|前科|前歴|逮捕|着服|横領|盗撮|万引き|補導|保護費|起訴|服役|受刑|仮釈放|出所|保護観察|執行猶予|有罪判決|"
    r"窃盗|詐欺|傷害|暴行|覚醒剤|覚せい剤|薬物|飲酒運転|酒気帯び|暴力団員?|反社会的勢力|"
    # creed, origin
    r"宗派|浄土真宗|浄土宗|真言宗|曹洞宗|臨済宗|日蓮宗|天台宗|骨折|"
    r"キリスト教|カトリック|プロテスタント|仏教|イスラム教|ムスリム|創価学会|エホバ|"
    r"統一教会|信者|信仰|宗教|被差別部落|同和地区|性的指向|同性愛|LGBT|トランスジェンダー|"
    r"性同一性障害|性別違和|性別不合|党員|党籍|支持政党|政党(?:支部)?(?:の)?(?:役員|幹部|支部長)|"
    # English
    r"diabetes|cancer|dementia|depression|HIV|disability|wheelchair|pregnan(?:t|cy)|"
    r"criminal record|welfare"
)

def _split_top(alternatives: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in alternatives:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


# Longest alternatives first, so 精神障害者保健福祉手帳 wins over 精神障害.
_TERMS_SORTED = "|".join(sorted(set(_split_top(_TERMS)), key=len, reverse=True))
_SENSITIVE = fast_compile(
    rf"(?:(?:重度|軽度|中等度|末期)の?)?(?:{_TERMS_SORTED})"
    r"(?:\([^()\n]{1,14}\)|の(?:職員|男性|女性|方|児童|生徒|子)|\s?\d級|の(?:治療|診断|手術|疑い|信者|症状|既往)|"
    r"で(?:服役|入院|通院|一人暮らし|通い始め)|に通い始め|があり|の診断あり|型)?"
)
_BODY = fast_compile(
    r"(?:膝|腰|足|目|耳|心臓|肝臓|腎臓|肺|胃)が悪く(?:なって|て)?|(?:膝|腰|肩|首|手首|足首|背中)を痛めて"
)
_TYPE1 = fast_compile(r"type [12] diabetes")
# Something in the same sentence that points at one individual.
_INDIVIDUAL = fast_compile(
    r"(?<![\d\-〜~～])\d{1,3}歳(?!まで|以上|以下|未満|から|以降|頃|になる|を迎える)|\d0代(?![・~〜、とや]|向け|の(?:市民|方々|住民|人|男女))|[男女]性|男子|女子|男の子|女の子|男児|女児|\d年生|小学\d年|中学\d年|"
    r"唯一|最高齢|本人|長男|長女|次男|次女|(?<![工丈農漁水人])夫|(?<!稲)妻|息子|娘|"
    r"(?<![酵保分祖乳寮養])母(?!子)親?|(?<![祖神養])父親?|祖[父母]|"
    r"(?<![皆客お各同赤])(?<!お子)(?<!患者)(?:さん|様(?![子式相態々])|氏(?!名)|くん|君|ちゃん|殿)|申請者|相談者|対象者|利用者|世帯主|受給者(?!証)|被保険者(?!証)|"
    r"入所中|入院中|担任の|\d年\d組(?:の|で)|双子の|(?:転入|転校)してきた|(?:転入|転校)した(?:生徒|児童|子)|"
    r"(?:うちの|私の|当課の|当係の)(?:課の|係の)?(?:係長|課長|部長|上司|同僚|部下|校長|教頭|担任|先輩|後輩|職員)|"
    r"(?:新任|新規採用)職員(?!研修|向け|の皆|たち|全員)|[1１一]名のみ|[1１一]人だけ|[1１一]名だけ|(?:(?<=[一-龥々])|(?<=[一-龥々] ))(?:先生|教諭|係長|主任|主査|主事|校長|教頭)(?![会方]|たち|ら|向け|方)|[Mm]y (?:son|daughter|wife|husband)|\b(?:he|she|his|her)\b"
)
_ANONYMOUS = fast_compile(r"無記名|匿名")
_APPROXIMATE_PERSON = fast_compile(r"\d0代(?:くらい|ぐらい|位|前後|と思われる|とみられる|と見られる)")
_BAND = re.compile(r"\d0代|[男女]性|男子|女子")
_CLASS_NOUNS = frozenset({"申請者", "相談者", "対象者", "利用者", "世帯主", "受給者", "被保険者"})


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"


# 「…」と言われた: reported speech, whose speaker the next sentence describes.
_QUOTED_SAYING = fast_compile(r"[」』]と(?:言われ|話され|言って|訴え)")
# The text says its case is made up (a training case, a role play).
_FICTIONAL = fast_compile(
    r"架空(?:の)?(?:事例|人物|ケース|設定|話)|実在の人物とは関係|仮想(?:の)?事例|演習用の事例|"
    r"モデル世帯|モデルケース|架空の(?:記号|名前|人物名)|想定シナリオ|訓練(?:の)?(?:想定|シナリオ)"
)
_GENERAL = fast_compile(r"制度|法|研修|講座|一般|啓発|サポーター|とは|について説明|の流れ|方法")
# The sentence asks how such cases are handled in general (産後うつのスクリーニングの一般的な進め方と
# 母親への声かけの例; 相談を受けたときに記録に残すべき項目): its 母親 or 本人 is anyone's.
_GENERAL_SENTENCE = fast_compile(
    r"一般的な|一般論|一般に|典型的な|よくある|べき(?:項目|こと|点)|進め方|留意点|声かけの例|対応の流れ|"
    # 大家さんから問い合わせがあったときの説明: how a kind of inquiry is answered
    r"(?:とき|場合|際)の(?:説明|対応|回答)|"
    r"チェックリスト|研修(?:用|資料)|マニュアル|ロールプレイ|接遇研修|研修で使う"
)
# 接遇研修で使うロールプレイ台本…場面は「車いすの利用者が…」: scenes for practice
_TRAINING_SCRIPT = fast_compile(r"ロールプレイ|(?:研修|訓練)(?:で使う|用)の?(?:台本|シナリオ|教材|事例)")
# …but not when the sentence singles someone out (唯一の全盲の職員…配慮すべき点)
_ONE_OF_A_KIND = fast_compile(
    r"唯一|ただ一人|最高齢|[1１一](?:名|人)(?:のみ|だけ)|\d{1,3}歳|\d0代|\d年生|\d年\d組|双子"
)


def detect_sensitive(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    matches = list(_SENSITIVE.finditer(norm)) + list(_BODY.finditer(norm))
    matches += list(_TYPE1.finditer(norm))
    fictional = None
    for m in matches:
        start, end = m.start(), m.end()
        if quoted_exactly(norm, start, end):
            continue
        lo, hi = sentence_bounds(norm, start, end)
        # "個人" in a 要配慮 context sentence of its own is about one person when a marker
        # sits in that sentence; a general sentence gets only a hint.
        individual = _INDIVIDUAL.search(norm, lo, hi)
        if individual is not None and _BAND.fullmatch(individual.group()) and _ANONYMOUS.search(norm):
            individual = None  # 無記名アンケート: 70代 … 信仰の話が面白かった is nobody in particular
        if individual is None and hi < len(norm) and _QUOTED_SAYING.search(norm, lo, hi):
            individual = _INDIVIDUAL.search(norm, hi, sentence_bounds(norm, hi + 1, hi + 1)[1])
        # 生活保護受給者, 老齢福祉年金受給者で…: a term, or any compound, naming a class of
        # people (a code table's description), not one of them
        # 窓口に来た70代くらいの男性: a stranger described by a guess at the age, nobody the
        # text identifies
        approximate = _APPROXIMATE_PERSON.search(norm, lo, hi) is not None
        while individual is not None and (
            individual.start() == end
            or (individual.group() in _CLASS_NOUNS and _is_kanji(norm[individual.start() - 1]))
            or (approximate and _BAND.fullmatch(individual.group()) is not None)
        ):
            individual = _INDIVIDUAL.search(norm, individual.end(), hi)
        if fictional is None:
            # a made-up case, or material already published (a premium table naming
            # 生活保護受給者 as a class), or a training script's scenes: about no one unless
            # a name is found too
            fictional = bool(_FICTIONAL.search(norm) or PUBLISHED_TEXT.search(norm)
                             or _TRAINING_SCRIPT.search(norm))
        if individual and not fictional and not _GENERAL.search(norm[start:end]) and not (
            _GENERAL_SENTENCE.search(norm, lo, hi) and not _ONE_OF_A_KIND.search(norm, lo, hi)
        ):
            confidence = 0.6
        else:
            confidence = 0.2
        start, end = _injury_site(norm, start, end), _condition_tail(norm, end)
        findings.append(Finding(Category.SENSITIVE, start, end, confidence, "sensitive_term"))
    return findings


# 左大腿骨頸部骨折で入院中, 人工透析を受けており: the site of an injury before the term and the
# state after it belong to the same fact (masked with it).
_SITED = ("骨折", "打撲", "捻挫", "損傷", "挫傷", "出血", "梗塞", "がん", "癌", "炎", "負傷")
_TAIL = fast_compile(
    r"(?:で|のため)(?:入院中|入院|通院中|通院|療養中|休職中|治療中)|を(?:受けて(?:おり|いる|います)|発症)|"
    r"と診断(?:され(?:た|ている|ています)?)?|の診断"
)


def _injury_site(norm: str, start: int, end: int) -> int:
    if not any(word in norm[start:end] for word in _SITED):
        return start
    lo = start
    while lo > 0 and start - lo < 8 and _is_kanji(norm[lo - 1]):
        lo -= 1
    return lo


def _condition_tail(norm: str, end: int) -> int:
    tail = _TAIL.match(norm, end)
    return tail.end() if tail else end
