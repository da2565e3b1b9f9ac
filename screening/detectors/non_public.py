"""非公開情報 (情報公開条例 第6条): classification marks and information not meant for release.

A mark quoted as a word (「取扱注意」の表示) is a mention, not a marking, and is skipped.
"""
from __future__ import annotations

import re
from itertools import chain

from screening.detectors.context import (
    PUBLISHED_TEXT,
    fast_compile,
    quoted_exactly,
    sentence,
    sentence_bounds,
)
from screening.detectors.normalize import normalize
from screening.types import Category, Finding

# Any unit's "…外秘" (関係者外秘): the one kind of mark that may begin at any kanji.
_UNIT_SECRET = r"[一-龥]{1,4}外秘|"
# Marks put on a document (strong on their own).
_MARK_SOURCE = (
    r"【[^【】\n]{0,20}(?:秘|取扱(?:い)?注意|限り|内限|非公開|非公表|未公表|未定稿|内部|検討資料|"
    r"部外秘|禁転載|持出禁止|調整中|検討中|審議中|査定中|途中|"
    r"(?:提出|公表|発表|決裁|説明|公告|庁議|通知|講評|勧告|答申)前)[^【】\n]{0,20}】"
    # a state note in brackets: （調査中・公表前）, （地元未説明・庁議前）, （法律相談・非開示）
    r"|[（(][^()（）\n]{0,12}(?:査定途中|調整中|検討中|審議中|協議中|交渉中|調査中|"
    r"(?:公表|発表|庁議|決裁|説明|提出|講評|勧告|公告|通知|答申|同意|承認|議決|審議)前|未説明|未公表|未決定|未通知|未決裁|非開示|"
    r"非公表)[^()（）\n]{0,12}[)）]"
    r"|極秘|部外秘|外部秘|社外秘|庁外秘|マル秘|㊙|取扱(?:い)?注意(?!事項|点|書き)|"
    # a heading spaced out letter by letter: 取 扱 注 意, 部 外 秘
    r"取 扱 注 意|部 外 秘|極 秘|(?:庁 内|内 部|関 係 者) 限 り|"
    r"(?:庁内|部内|課内|係内|室内|局内|所内|院内|館内|校内|社内|担当|担当者|関係者|幹部|内部|職員課内|人事担当)限り|"
    r"未定稿|非公表|未公表|公表前|(?:まだ)?(?:報道|記者)?発表前|非公開(?:の)?扱い|非公開の(?:資料|情報|文書|データ|内容|報告書?|数値|計画|名簿|リスト)|"
    r"庁内検討用|(?:庁内|内部|部内)(?:検討)?資料"
    # 庁内資料の構成案を作って: the document to be written, for whom; not a mark on given material
    r"(?!の(?:構成|体裁|様式|作成|ひな形|雛形|案|骨子|目次)|を(?:作|つく|まとめ)|として(?:作|まとめ|整理))|外(?:部)?に(?:は)?出せ(?:ない|ません)|公表(?:不可|でき(?:ない|ません))|"
    r"一切公表|(?:公表|公開)しない(?:約束|条件|前提)|内密に|オフレコ|"
    # marks and cues of secrecy in the words staff actually write
    + _UNIT_SECRET + r"持出禁止|持ち出し禁止|配布先限定|複製禁止|CONFIDENTIAL|Confidential|"
    # 非開示とした部分の取消し, 非開示決定: a disclosure decision told, not a mark on the text
    r"非開示(?!と(?:した|する|された|なった)|決定|部分|情報|理由|の(?:判断|決定|理由|範囲))|外部提供不可|提供不可|開示不可|転送不可|非公開(?:が|を|の)?前提|内々に|内々の|"
    r"非公式(?:に|の)(?:打診|協議|折衝|交渉|接触)|非公式に(?:聞いた|得た|入手した|教えてもらった)|"
    r"(?:公表|公開|発表)は控えて(?:ほしい|ください|いただきたい)|"
    r"外部への(?:説明|公表|提供|発表)は(?:行わない|しない|控える)|合意形成前|"
    r"(?:部外|外部|庁外|課外)に(?:は)?漏らさない|公表の要否は(?:未判断|未定|検討中|決まって)|"
    r"配布先は[^。\n]{0,8}(?:のみ|限り|限定)|(?:部長級|課長級|幹部|管理職)(?:のみ|限り|限定)(?:で|の|です|。)|(?:察知され|気づかれ|悟られ|知られ)(?:て[^。\n]{0,12})?(?:ないよう|ずに)|"
    r"(?:限られた人|一部の人|一部の職員)しか知らない|部外扱い|どこにも出して(?:い)?(?:ない|ません)|捜査関係事項照会(?!(?:書)?に回答する(?:とき|際|場合))|"
    r"(?:公開|公表)しないと決め|会議録(?:に|には)載せない|"
    r"\b(?:has(?:n't| not)|have(?:n't| not)) (?:yet )?been (?:released|announced|published|made public)\b|"
    r"\bnot yet (?:released|announced|public)\b|\b[Ee]mbargoed\b|"
    r"(?:関係機関|答弁者|当事者|出席者|委員)限り|"
    r"\bnot (?:to be )?(?:disclosed|released|shared)\b|\bnot for (?:release|distribution|publication)\b|"
    r"\binternal (?:use )?only\b|\bdo not (?:share|disclose|forward|distribute)\b|\bembargoed\b|"
    r"取扱いに(?:は)?(?:十分)?注意|ここだけの話|水面下で|他言無用|口外しない(?:で|よう|こと)|口外無用|"
    r"(?:まだ)?(?:オープン|表)に(?:なって|出て)(?:い)?(?:ない|ません)|当日まで伏せ|"
    r"(?:発表|報道)?解禁(?:前|日時|は|[:：])|(?:それまで|解禁まで)?報道不可|"
    # ㊙ (NFKC makes it 秘) standing alone as a mark
    r"(?:^|(?<=[\s【(「]))秘(?=[\s】)」:：])|"
    r"公にしない(?:で|よう)|(?:公表|発表)は(?:まだ|しない|していません)|"
    r"(?:まだ)?(?:公表|発表)(?:して(?:い)?(?:ない|ません)|前の)|"
    r"(?:まだ)?(?:報道)?(?:公表|発表)(?:も|は)(?:して|されて)(?:い|お)?(?:ない|ません|らず)|(?:出さない|伏せる)約束|"
    r"捜査中|捜査(?:情報|上の)|捜査が(?:進んで|続いて|行われて)|調査嘱託|"
    r"(?:業者|相手方?|先方|外部|市民|住民|他社|事業者|本人|議会|地権者|応募者|入札者|対象者|"
    r"施設側|対象施設|地元|沿線|関係者|保護者)(?:に|には|へは|にも)(?:絶対に|一切|まだ)?(?:何も)?"
    r"(?:見せ|言え|言わ|出せ|出さ|漏らせ|漏らさ|明かせ|明かさ|伝え|知らせ|悟られ|知られ|示さ|開示し|公開し)"
    r"(?:られ)?(?:て(?:い|お)?)?(?:ない|ません|ず|らず)|"
    r"厳重(?:に)?管理|(?:外部|受験者|業者|相手方?|先方|他社|応募者|住民|市民|報道)に漏れ(?:たら|ると|ては|ないよう)|"
    r"(?:課内|部内|庁内|係内)のみで(?:管理|共有|保管)|"
    r"外(?:部)?に(?:は)?(?:出さない(?:よう|で|こと|扱い)|出して(?:い)?(?:ない|ません)|出すな)|"
    r"外(?:で|に)(?:は)?(?:言うな|話すな|漏らすな)|誰にも言え(?:ない|ません)|"
    r"(?:会見|発表|公表|記者発表)まで(?:は)?(?:表|外)に(?:は)?出せ(?:ない|ません)|表に(?:は)?出せ(?:ない|ません)|"
    r"以外(?:に|には)(?:は)?使わない(?:という)?(?:約束|条件|前提)|"
    r"[（(]非公開[・、)）]|[（(][^()（）\n]{1,8}非公開[)）]|(?:庁内|部内|課内)(?:で)?検討中|"
    r"(?:公表|公開|発表|報道発表)(?:は)?しない(?:方針|予定|方向|ことに)|"
    r"対外的に(?:は)?(?:出して(?:い)?(?:ない|ません)|公表して(?:い)?(?:ない|ません)|出せ(?:ない|ません))|"
    r"(?:課|部|室|係|局|幹部|担当|担当者|関係者)(?:と[^。\n]{0,8})?だけで(?:共有|管理|検討|協議)|"
    # 関係課以外には共有しない, それまで秘密にする約束
    r"(?:関係課|関係者|担当課|担当者|出席者)以外(?:に|には|へは)(?:共有|公開|開示|配布|見せ|知らせ)"
    r"(?:し|せ)?(?:ない|ません|ず)|秘密にする(?:約束|条件|前提|こと)|"
    # 受験者の目に触れる前, 課内の作成担当しか見ていません, まだ誰にも言っていない話
    r"(?:受験者|応募者|相手方|外部|住民|市民)の目に触れる前|"
    r"(?:担当|担当者|作成担当|関係者|幹部)(?:しか|のみ|だけ)(?:が)?(?:見て|知って|知ら)(?:い)?(?:ない|ません|れていない)|"
    r"まだ誰にも(?:言って|話して|伝えて|見せて)(?:い)?(?:ない|ません)|"
    r"(?:課内|部内|庁内|内部|幹部)でしか(?:共有して|知らされて|話して)(?:い)?(?:ない|ません)|"
    r"(?:公表|発表)(?:の要否|するかどうか|するか)(?:は)?(?:まだ)?(?:決めて|決まって)(?:い)?(?:ない|ません)|"
    r"(?:(?:記者|報道)?発表|公表|報告)?まで(?:は)?伏せ(?:る|て(?:おく)?)?|内示を(?:し|行い|行っ)|"
    r"(?:秘密保持契約|守秘義務契約|NDA)を(?:結んで|締結して|交わして)[^。\n]{0,6}(?:協議|交渉|検討|調整)|"
    r"(?:秘密保持契約|守秘義務契約|NDA)[^。\n]{0,12}(?:結んだ|結んで|締結し|交わし|のもと|に基づ)"
    r"[^。\n]{0,30}(?:受け取|提供を受け|開示を受け|もらっ|入手|預か)|"
    r"(?<=[一-龥])(?:課|部|室|係|局|班)限り|"
    # 実施日と対象店は担当内だけの情報です
    r"(?:担当|課|部|係|室|局|班|庁)内(?:だけ|のみ)の(?:情報|話|資料|扱い)|"
    # Information given in confidence on condition it stays inside (第3号, 第8号).
    r"(?:外部に(?:は)?(?:出さない|出せない|出さず|漏らさない)|他(?:に|へ)(?:は)?(?:出さない|出せない|漏らさない)|"
    r"公表しない|公開しない|非公開|"
    r"口外しない|他言しない|秘密(?:保持|扱い))(?:こと)?[」』]?(?:こと)?(?:を|と(?:いう|の))?"
    r"(?:条件|約束|前提|取決め|取り決め|合意)|"
    # closed sessions and papers for a restricted circle
    r"非公開(?:で|と)(?:審議|した|された|する|して|開催|開いた|開かれた|行った|行われた)|"
    # 原価構造は企業秘密として提出されたもの
    r"(?:企業|営業)秘密(?:として|に当たる|扱い|の)|非公開(?:の)?部分|非公開会議|秘密会|"
    r"(?:委員|関係者|幹部|出席者|理事)(?:だけ|のみ)に(?:送る|配る|配布|共有|限る)"
)
_MARK = fast_compile(_MARK_SOURCE)
# re tries every branch of _MARK at every kanji because of _UNIT_SECRET; a text without
# 外秘 cannot match that branch, so it is searched without it (the same matches, ~7x faster).
_MARK_WITHOUT_UNIT_SECRET = fast_compile(_MARK_SOURCE.replace(_UNIT_SECRET, "", 1))
_SERVICE = fast_compile(
    r"[)）]?(?:\s?[(（][^)）\n]{0,8}[)）])?(?:の)?(?:相談)?(?:窓口|制度|体制|の仕組み)|者保護法"
)
# 公益通報の窓口に…通報がありました: a report the service received is a case
_CASE_RECEIVED = fast_compile(
    r"(?:通報|相談|申立て?|申し立て)(?:が|を)(?:あり|ありました|受け)|"
    r"(?:窓口|ホットライン)に(?:入った|寄せられた|届いた)|通報(?:が)?(?:入り|入った|寄せられ)"
)
# 取扱注意文書の保管・廃棄ルールを新人向けにまとめて: the whole text drafts rules for handling such
# documents, so the marks and "持ち出し禁止" in it are the rules' words, not markings
_DRAFTING_RULES = fast_compile(
    r"(?:保管|廃棄|管理|取扱い?|取り扱い|持ち出し|情報セキュリティ)[^。\n]{0,10}"
    r"(?:ルール|規程|要領|マニュアル|手順)(?:の案|案)?を[^。\n]{0,16}(?:作|まとめ|整理|考え|直)|"
    # 次の文書事務の手引の抜粋を…: the city's own rules on marking documents, pasted
    r"(?:文書(?:事務)?|文書管理|情報セキュリティ)(?:の)?(?:手引き?|規程|要領|マニュアル|規則|ガイドライン)の(?:抜粋|一部|条文)"
)
# 非公開の別, 非公開部分の明示, 非公開とする理由: the concept named, not a mark
# …（議会同意前）の段階ですが、一般的な例文を: a general question about one's own matter, which
# the sentence says is at that stage (warned, not blocked)
_OWN_CASE = fast_compile(r"(?:段階|状態|最中|前)(?:です|だ|で)?(?:が|けど|けれど)[、,]")
_KIND_OF = fast_compile(r"(?:の別|部分|理由|とする理由|とする場合|の理由)")
_EITHER = fast_compile(r"公開[・／/]非公開")  # 【公開／非公開】: a choice on a form
_SHOWN = fast_compile(r"(?:の|を)(?:明示|表示|示し|示す|黒塗り|マスキング)")  # 非公開部分の明示
# 備蓄倉庫の暗証番号一覧 with the numbers below it
_CODE_VALUE = fast_compile(r"(?<![\d,.\-/])\d{4,8}(?![\d,.\-/年月日円人件%])")
_CREDENTIAL_LIST = fast_compile(r"(?:暗証番号|パスワード|パスコード|解錠番号)(?:の)?(?:一覧|リスト|表)")
# …のたたき台を作って, 広報記事のたたき台に(して): a draft asked of the AI
_AFTER_IT = fast_compile(r"た(?:あと|後|ら)|てから")
_PUBLISHED_LATER = fast_compile(r"(?:開札|契約|入札|決定|終了|選定)後に?公表")
_WITHHELD_FIELD = fast_compile(r"(?:は|を)(?:非公表|非公開|非開示|公表しない|公表せず)")
_ASK_TO_MAKE = fast_compile(
    r"(?:を|も)?(?:作|つく|考え|作成|用意|書い|書き|出して|お願い|頼まれ|まとめ)|に(?:して|まとめ|$|\s*$)"
)
_GENERAL_ASK = fast_compile(r"どのような|どんな|とは|要件|仕組み|制度|ルール|について説明|根拠条文|第\d+条")
# Asking how such matters are handled in general: 一般的な流れ, 気をつけるべきこと, 研修用.
_GENERAL_TOPIC = fast_compile(
    r"一般的な|一般論|判断(?:する)?(?:とき|際)の|(?:判断|公開|非公開|開示)?基準と(?:例|具体例|考え方|事例|は)|の流れ|気をつけるべき|注意点|入力してしまわない|"
    r"研修用に|チェックリスト(?:にして|を作)|よくある例|例を挙げ|例も挙げ|典型的な|考え方を|"
    # 取扱注意文書の管理に関する課内ルール: rules for such documents, not one of them
    r"の(?:管理|取扱い?|取り扱い|保管|廃棄)(?:方法)?に関する|"
    # ・公表前の人事異動…も入力しない: a list of what must not be typed in
    r"入力(?:しない|しないで|してはいけない|しては(?:いけ|なら)ない|禁止)|"
    # 【取扱注意】文書の保管・廃棄ルール, 情報公開条例6条の非開示情報の違い
    r"(?:保管|廃棄|管理|取扱い?)(?:・(?:保管|廃棄|管理|取扱い?))*(?:の)?(?:ルール|規程|要領|マニュアル|手順)|"
    r"情報公開(?:条例|制度)|の違いを|とは何|テンプレート|ひな形|雛形|文例|運用規程|見直すポイント|"
    r"(?:管理|取扱い?|取り扱い)(?:の)?(?:ルール|規程|要領|マニュアル|手順書)"
)
# 「ここだけの話」として聞いた: the quoted mark is how it was told, not a word discussed.
_SAID_AS = fast_compile(
    r"として|と(?:言われ|言って|指示|前置き|念押し|断って)|(?:と(?:いう|の))?(?:前提|条件|約束|取り?決め|合意)|"
    # 「社外秘」と押印があります: the document carries the mark
    # (present state: と押印があります, と書かれています; 「庁内限り」と表示された文書 is a class)
    r"と(?:の)?(?:押印|記載|印字|朱書き?|スタンプ)(?:が|も)?(?:あり|ある|され(?:てい|てお))|"
    r"と(?:書かれ|押され|表示され|印字され)て(?:い|お)|とあり(?:ます)?[。、]|と書いて(?:あり|ある)|"
    # 「庁内限り」の資料なんですけど: the document that carries it
    r"の(?:資料|文書|メモ|データ|ファイル)(?:です|なん|を|が|で|の|は)"
)
# Undecided deliberations and unannounced decisions (第4号, 第5号).
_PROCESS = fast_compile(
    r"(?:まだ)?(?:部長|市長|課長|局長|最終)?決裁前|(?:市長)?査定前|内示前|(?:本人にも|本人へ)?通知前|"
    r"(?:まだ)?(?:地域|住民|対象者本人|本人|対象[一-龥]{0,3}|相手方)(?:に|には|にも)(?:まだ)?"
    r"(?:説明|伝え|通知|知らせ)(?:て)?(?:い)?(?:ない|ません|ず)|事前に(?:知らせない|通知しない|公表しない)|"
    r"人事異動(?:\s?\(?案\)?)|異動(?:案|内示)|昇任(?:候補|案)|懲戒処分(?:案|の検討)|"
    r"公益通報|内部通報|(?:ハラスメント|セクハラ|パワハラ)(?:相談|申立て?)(?:の記録)?|"
    r"(?:和解金|示談金|賠償額|和解額)の?(?:上限|下限|見込み|方針)|訴訟方針|"
    r"要人の(?:来場|到着|移動)(?:時刻|経路|ルート)|警備計画|"
    r"(?:法人|個人)?(?:市民税|住民税|法人税|固定資産税|所得税)の?(?:申告内容|課税(?:標準|情報|額)|申告額)|"
    r"着眼点|"
    r"(?:庁議|部長会議|政策会議|経営会議)に(?:かける|諮る|付議する)?前|"
    # an inquiry not yet put to the council, approval not yet given, results not yet sent
    r"(?:諮問|付議|上程|提案)する前の|内部検討(?:の)?段階|審議中の段階|内部見解|"
    r"まだ(?:公表|発表|公開)されて(?:い)?(?:ない|ません)|"
    r"警備(?:が|の)?手薄|侵入者検知|(?:立入検査|抜き打ち検査|査察)の予定(?:日|表)|"
    r"(?:諮問|付議|上程|公表|発表)前の(?:試算|案|資料|数値|データ|計画)|"
    r"(?:監査委員|委員)の合議前|(?:公表|発表|通知|公告|内示|発令)は(?:来月|来週|明日|[^。\n]{1,8}の予定)|"
    # batch 24: secrecy implied by the timing and the circumstances
    r"候補を[^。\n]{0,10}(?:に)?絞(?:った|り込んだ|っている|りました)|量定案|"
    r"(?:課内|庁内|部内|内部|事務局内)で(?:まだ)?詰めて(?:いる|います)|"
    r"(?:部長|課長|局長|市長|副市長|上司)の手が入る前|"
    r"(?:パブコメ|パブリックコメント|意見公募)に(?:かける|出す)前|"
    r"(?:職員|住民|市民|議会|議員|相手方|業者|地元|組合)(?:に|にも|には)(?:まだ)?(?:出して|見せて)(?:い)?(?:ない|ません)|"
    r"(?:向こう|相手|先方|相手方)は(?:まだ)?(?:見て|知って)(?:い)?(?:ない|ません)|"
    r"(?:試験|選考)[^。\n]{0,12}で出す[^。\n]{0,8}(?:問題|課題)|"
    r"(?:議員|議会|住民|地元|相手方|会派)への(?:説明|報告|提示)は(?:まだ|これから)|"
    # a network's inside: open maintenance ports, a firewall's private address
    r"(?:開放して(?:い)?る|開けて(?:い)?る|空いて(?:い)?る)ポート|"
    r"(?:ファイアウォール|FW|ルーター|境界)[^。\n]{0,8}(?:は|:|：)\s?(?:10|172|192)\.\d{1,3}\.\d{1,3}\.\d{1,3}|"
    r"外部に(?:は)?出す(?:資料|もの|情報)では(?:ない|ありません)|"
    r"これから[^。\n]{0,10}(?:で)?決める(?:段階|ところ|予定)|"
    r"(?:交渉|協議)(?:前|の前)に[^。\n]{0,12}(?:提示案|方針|案)を固め|"
    r"交渉で(?:出す|示す|提示する)[^。\n]{0,6}(?:案|額|条件)|"
    r"(?:処分|指定取消し?|行政処分|懲戒)[^。\n]{0,10}検討中|"
    # weaknesses of systems and buildings
    r"脆弱性が(?:見つか|発見さ|判明し)|"
    r"(?:脆弱性|不具合|欠陥)[^。\n]{0,30}(?:まだ)?(?:修正|対策|対応)され(?:て)?(?:い)?(?:ない|ません)|"
    r"(?:カードリーダー|監視カメラ|防犯カメラ|電子錠|センサー|警報装置)[^。\n]{0,10}"
    r"(?:故障したまま|止まって|作動しない|作動していない)|"
    r"まだ[^。\n]{0,10}(?:判断|決裁|承認|了承|決定)を(?:経て|得て|受けて|もらって|いただいて|仰いで)"
    r"(?:い)?(?:ない|ません)|"
    r"(?:市長|副市長|教育長|部長|局長|理事者)の(?:最終)?判断(?:が出る|を仰ぐ|を受ける)?前|"
    r"(?:に|へ)(?:は)?(?:まだ)?(?:結果|内容|決定|方針)を(?:通知|連絡|説明|伝え)(?:して|て)"
    r"(?:おらず|いない|いません|おりません)|"
    r"(?:公表|発表)(?:する(?:か|かどうか))?は[^。\n]{0,12}(?:判断|決定|指示)を待って|"
    # 農業委員会の総会にかける前の案件, （まだ指名委員会前）
    r"(?:会議|総会|委員会|審議会|審査会|議会)に(?:かける|諮る|付議する|付す|出す)前|"
    r"(?:局内|庁内|部内|課内|内部)(?:の)?検討(?:案|資料|段階)|(?:方向|方針)で(?:調整|検討)中|"
    r"(?:に|には|にも)(?:まだ)?未説明|"
    r"まだ[一-龥]{0,6}(?:委員会|審議会|審査会|総会)前|"
    # 事務局内でまだ意見が割れている: a deliberation still open
    r"(?:庁内|課内|部内|局内|事務局内|内部|委員の間|委員会内|幹部の間|幹部間)で(?:は)?(?:まだ)?"
    r"意見が(?:割れ|分かれ)|"
    r"まだ(?:本人|相手方|先方|地元|関係者|当事者)?(?:に|にも)(?:は)?伝わって(?:い)?(?:ない|ません)|"
    r"方針が(?:まだ)?(?:固まって(?:い)?(?:ない|ません)|決まって(?:い)?(?:ない|ません))|"
    r"(?:査定|決裁|審議|協議|調整|決定)(?:が|は)?(?:まだ)?(?:終わって|済んで|出て|終了して|下りて)"
    r"(?:い)?(?:ない|ません)|"
    r"(?:監査委員|議会|委員会|市長|副市長|部長|本人|職員|所管課|相手方|先方|地権者)(?:へ|に)の?"
    r"(?:報告|説明|提示|通知|提出|フィードバック|開示)前|"
    r"(?:に|には|にも)(?:まだ|事前に)?(?:一切|何も)?(?:正式に(?:は)?)?(?:伝えて|話して|知らせて|説明して|通知して|提示して|報告して|"
    r"言って|予告して|"
    r"示して|見せて|公表して|周知して)(?:い)?(?:ない|ません)|"
    r"講評前|勧告前|答申前|(?:議会|委員会)提出前|(?:に|には|にも)まだ非公開|説明前の|"
    r"(?:伝える|知らせる|説明する|通知する|報告する|示す|公表する|発表する|上程する|提出する|諮る)前|"
    r"(?:記者発表|報道発表|公表|発表|公告|開札|説明会|上程|決裁|庁議)の前|"
    r"(?:内部|部内|課内|庁内)で(?:固まり|内定|決まり|調整し|検討し)|"
    r"まだ[^。\n]{0,16}(?:段階|第\d稿)|"
    r"まだ(?:公告|公開|周知|通知)して(?:い)?(?:ない|ません)|"
    r"(?:公表|発表)(?:の要否|するかどうか|するか)[^。\n]{0,20}(?:決めて|決まって)(?:い)?(?:ない|ません)|"
    r"(?:不採用|不採択|不合格)(?:と|に)する(?:予定|方向|方針|\d+件)|懲戒処分の量定|(?:一次|二次)査定|"
    r"(?:来週|来月|明日|今度)(?:実施|行う)[^。\n]{0,30}(?:試験|選考)[^。\n]{0,16}(?:出題|課題|問題)|"
    r"(?:試験|選考|面接)(?:で|に)使う(?:予定の)?(?:問題|課題|設問)|"
    r"訴訟[^。\n]{0,30}(?:弱い点|弱点|不利な点)|知らせずに(?:行|実施)|"
    r"(?:現金|収納金|売上金)[^。\n]{0,20}(?:運ぶ|搬送|輸送)[^。\n]{0,20}(?:時間|経路|ルート)|"
    r"(?:浄水場|変電所|庁舎|サーバ室|ポンプ場)の警備体制|カメラ(?:で|に)(?:映らない|写らない)|"
    r"\d{1,2}時[^。\n]{0,20}巡回|(?:鍵|合鍵|マスターキー|予備キー)(?:は|を)[^。\n]{0,20}(?:キーボックス|金庫|引き出し)|"
    r"(?:受験者|応募者|対象者|本人|相手方|業者|外部|事業者)(?:に|には|にも)(?:は)?非公開|"
    r"(?:一次|二次|市長)?査定案|査定(?:中|途中)|"
    r"(?:に|には|にも)(?:まだ)?伏せて(?:いる|おく|いて|います)|"
    r"発令前|内示(?:が|を)(?:あり|受け|出)|"
    r"(?:合議|決定|確定|決裁|公表|議決)(?:は|が)(?:まだ|これから|未了)|"
    r"固まりつつ|素案段階|たたき台|(?:審議会|議会|委員会)に(?:も)?(?:まだ)?示して(?:い)?(?:ない|ません)|"
    r"(?:市長|部長|副市長)レク前|決裁が(?:まだ)?(?:下りて|おりて|出て)(?:い)?(?:ない|ません)|"
    r"(?:報告書|方針|結果)の(?:決定|確定|公表)前|"
    r"(?:先方|相手方|地元|本人|会社)(?:に|にも)(?:は)?(?:まだ)?(?:話して|伝えて|知らせて|説明して)"
    r"(?:い)?(?:ない|ません)|"
    r"まだ[^。\n]{0,12}(?:会議|庁議|決裁|審議会|協議)に(?:も)?(?:かけて|かかって|諮って|付議して|上げて)"
    r"(?:い)?(?:ない|ません)|決まりかけ|調整前の案|(?:本人|相手方|地権者)(?:に|にも)?(?:は)?打診前|"
    r"(?:譲渡|売却|買収|取得|賃貸|賃料)(?:価格|額)?の(?:上限|下限)|買収予定(?:区域|地|価格)|"
    # a tip-off or an investigation in progress (談合, 不正 …)
    r"(?:談合|不正(?:受給|請求|経理)?|横領|着服|不適正)(?:の疑い|があるとの|が疑われ)|"
    r"(?:情報提供|通報|告発)を受け[^。\n]{0,30}(?:調査中|確認中|事実確認)|"
    # weak points of security
    r"(?:防犯カメラ|監視カメラ|カメラ|センサー|警備)[^。\n]{0,10}死角|警備体制の(?:穴|弱点)|脆弱性(?:の内容|が残って)|"
    r"(?:未対策|未修正|未対応)のまま(?:運用|稼働|使用)|"
    r"脆弱性[^。\n]{0,40}(?:未対応|未修正|未適用|対応(?:でき|し)て(?:い)?(?:ない|ません)|"
    r"パッチ(?:提供|適用|配布)?(?:は|が)?(?:来月|来週|未|まだ))|"
    r"(?:まだ|未)対応[^。\n]{0,12}(?:項目|脆弱性)|認証なしで(?:アクセス|ログイン|閲覧)|多要素認証(?:なし|未設定|が無効)|"
    r"(?:OS|バージョン|ファームウェア|ファーム|パッチ)[^。\n]{0,16}未(?:更新|適用)|"
    r"(?<![\d.])(?:10|192\.168|172\.(?:1[6-9]|2\d|3[01]))(?:\.\d{1,3}){2,3}(?::\d{2,5}|/admin)|"
    r"(?:鍵|合鍵|マスターキー)(?:は|を)[^。\n]{0,16}(?<!別々)(?<!それぞれ)(?<!各自)(?:に保管|に置いて|に入れて)|"
    r"巡回(?:は|の時刻は)[^。\n]{0,16}\d{1,2}時|"
    # 裏の搬入口は無人になります: where a guarded building is left open
    r"(?:搬入口|通用口|裏口|非常口|出入口|入口|裏門)(?:は|が)[^。\n]{0,8}無人|"
    # 立入検査（来週、予告なし）: an inspection the inspected must not learn of
    r"(?:立入検査|立ち入り検査|立入調査|検査|監査|査察)[^。\n]{0,12}予告なし|予告なしの(?:立入|立ち入り|検査|監査|査察)|"
    r"(?:相手|先方|対象者|事業者|相手方)(?:に|には)(?:は)?(?:事前に)?予告(?:しません|しない|せず)|"
    # batch 34: secrets of the front line (fire, waterworks, zoo, hospital, tax, elections)
    r"(?:救急車|救急隊|消防車|ポンプ車|警備員|当直)[^。\n]{0,16}(?:不在|出払|手薄|[1一]台のみ|[1一]人のみ)|"
    r"(?:その間|この間|夜間|それ以外の時間)は[^。\n]{0,10}(?:予備車[^。\n]{0,4}のみ|無人|人がいません|人がいない)|"
    r"(?:予備鍵|合鍵|スペアキー|鍵)を[^。\n]{0,20}(?:に掛けて|に置いて|に隠して|の内側|の裏)|"
    r"(?:ダイヤル錠|暗証|解錠|キーボックス)の?番号を?[^。\n]{0,6}[「\"]?\d{3,8}|"
    # batch 38: a lock's code written in, and a system's weak points listed plainly
    r"暗証[:：\s]?\d{3,8}(?!\d)|"
    r"税務上の秘密|地方税法上の秘密|守秘義務の対象|守秘義務あり|配布制限(?:あり|付き|がある)|"
    r"(?:構成機関|構成員|参加機関)限り|"
    # 業者から任意で提出された見積内訳書: data a company handed over of its own accord (条例6条)
    r"任意(?:で|に)(?:提出|提供)(?:された|を受けた|いただいた)|任意提出(?:の|された)|"
    r"(?:PW|パスワード|暗証番号|パスコード)は[^。\n]{0,10}(?:未変更|変更して(?:い)?(?:ない|ません)|"
    r"使い回して(?:いる|います|る)|初期値のまま|初期設定のまま|共用|全員共通)|(?:管理者|admin|root)(?:の)?アカウント(?:は)?(?:共用|共有|全員で)|"
    r"USB(?:メモリ)?の?持(?:ち)?込み(?:制限)?(?:は)?(?:なし|無し|していない)|"
    r"(?:見回り|巡回)は[^。\n]{0,16}(?:だけ|のみ)|(?:カメラ|センサー|警報)[^。\n]{0,10}故障(?:中|して(?:いて|いる|おり))|"
    # 2/14の1時〜3時はバックアップ回線しかない: a window when a critical system is exposed
    r"(?:バックアップ|予備)(?:回線|系統?|機)(?:しか|のみ)|"
    r"鍵は[^。\n]{0,16}(?:だけ|のみ)(?:です|で|が持)|"
    r"(?:本人|相手方|先方|当事者|対象者)(?:に|には|にも)(?:まだ)?伝わって(?:い)?(?:ない|ません)|"
    r"(?:異動|人事|昇任|配置|後任)[^。\n]{0,20}ほぼ(?:固ま|決ま)|"
    r"(?:他の|ほかの|他社|他の病院|他の自治体|他の事業者|よそ)[^。\n]{0,8}(?:には|に)(?:は)?"
    r"(?:言わないで|話さないで|出さないで|教えないで|内緒)|"
    r"(?:タイヤロック|差押え?|捜索|臨戸)を?(?:一斉に)?(?:やる|行う|実施する|かける)(?:計画|予定)|"
    r"(?:出してもらった|提出された|預かった|もらった)(?:試算表|決算書|資金繰り表|財務諸表)|"
    # batch 36: hurried writing
    r"(?:課長|部長|係長|局長|室長|所長|上司)が[^。\n]{0,10}(?:移る|異動する|昇任する|外れる)(?:方向|予定|らしい|みたい)|"
    r"(?:係争中|訴訟|裁判)[^。\n]{0,30}(?:弱い(?:とこ|ところ|点)|弱点|不利な(?:点|とこ))|"
    r"(?:公開|公表)して(?:い)?ない(?:方|ほう)の|(?:市町村|関係機関|行政機関|自治体)限り|"
    r"(?:試験|選考)[^。\n]{0,6}(?:来週|来月|今度)(?:実施|行う)[^。\n]{0,12}(?:問題|出題)"
)
# Later wordings, kept out of _PROCESS (a branch starting with a common character slows every
# position of that long alternation). Batches 50-52: asked to keep quiet until the
# announcement, the city's own limit in a negotiation, a lock anyone can get through.
_PROCESS_MORE = fast_compile(
    r"(?:正式発表|公表|発表|記者発表|報道発表|プレスリリース|正式回答|正式決定|合意)(?:まで|までは)[^。\n]{0,16}"
    r"(?:出さない|伏せ|口外し|内密|内緒|言わない|漏らさ|他言|公表しない)|"
    r"まだ(?:外に|表に)?(?:出せない|言えない)(?:話|内容|情報|数字)|(?:まだ|これ)?内緒で(?:お願い|頼)|"
    r"内部(?:で)?検討中|内々示|内内示|公表の予定(?:は)?(?:なし|ない|ありません)|非公開(?:扱い)?を希望|"
    r"(?:反論|応訴|答弁)方針|一斉(?:捜索|差押え?|臨戸)の(?:実施日|日程|予定)|"
    r"(?:採用|昇任|昇格|選考)試験の[^。\n]{0,6}問題案|"
    r"(?:防犯カメラ|監視カメラ|カメラ)[^。\n]{0,30}死角|(?:見回り|巡回)が[^。\n]{0,12}(?:だけ|のみ)|"
    r"(?:フェンス|柵|門扉|扉|窓|シャッター)[^。\n]{0,8}(?:破れたまま|壊れたまま|開いたまま)|"
    r"鍵の保管場所[^。\n]{0,30}(?:に置いて|に掛けて|に隠して)|"
    r"(?:ファームウェア|ファーム|OS|パッチ)[^。\n]{0,12}(?:更新されて(?:い)?(?:ない|なくて|ません)|(?:年|月)前のまま)|"
    # batch 55: a patch not applied, a company's cost breakdown, results before they are sent,
    # an internal projection, an exam's theme before the exam, what published papers leave out
    r"パッチ(?:を|が)?(?:まだ)?(?:当てて|適用して|当たって)(?:い)?(?:ない|ません|なくて)|"
    r"(?:提出(?:された|を受けた)|出してもらった|もらった|預かった)見積(?:もり)?内訳|"
    r"(?:選定|審査|採点|選考)?結果(?:の)?通知(?:の)?前|内部(?:の|で(?:の)?)?試算|"
    r"(?:作文|論文|小論文|面接|出題する)(?:の)?(?:テーマ|課題|題)(?:は|が)[^。\n]{0,20}(?:に決ま(?:り|った)|に決定)|"
    r"(?:試験|テスト)[（(]本番用[）)]|(?:現在|まだ)係争中|本番用の(?:試験|テスト|問題)|非公式に[^。\n]{0,12}(?:から|より)[^。\n]{0,30}(?:聞い|伺っ|連絡|情報)|"
    r"公表(?:資料|文書)(?:には|に)(?:は)?(?:まだ)?(?:書いて|載せて|出して|記載して)(?:い)?(?:ない|ません)|"
    # batch 56, the front line: where the cash and the keys are kept, a raid planned, a fence
    # anyone can get through, a safe's code written out
    r"(?:釣銭|釣り銭|売上金|現金|集金袋|鍵|キー|合鍵|予備鍵|スペアキー)[^。\n]{0,30}(?:に|の中に)"
    r"(?:入れて|しまって|隠して|置いて|掛けて|かけて|ぶら下げて)(?:る|いる|います|ます|おく|あり)|"
    r"(?:鍵|キー|合鍵|予備鍵|スペアキー)は[^。\n]{0,20}の(?:中|裏|下|上)(?=[。、\n]|$)|"
    r"(?:釣銭|釣り銭|売上金|現金)は(?:閉館後|夜間|夜は|終業後|退庁時)[^。\n]{0,30}に(?:入れて|しまって|隠して|置いて)|"
    r"(?:捜索|差押え?|臨戸|立入(?:検査)?)(?:に)?入る(?:予定|日|のは)|侵入でき(?:る|ます)状態|"
    r"(?:金庫|キーボックス|ダイヤル錠|暗証番号)[^。\n]{0,30}番号は\s?\d{3,8}(?!\d)|"
    # batch 58, managers: the city's fallback position, talks kept from the press, data lent
    # for a consultation, an announcement a partner wants kept quiet, a report not yet made
    r"(?:妥協案|譲歩案|腹案|対案)を[^。\n]{0,16}(?:示す|提示する|出す)(?:つもり|予定|方針)|"
    r"(?:報道|マスコミ|外部|表)(?:には|に)(?:は)?(?:出さない|出せない)(?:前提|約束|条件|方針)|"
    r"(?:参考として|相談のため(?:に|の参考として)?|非公式に)(?:提供|提出)(?:された|いただいた|を受けた|してもらった)|"
    r"(?:意向|要望|希望|約束)(?:もあって|で|により|から)[^。\n]{0,6}伏せて|"
    r"(?:管理者|市長|副市長|部長|理事者|審議会|委員会|議会)への(?:説明|報告|提示|諮問)は(?:まだ|これから)|"
    r"諮問は(?:まだ|これから)|(?:部内|課内|庁内|内部|幹部(?:の間)?)(?:に|で)(?:とどめて|留めて|止めて)|"
    # batch 60: a test's questions before it is sat, a report not yet made, an audit request
    # being examined, a partner's discount kept from others, patrol hours, a known bug
    r"(?:来週|来月|明日|今度|\d{1,2}日に)(?:実施|行う|実施する)[^。\n]{0,30}(?:テスト|学力調査|検定|考査)"
    r"[^。\n]{0,16}(?:出題|課題|問題|設問)|"
    r"(?:県|国|議会|委員会|本人|相手方|先方)への報告(?:も|は)?(?:まだ|これから)|監査請求[^。\n]{0,20}調査中|"
    r"(?:前|中)で(?:まだ)?(?:公表|発表|公開)されて(?:い)?(?:ない|ません)|"
    r"(?:他院|他社|他市|他の[^。\n]{0,6})(?:には|に)(?:は)?(?:言わない|話さない|出さない|教えない)(?:という|って)?(?:約束|条件)|"
    r"巡回(?:時刻|時間)[（(:：は]?\s?\d{1,2}時|"
    # batch 63: places kept from looters and abusers (a rare orchid's site, a fish's stretch of
    # a channel, an emergency shelter's flat)
    r"(?:盗掘|乱獲|密猟|盗難)(?:防止|対策|を防ぐ)[^。\n]{0,16}(?:非公開|伏せ)|"
    r"(?:絶滅危惧|希少)[^。\n]{0,40}(?:区間|地点|付近|斜面)[^。\n]{0,10}(?:生息|自生|営巣)|"
    r"(?:シェルター|緊急避難(?:用)?の?(?:住宅|施設|アパート)|緊急避難用に[^。\n]{0,12}借り上げ)[^。\n]{0,20}(?:場所|所在地?|住所)|"
    r"(?:不具合|バグ|脆弱性|欠陥)[^。\n]{0,30}未(?:修正|対応|対策)|"
    r"腹積もり|腹積り|(?:こちら|こっち|当方|市側?)の(?:上限|上限額|下限|下限額|限度額|譲歩ライン)(?:は|として|\d)|"
    r"(?:だれ|誰)でも(?:自由に)?(?:入れる|出入りできる|侵入できる|開けられる)(?:状態|まま)|"
    r"(?:夜間|閉館後|休館日|夜)(?:は|に|も)?[^。\n]{0,8}(?:だれ|誰)でも(?:自由に)?(?:入れる|入れます|侵入でき)|"
    r"(?:錠|鍵|ロック|施錠)[^。\n]{0,6}(?:壊れたまま|壊れて(?:いて|おり|いる)|かからない|掛からない|かけられない)"
)
# Batches 65-67: deliberation behind closed doors, a draft before the heads decide, a figure
# before the other side sees it, an exam's questions before it is sat, a partner kept in the
# dark, figures given in confidence, notes in brackets on why a passage is withheld.
_PROCESS_LATER = fast_compile(
    r"非公開で(?:協議|審議|検討|議論|調整)(?:して|中|され|し)|"
    r"(?:部長会(?:議)?|庁議|幹部会議?|理事者|市長協議|政策会議|経営会議)(?:で|に)?"
    r"(?:決める|決定する|諮る|かける|協議)?前の(?:案|素案|原案|たたき台)|"
    r"(?:地権者|相手方|先方|業者|組合|事業者|住民|保護者)(?:に|へ)(?:提示|説明|通知|回答)する前の|"
    r"(?:地権者|地元|住民|関係者|関係団体)説明(?:会)?前|"
    r"出題(?:する|される)予定の|(?:試験|テスト)(?:実施)?前[・、]|厳秘|口外(?:禁止|厳禁)|"
    r"[（(](?:最終版|確定版|正式版)前[)）]|[（(](?:妥結|合意|決着)前[)）]|"
    r"(?:審査|選考|評価)中で[^。\n]{0,30}(?:提案価格|評価点|点数|順位|得点)|"
    r"非開示で(?:管理|扱|保管)|(?:業者|事業者|相手方|先方|他社|相手)(?:には|に)(?:は)?非開示|"
    r"協議中で(?:まだ)?(?:決定|決ま)(?:して|って)(?:い)?(?:ない|ません)|(?:協議|調整|検討)中[、,・]\s?未決定|"
    r"任意で(?:出して|提出して|提供して)(?:もらった|いただいた|頂いた|もらっている)[^。\n]{0,30}"
    r"(?:決算|原価|内訳|経営|財務|営業|売上|利益|計画)|"
    r"[（(][^()（）\n]{0,20}のため非公開[)）]|"
    r"委員会(?<![任別]委員会)で(?:まだ)?(?:審議|協議)(?:前|中の事案)|(?:調査|審査)委員会で(?:調査|審査)中|"
    # 庁内検討中 is a mark too, but inside （庁内検討中・候補地名は非公表） the bracket is read
    # whole, and a bracket saying what it leaves out is passed as published
    r"談合(?:の)?情報が(?:寄せられ|あり|入)|庁内(?:で)?検討中|非公開(?:審議)?資料|"
    # batch 68: raids and searches on a set day, who holds the keys, radio channels, where a
    # camera watches, figures lent on condition, a stake-out, a verdict not yet reached, a
    # complaint to the police being weighed, the mayor's route and guard, talks kept quiet
    r"(?:差押え?|捜索|臨戸|立入検査)を一斉に(?:執行|実施)|鍵を誰が(?:何本|持って)|"
    r"(?:周波数|チャンネル)(?:の)?割り?当て表?|無線の呼出名称|"
    r"(?:設置|配置)した(?:地点|場所|位置)の(?:座標|緯度|一覧)|カメラの向き|"
    r"参考に(?:だけ|のみ)(?:使って|使用して|利用して)(?:ほしい|ください|いただきたい)|"
    r"という条件で[^。\n]{0,6}(?:任意|提供|お借り)|張り込(?:んで|み)|"
    r"(?:調査|審査)委員会で(?:まだ)?[^。\n]{0,8}結論が出て(?:い)?(?:ない|ません)|"
    r"告発(?:に踏み切る|する)かどうか|"
    r"(?:市長|副市長|議長|要人)[^。\n]{0,24}(?:移動ルート|警備体制|随行の警備)|"
    r"(?:表明|発表|会見)(?:する)?まで(?:は)?[^。\n]{0,16}(?:漏らせない|言えない|解禁できない)|"
    r"(?:オープン|表|公)にして(?:い)?(?:ない|ません)|採点が終わり[^。\n]{0,20}(?:1位|首位|最高点)|"
    r"ダイヤル錠の番号[^。\n]{0,12}(?:一覧|リスト|表)|金庫の(?:暗証番号|番号|ダイヤル)[^。\n]{0,12}(?:回し方|開け方)|"
    # batch 70: a closed meeting's minutes, an exam set for next month, talks with the
    # prefecture, results not yet shown to staff, a consultation's notes, an audit's likely findings
    r"(?:委員会|会議|審査会|選定会)は非公開で(?:行|開催|実施)|(?:試験|テスト)[（(](?:来月|来週|\d{1,2}月)(?:に)?実施[)）]|"
    r"事前協議中|(?:職員|本人|対象者)(?:には|に)(?:まだ)?開示(?:前|していない)|[（(][^()（）\n]{0,8}者限り[)）]|"
    r"非公式に伝えられた|指摘を受けそうな|指摘されそうな"
)
# Credentials: a password or a PIN written out.
_CREDENTIAL = fast_compile(
    r"(?:パスワード|暗証番号|パスコード|パスキー|パス(?=[は:：])|PW|PIN|[Pp]assword|APIキー|"
    r"シークレットキー|テンキーの番号|キーボックスの番号|\blogin\b[^.\n]{0,30}\bis\b)"
    r"[\s:：は=が、]*(?:[^\s、。]{0,12}から\s?)?(?:[（(](?:現在|今は)?\s?)?"
    # the value itself: no hiragana (の一覧表を作るときのルールを2025年度版に is a sentence)
    r"(?=[^\s、。ぁ-ゖ]*[0-9A-Za-z])[^\s、。)）」ぁ-ゖ]{4,}"
)
# Bid and sale prices that are planned but not yet published.
_PRICE = fast_compile(
    r"(?:売却|買収|入札)?(?:予定価格|最低制限価格|最低売却価格|落札予定価格|調査基準価格)|"
    r"\b(?:floor price|minimum (?:acceptable )?bid|engineer's estimate|estimated price)\b"
)
# 事後公表 is not here: a price published after the tender is secret until then.
# Anywhere in the text: the tender is over or its prices were announced.
PUBLISHED_ANYWHERE = fast_compile(
    r"公表済|公告済|事前公表|開札済|入札結果|落札価格|落札結果|"
    r"(?:ホームページ|HP|ウェブサイト|サイト)(?:に|で)(?:掲載中|掲載して|掲載済|公開中|公開して|公表して)"
)
# In the price's own sentence only.
# (一覧にしてください is a format asked for, not a published list)
_PUBLISHED = fast_compile(r"公表され|公表して|公開済|公表する自治体|結果一覧|一覧(?:を|で|に)?(?:公表|公開)")


# The city's own position in a negotiation (用地買収, 企業誘致, 和解): its ceiling, its offer.
_NEGOTIATION_FIGURE = fast_compile(
    r"上限|下限|限度|上積み|提示(?:額|価格|する|予定)|譲歩(?:案|額)?|買収(?:単価|価格|額)|妥結(?:額|ライン)|"
    r"落としどころ|最終提示|限界|応じる方向|見積限度額"
)
# Words that state the city's own bottom line outright: no figure needed.
_BOTTOM_LINE = fast_compile(
    r"(?:\d+%|\d[\d,]*\s?(?:万|千|億)?円)?まで(?:は|なら)(?:譲れる|認める|応じる|受け入れる)(?:腹づもり)?|"
    r"譲歩(?:ライン|可|できる|の限度)|\b(?:our|internal|the city's) (?:floor|ceiling|bottom line|"
    r"walk-?away(?: price)?|upper limit|lower limit|maximum|minimum)\b|\b(?:Our|Internal) (?:floor|ceiling)\b|"
    r"腹づもり|手を打つ|内部の線|譲れる|落としどころ|妥結を図る|という線で臨|(?:当局|当方)側?の方針"
)
_NEGOTIATING = fast_compile(
    r"交渉|協議中|示談|和解|補償|見積(?:合わせ|限度額)|要求して|請求|落としどころ|[Nn]egotiat|\btalks\b|"
    r"\boffer\b|値下げ|値引き"
)
_DATE = fast_compile(r"\d{1,2}月\d{1,2}日|\d{1,2}/\d{1,2}|来週|来月|明日|明後日|今月中|今週")
_PASTED_BELOW = fast_compile(r"内訳|貼ります|貼り付け|以下|次のとおり|下記")
_WORKED_OUT = fast_compile(r"積算|算出|設定し|決定し|決め|固め|試算")
_AMOUNT_TEXT = (
    r"(?:\d[\d,]*\s?億\s?)?\d[\d,]*\s?(?:円|万円|千円)|\d[\d,]*\s?億円?|坪\d|\d+%|"
    r"\d[\d,.]*\s?(?:million|billion)?\s?yen"
)
_AMOUNT = fast_compile(_AMOUNT_TEXT)
# A planned price with its figure, or with the figure still being settled.
_AMOUNT_OR_PENDING = fast_compile(_AMOUNT_TEXT + "|調整中|検討中|未定")
# Deliberations not yet decided and inspections not yet announced: likely non-public, but
# as often a general question, so they ask for a confirmation (warn) rather than block.
_PENDING = fast_compile(
    r"(?:審議中|協議中|調整中)の[^。\n]{0,12}(?:案(?!内)|計画|方針)|"
    r"(?:抜き打ち|予告なし|無予告|事前(?:に)?(?:通告|通知)(?:は|を)?(?:し|せ)(?:ない|ず)|事前(?:通告|通知)なし)"
    r"[^。\n]{0,12}(?:検査|監査|調査|立入|実地指導|指導監査|査察)|"
    r"(?:検査|監査|立入)[^。\n]{0,20}(?:抜き打ち|事前(?:に)?(?:通告|通知)(?:は|を)?(?:し|せ)(?:ない|ず)|事前(?:通告|通知)なし)|"
    # a tender not yet announced or opened: secret when its figures are in the text
    r"公告前|開札前|"
    # まだ正式には決まってないけど: a rumour of a decision, perhaps not yet public
    r"まだ正式に(?:は)?(?:決まって|決定して|発表されて)(?:い)?(?:ない|ません)|"
    r"まだ正式な(?:依頼|決定|発表|要望)(?:では|じゃ)(?:ない|ありません)"
)


# One taxpayer's figures (第2号 個人の課税・滞納情報), even without a name.
_TAXPAYER = fast_compile(
    r"(?:滞納|差押|差し押さえ|総所得金額|課税所得|所得金額|扶養控除)[^。\n]{0,24}?\d[\d,]*\s?万?円|"
    r"\d[\d,]*\s?万?円(?:を|の)?滞納"
)
# One company's filed tax figures (第2号, 第3号): 法人市民税の申告データから…上位20社 with amounts.
_CORPORATE_FILING = fast_compile(
    r"(?:法人(?:市民)?税|法人税割|事業所税|償却資産|事業税)[^。\n]{0,16}(?:申告|課税)(?:データ|内容|書|額|台帳|情報)"
)
_PUBLIC_SALE = fast_compile(r"公売|公告済|公表済|統計|合計|全体")
_ONE_TAXPAYER = fast_compile(r"ある|方|者|事業主|世帯|個人")


def _with_amounts(norm: str, cue: re.Match[str], lo: int, hi: int, reason: str) -> list[Finding]:
    """The cue (上限, 予定価格, 腹づもり) and every amount in norm[lo:hi]: the figure is the
    secret, and masking the word alone would leave it readable."""
    spans = [(cue.start(), cue.end())] + [a.span() for a in _AMOUNT.finditer(norm, lo, hi)]
    return [Finding(Category.NON_PUBLIC, s, e, 0.8, reason) for s, e in spans]


def general_topic(norm: str, start: int, end: int) -> bool:
    """The sentence asks how such matters are handled in general, with no figure of its own."""
    lo, hi = sentence_bounds(norm, start, end)
    # …どう整理される？一般論で: a few words after the question say so too
    tail = hi
    if hi < len(norm) and norm[hi] in "?？":
        tail = sentence_bounds(norm, hi + 1, hi + 1)[1]
        if tail - hi > 8:
            tail = hi
    return bool(_GENERAL_TOPIC.search(norm, lo, tail)) and not _AMOUNT.search(norm, lo, hi)


def _own_case_warning(norm: str, start: int, end: int) -> list[Finding]:
    """A general question whose sentence says its own matter is at that stage: a warning."""
    if _OWN_CASE.search(sentence(norm, start, end)):
        return [Finding(Category.NON_PUBLIC, start, end, 0.4, "own_case_general_ask")]
    return []


def detect_non_public(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    marks = _MARK if "外秘" in norm else _MARK_WITHOUT_UNIT_SECRET
    drafting_rules = _DRAFTING_RULES.search(norm) is not None and not _AMOUNT.search(norm)
    for m in marks.finditer(norm) if not drafting_rules else ():
        start = m.start()
        if m.group() in ("秘密会", "非公開会議") and _GENERAL_ASK.search(sentence(norm, start, m.end())):
            continue  # 秘密会はどのような場合に開けるのか: the institution, not a session's content
        if general_topic(norm, start, m.end()):
            findings += _own_case_warning(norm, start, m.end())
            continue
        if "非公開" in m.group() and (
            norm[max(0, start - 3) : start].endswith(("公開・", "公開／", "公開/"))
            or _KIND_OF.match(norm, m.end()) or _EITHER.search(m.group())
            or (m.group().endswith("部分") and _SHOWN.match(norm, m.end()))
            or norm.startswith(("ことがあ", "場合があ", "ことができ"), m.end())
        ):
            continue  # 公開・非公開の別, 非公開部分の明示, 非公開とすることがあります: the concept
        if m.group().endswith("限り") and norm[start - 1 : start].strip():
            # 人事課限り: the unit's name belongs to the mark (found from 課限り backwards,
            # which is cheaper than trying every kanji as a start)
            while start > 0 and start > m.start() - 8 and "一" <= norm[start - 1] <= "龥":
                start -= 1
        if quoted_exactly(norm, start, m.end()) and norm[start - 1] != "[" and not (
            _SAID_AS.match(norm, m.end() + 1)
        ):
            continue  # 「取扱注意」の表示: a mention; [関係者外秘] is how a mark is written
        if m.group().endswith(("公表前", "発表前")) and norm.startswith("は", m.end()) and (
            PUBLISHED_TEXT.search(norm)
        ):
            continue  # 国が公表した概数…公表前は各紙が推計を報じていた: the time before, told after
        if m.group().startswith(("(", "（")) and _WITHHELD_FIELD.search(m.group()):
            continue  # （年代・性別は非公表）: published figures saying which details they leave out
        if m.group().startswith(("(", "（")) and _PUBLISHED_LATER.search(m.group()):
            continue  # 最低制限価格：設定あり（非公表、開札後に公表）: a notice saying when it is told
        findings.append(Finding(Category.NON_PUBLIC, start, m.end(), 0.9, "mark"))
    for m in chain(_PROCESS.finditer(norm), _PROCESS_MORE.finditer(norm), _PROCESS_LATER.finditer(norm)):
        if quoted_exactly(norm, m.start(), m.end()):
            continue
        if general_topic(norm, m.start(), m.end()):
            findings += _own_case_warning(norm, m.start(), m.end())
            continue
        word = m.group()
        if word.startswith("内示") and _AFTER_IT.match(norm, m.end()):
            continue  # 異動の内示が出たあと、引継ぎ書に書くこと: what follows any notice
        if word == "着眼点" and ("監査" not in norm or PUBLISHED_ANYWHERE.search(norm)):
            continue
        if word in ("公益通報", "内部通報") and not (
            re.search(r"通報者|受付記録|通報内容|内容:", norm) or _CASE_RECEIVED.search(norm)
        ):
            continue
        if word.startswith(("公益通報", "内部通報", "ハラスメント", "セクハラ", "パワハラ")) and (
            _SERVICE.match(norm, m.end()) and not _CASE_RECEIVED.search(norm)
        ):
            continue  # ハラスメント相談窓口の周知文: the service, not someone's case
        if word == "たたき台" and _ASK_TO_MAKE.match(norm, m.end()):
            continue  # Q&Aのたたき台を作って: a draft asked of the AI, not one of the city's
        findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.8, "undecided"))
    if _NEGOTIATING.search(norm) and not PUBLISHED_TEXT.search(norm):
        # (published listings state their terms: 改修補助の上限100万円 on a page already public)
        for m in _BOTTOM_LINE.finditer(norm):
            findings += _with_amounts(norm, m, *sentence_bounds(norm, m.start(), m.end()),
                                      "negotiation")
        for m in _NEGOTIATION_FIGURE.finditer(norm):
            lo, hi = sentence_bounds(norm, m.start(), m.end())
            if _AMOUNT.search(norm, lo, hi):
                findings += _with_amounts(norm, m, lo, hi, "negotiation")
    for m in _PENDING.finditer(norm):
        if "議会" in sentence(norm, m.start(), m.end()) or general_topic(norm, m.start(), m.end()):
            continue  # a bill before the council is deliberated in public
        # with a date it is a plan, not a general question: an unannounced inspection on 10月15日
        dated = _DATE.search(sentence(norm, m.start(), m.end())) or (
            m.group() in ("公告前", "開札前") and (_AMOUNT.search(norm) or _PRICE.search(norm))
        )
        findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.8 if dated else 0.45,
                                "pending"))
    for m in _TAXPAYER.finditer(norm):
        around = sentence(norm, m.start(), m.end())
        if _ONE_TAXPAYER.search(around) and not _PUBLIC_SALE.search(around):
            findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.8, "taxpayer"))
    for m in _CORPORATE_FILING.finditer(norm):
        if _AMOUNT.search(norm, m.end()) and not _PUBLIC_SALE.search(sentence(norm, m.start(), m.end())):
            findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.8, "taxpayer"))
    for m in _CREDENTIAL.finditer(norm):
        findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.9, "credential"))
    for m in _CREDENTIAL_LIST.finditer(norm):
        if _CODE_VALUE.search(norm, m.end(), m.end() + 300):
            findings.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.9, "credential"))
    published = PUBLISHED_ANYWHERE.search(norm)
    for m in _PRICE.finditer(norm):
        if published:
            continue  # 入札結果, 開札済み, 公表済み: the prices were made public
        if general_topic(norm, m.start(), m.end()):
            continue  # （…入札の予定価格、人事情報など）は入力しない: a list of what not to type in
        lo, hi = sentence_bounds(norm, m.start(), m.end())
        if _PUBLISHED.search(norm, lo, hi):
            continue
        if _WORKED_OUT.search(norm, lo, hi) and hi < len(norm):
            # 予定価格を積算しました。年額1億8,650万円です。: the figure follows; 積算内訳を貼ります
            # with the lines below it: the paragraph that follows
            hi = sentence_bounds(norm, hi + 1, hi + 1)[1]
            if _PASTED_BELOW.search(norm, lo, hi):
                paragraph_end = norm.find("\n\n", hi)
                hi = min(len(norm), hi + 400) if paragraph_end < 0 else min(paragraph_end, hi + 400)
        if _AMOUNT_OR_PENDING.search(norm, lo, hi):
            findings += _with_amounts(norm, m, lo, hi, "planned_price")
    # 予定価格（…1億2,340万円）と最低制限価格: both cues claim the same amount once each
    return list(dict.fromkeys(findings))
