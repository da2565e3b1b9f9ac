"""Hepburn romaji → katakana, so that Sudachi can say whether "Kaneko" is a surname."""
from __future__ import annotations

from functools import lru_cache

from screening.detectors.gazetteer import is_given_kana

_TABLE = {
    "kya": "キャ", "kyu": "キュ", "kyo": "キョ", "sha": "シャ", "shu": "シュ", "sho": "ショ",
    "cha": "チャ", "chu": "チュ", "cho": "チョ", "nya": "ニャ", "nyu": "ニュ", "nyo": "ニョ",
    "hya": "ヒャ", "hyu": "ヒュ", "hyo": "ヒョ", "mya": "ミャ", "myu": "ミュ", "myo": "ミョ",
    "rya": "リャ", "ryu": "リュ", "ryo": "リョ", "gya": "ギャ", "gyu": "ギュ", "gyo": "ギョ",
    "ja": "ジャ", "ju": "ジュ", "jo": "ジョ", "bya": "ビャ", "byu": "ビュ", "byo": "ビョ",
    "pya": "ピャ", "pyu": "ピュ", "pyo": "ピョ", "shi": "シ", "chi": "チ", "tsu": "ツ",
    "ka": "カ", "ki": "キ", "ku": "ク", "ke": "ケ", "ko": "コ",
    "sa": "サ", "su": "ス", "se": "セ", "so": "ソ", "ta": "タ", "te": "テ", "to": "ト",
    "na": "ナ", "ni": "ニ", "nu": "ヌ", "ne": "ネ", "no": "ノ",
    "ha": "ハ", "hi": "ヒ", "fu": "フ", "he": "ヘ", "ho": "ホ",
    "ma": "マ", "mi": "ミ", "mu": "ム", "me": "メ", "mo": "モ",
    "ya": "ヤ", "yu": "ユ", "yo": "ヨ", "ra": "ラ", "ri": "リ", "ru": "ル", "re": "レ", "ro": "ロ",
    "wa": "ワ", "wo": "ヲ", "ga": "ガ", "gi": "ギ", "gu": "グ", "ge": "ゲ", "go": "ゴ",
    "za": "ザ", "ji": "ジ", "zu": "ズ", "ze": "ゼ", "zo": "ゾ", "da": "ダ", "de": "デ", "do": "ド",
    "ba": "バ", "bi": "ビ", "bu": "ブ", "be": "ベ", "bo": "ボ",
    "pa": "パ", "pi": "ピ", "pu": "プ", "pe": "ペ", "po": "ポ",
    "a": "ア", "i": "イ", "u": "ウ", "e": "エ", "o": "オ",
}
_LONG = {"ō": "ou", "ū": "uu", "ā": "aa", "ī": "ii", "ē": "ei"}


@lru_cache(maxsize=4096)
def to_katakana(word: str) -> str | None:
    """Katakana for a romaji word, or None when it is not plain Hepburn."""
    w = word.lower()
    for k, v in _LONG.items():
        w = w.replace(k, v)
    out: list[str] = []
    i = 0
    while i < len(w):
        if i + 1 < len(w) and w[i] == w[i + 1] and w[i] not in "aeioun":
            out.append("ッ")
            i += 1
            continue
        if w[i] == "n" and (i + 1 == len(w) or w[i + 1] not in "aeiouy"):
            out.append("ン")
            i += 1
            continue
        for size in (3, 2, 1):
            piece = w[i : i + size]
            if piece in _TABLE:
                out.append(_TABLE[piece])
                i += size
                break
        else:
            return None
    return "".join(out)


# The most common surnames, which Sudachi reads as other words when written in katakana
# (スズキ the fish, ハヤシ the grove …); romaji gives no kanji to tell them apart.
COMMON_SURNAMES = frozenset("""
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi matsumoto inoue kimura hayashi saito shimizu yamazaki mori abe ikeda
hashimoto yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo
ishii sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa
nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata sakai
kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada fujimoto
takeda murata ueno sugiyama masuda sugawara hirano otsuka chiba kubo matsui iwasaki sakurai
kinoshita noguchi matsuo kikuchi nomura arai watanabe
""".split())


@lru_cache(maxsize=4096)
def romaji_person_kind(word: str) -> str | None:
    """姓, 名 or 一般 when a romaji word reads as a Japanese name, else None.

    Hepburn drops long vowels (Sato for サトウ, Ryo for リョウ), so both readings are
    tried, and a surname reading wins over a generic one.
    """
    from screening.detectors.tokens import person_kind

    if word.lower() in COMMON_SURNAMES:
        return "姓"
    kata = to_katakana(word)
    if kata is None:
        return None
    kinds = [person_kind(kata)]
    if kata[-1] in "オコソトノホモヨロゴゾドボポョュウ":
        kinds.append(person_kind(kata + "ウ"))
    for preferred in ("姓", "名", "一般"):
        if preferred in kinds:
            return preferred
    # Hina, Sora: a given name JMnedict writes in hiragana only (`gazetteer`)
    if is_given_kana(kata):
        return "名"
    return None
