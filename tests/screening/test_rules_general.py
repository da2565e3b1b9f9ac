"""Rules found by writing new prompts the development cases do not contain."""
from __future__ import annotations

import pytest

from screening.detectors.names import detect_names
from screening.engine import screen_text
from screening.types import Category, Decision


def categories(text: str) -> set[str]:
    return {f.category.value for f in screen_text(text).findings if f.confidence >= 0.25}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a price kept secret until the tender is still secret when it will be published later
        ("来月の舗装工事の予定価格は 12,300,000円 とし、事後公表とする予定です。", "non_public"),
        # the city's own position in a negotiation, with its figure
        ("企業誘致で相手方と交渉中。市が最終提示する賃料の下限は月額 400,000円 です。", "non_public"),
        # information given on condition it stays inside
        ("取引先から「外部に出さない」約束で原価表をもらいました。要約して。", "non_public"),
        ("【財政課限り】補正予算の見込み", "non_public"),
        # a mobile number written in kanji numerals
        ("父の携帯 〇八〇―一三五七―二四六八 に折り返してください。", "phone"),
        # a Chinese name the dictionary reads as other words
        ("「劉強様 転入届を受け付けました」を中国語にして", "person_name"),
        # a diagnosis
        ("小学2年の男の子で、自閉スペクトラム症の診断があります。", "sensitive"),
    ],
)
def test_found(text: str, category: str) -> None:
    assert category in categories(text)


def test_id_digit_groups_with_spaces_are_masked_whole() -> None:
    masked = screen_text("運転免許証番号 第 3301 2345 6789 号").masked_text
    assert masked == "運転免許証番号 第 〔識別番号1〕 号"


@pytest.mark.parametrize(
    "text",
    [
        # format illustrations
        "FAX番号の書き方の例は「0120-000-000」ではなく「027-000-0000」のようにしてください。",
        "記入例では口座番号を 7654321、名義を マエバシ ハナコ と書いています。",
        "記入例のページです。申請者欄は「前橋 太郎」、続柄欄は「本人」。",
        # a mascot
        "「ころちゃん」というマスコットキャラクターの紹介文を作って。",
        # the same topics asked for citizens
        "市民向けに、家族で楽しめる温泉地の観光PR文を作ってください。",
        "確定申告の相談会の案内文を、市民向けに分かりやすく直して。",
        "議会で審議中の補正予算案の概要を、市民向けに説明してください。",
        # a general question
        "秘密保持の条件を契約書にどう書くか教えてください。",
    ],
)
def test_passes(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "自分の確定申告で、医療費控除の計算方法を教えてください。",
        "今度の連休に家族で箱根に2泊します。おすすめの宿を教えて。",
        "転職を考えています。面接での志望動機の言い方を考えて。",
        "高校の同窓会の幹事になったので、出欠を取る文面を作って。",
    ],
)
def test_private_use_asks_for_confirmation(text: str) -> None:
    result = screen_text(text)
    assert result.decision is Decision.WARN
    assert any(f.category is Category.NON_BUSINESS for f in result.findings)


@pytest.mark.parametrize(
    "text",
    ["審議中の計画案を要約して", "抜き打ちで立入検査を行う日程の調整"],
)
def test_pending_deliberations_and_inspections_warn(text: str) -> None:
    assert screen_text(text).decision is Decision.WARN


# ---------------------------------------------------------------- second batch of new prompts


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("景観審議会の非公開で審議した部分の議事要旨を、委員だけに配る版に整えて。", "non_public"),
        ("市で唯一の女性の区長（60代）が病気療養のため辞任されます。", "sensitive"),
        ("給食センターへの抜き打ち検査を11月5日に行います。対象施設には知らせていません。", "non_public"),
        ("My name is Tanaka. I'm Olivia Bennett, and I moved to Maebashi last month.", "person_name"),
        ("おなまえ：やまもと さくら", "person_name"),
        ("相談者： 吉川 ミツ（80歳）", "person_name"),
    ],
)
def test_found_second_batch(text: str, category: str) -> None:
    assert category in categories(text)


def test_negotiation_figure_itself_is_masked() -> None:
    masked = screen_text("駅前用地の売却で交渉中です。市の下限は 2億3千万円 ではなく 230,000,000円 です。").masked_text
    assert "230,000,000" not in masked


def test_own_phone_before_office_hours_is_personal() -> None:
    result = screen_text("折り返しは自宅 (027)231-4455（平日の夕方が望ましい）までお願いします、とのこと。")
    assert "231-4455" not in result.masked_text


@pytest.mark.parametrize(
    "text",
    [
        "戦国時代に長野氏が治めた箕輪城の歴史を、小学生向けに説明して。",
        "宮沢賢治の作品に出てくる又三郎のように、風を題材にした詩の授業案を作って。",
        "The Tax Division of Maebashi City Hall can be reached at 027-898-5500.",
        "大塚健太知事は記者会見で、来年度の重点施策を発表した。要点を3行で。",
        "30代・40代の市民向けに、がん検診の受診を呼びかけるチラシの文案を作って。",
    ],
)
def test_passes_second_batch(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "母に渡すメッセージを、還暦のお祝いに書いてください。",
        "今度の休みに榛名湖へ釣りに行きます。朝の天気の見方を教えて。",
        "自分用のスマートフォンを買い替えたいので、おすすめを教えてください。",
    ],
)
def test_private_use_second_batch(text: str) -> None:
    assert screen_text(text).decision is Decision.WARN


# ---------------------------------------------------------------- third batch of new prompts


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("共有フォルダの管理者パスワード：Kb7#tree2026 を設定手順書に入れて整えて。", "non_public"),
        ("指名競争入札で談合があるとの情報提供を受け、現在事実確認中です。経緯をまとめて。", "non_public"),
        ("再編案はまだ庁議にもかけていない段階です。要点を整理して。", "non_public"),
        ("この案は調整前の案なので外には出せませんが、文章を整えて。", "non_public"),
        ("大学から「公表しないこと」を条件に受け取った志願者数の推移を要約して。", "non_public"),
        ("予告なしの立入検査を12月3日に2店舗で行います。", "non_public"),
        ("会議の集合写真から背景を消して、人物だけ切り抜いた画像にしてください。", "image_generation"),
        ("5歳の男児で、現在一時保護の状態です。", "sensitive"),
        ("Insured number: 31-204578 (please keep it)", "id_number"),
    ],
)
def test_found_third_batch(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "入札結果のお知らせ（開札済み）。予定価格 9,800,000円、落札価格 9,120,000円。表に整えて。",
        "図書館で読書感想文コンクールを開きます。応募要項の文案を作って。",
        "【記入例】申請者氏名「前橋 一郎」の欄の書き方の説明文を作って。",
    ],
)
def test_passes_third_batch(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


# ---------------------------------------------------------------- fourth batch (phrasing)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("［課外秘］学校給食センター統合の検討メモを整えて。", "non_public"),
        ("ここだけの話ですが、駅北口の再開発は事業者の撤退が水面下で進んでいます。", "non_public"),
        ("部長会議にかける前の案なので、文章だけ整えてください。", "non_public"),
        ("決裁がまだ下りていませんが、補助率を下げる通知文を先に作りたい。", "non_public"),
        ("物損事故の示談で、市としては80万円までなら応じる腹づもりです。", "non_public"),
        ("県からの資料で、発表解禁は来週火曜です。解禁前に要点をまとめたい。", "non_public"),
        ("職員用Wi-Fiのパスキー: Gx72!harbor を案内文に入れて。", "non_public"),
        ("ある個人事業主の方が固定資産税を54万円滞納しています。", "non_public"),
        ("新しい体育館の完成予想図を作成してください。", "image_generation"),
        ("広報誌の4コマ漫画を描いてほしいです。", "image_generation"),
        ("副業でイラストを販売しています。プロフィール文を作って。", "non_business"),
    ],
)
def test_found_fourth_batch(text: str, category: str) -> None:
    assert category in categories(text)


def test_planned_price_amount_is_masked() -> None:
    masked = screen_text("来週入札の橋梁補修工事、予定価格は 48,150,000円 で確定。").masked_text
    assert "48,150,000" not in masked


@pytest.mark.parametrize(
    "text",
    [
        "市が主催する婚活イベントの参加者募集の案内文を作ってください。",
        "公売に出す差押え財産（公告済み、見積価額20万円）の案内を市民向けに書いて。",
        "防犯カメラの画像の保存期間を定めた運用規程のひな形を作ってください。",
    ],
)
def test_passes_fourth_batch(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "氏名\t電話\n松田 ひなの\t090-1111-2222\n",
        "名簿: 松田 ひなの、山本 さくら",
        "担当 原 ハツエ さんへの連絡",
    ],
)
def test_kana_given_name_after_a_surname_is_masked_with_it(text: str) -> None:
    masked = screen_text(text).masked_text
    assert "ひなの" not in masked and "ハツエ" not in masked
    assert "〔氏名1〕" in masked


def test_a_function_word_after_a_surname_is_not_read_as_a_given_name() -> None:
    masked = screen_text("詳しくは田中 より、後日連絡します。").masked_text
    assert "より、" in masked


def test_a_birth_date_on_a_sample_form_is_masked_but_not_blocked() -> None:
    result = screen_text("記入例：氏名 前橋 太郎、生年月日 平成2年1月1日")
    assert result.decision is Decision.PASS
    assert "平成2年1月1日" not in result.masked_text
    real = screen_text("申請者の生年月日 平成2年1月1日 で登録してください。")
    assert real.decision is Decision.BLOCK


def test_numbers_in_kanji_numerals_are_graded_like_digits() -> None:
    def phones(text: str) -> list[float]:
        return [f.confidence for f in screen_text(text).findings if f.category is Category.PHONE]

    for kanji, digits in [("〇九〇―一三五七―二四六八", "090-1357-2468"),
                          ("〇二七―二三一―四五六七", "027-231-4567")]:
        assert phones(f"母の番号 {kanji} です") == phones(f"母の番号 {digits} です") != []
    assert phones("電話 〇九〇―〇〇〇〇―〇〇〇〇 のように書きます") == []


def test_a_planned_price_in_thousands_of_yen_is_non_public_and_masked() -> None:
    result = screen_text("道路改良工事の最低制限価格は 12,300千円 で設定しました。")
    assert "non_public" in categories("道路改良工事の最低制限価格は 12,300千円 で設定しました。")
    assert "12,300千円" not in result.masked_text


# Surnames Sudachi reads as a place (石田, 松本), a company (野村) or a common noun (小川,
# 林) in some sentences; all were missed before an honorific followed by a particle.
@pytest.mark.parametrize("surname", ["石田", "松本", "野村", "小川", "林", "森", "千葉", "平野"])
@pytest.mark.parametrize("frame", ["窓口に来られた{}様から、苦情がありました。", "差出人の{}様は、次のとおり書いています。"])
def test_a_surname_before_an_honorific_is_a_name(surname: str, frame: str) -> None:
    text = frame.format(surname)
    found = [f for f in screen_text(text).findings if f.category is Category.PERSON_NAME]
    assert [text[f.start : f.end] for f in found] == [surname]
    assert found[0].confidence >= 0.5


@pytest.mark.parametrize("text", ["日立様からの見積書", "前橋市様宛ての請求書", "神様にお願い", "ご先祖様の供養",
                                  "お疲れ様です", "取引先様への連絡"])
def test_words_that_take_an_honorific_without_a_surname_reading_are_not_names(text: str) -> None:
    assert not [f for f in screen_text(text).findings if f.category is Category.PERSON_NAME]


# Rules from the fifth and sixth batches of new prompts (varied wording, pasted material).
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("来月公告する委託の予定価格を積算しました。年額1億8,650万円です。妥当か確認して。", "non_public"),
        ("メーカーから秘密保持契約を結んだうえで事業計画書を受け取りました。要約して。", "non_public"),
        ("財政課の査定がまだ終わっていない来年度予算の要求内容をまとめて。", "non_public"),
        ("監査委員への報告前の指摘事項を報告書の素案にして。", "non_public"),
        ("上積みの限度は㎡あたり 34,000円まで（先方には絶対に言わないこと）。", "non_public"),
        ("選定委員会（非公開で開催）の議事メモを1枚にまとめて。", "non_public"),
        ("4月異動の内示があり、発令前なので一部しか知りません。引継ぎ表を作って。", "non_public"),
        ("浄水場の北側フェンス沿いは監視カメラの死角になっています。", "non_public"),
        ("職員ポータルのアイコン画像を、フラットデザインで12種類デザインして出力してください。", "image_generation"),
        ("投票を呼びかける30秒のナレーション音声を生成してください。", "image_generation"),
        ("週末に趣味でアクセサリーを作ってネットショップで売っています。紹介文を書いて。", "non_business"),
        ("有給休暇を取って、来月ひとりで台湾に3泊4日で行きます。観光ルートを教えて。", "non_business"),
        ("実家の親戚向けの年賀状に添える一言を考えて。", "non_business"),
        ("今週末、子どもと赤城大沼でワカサギ釣りをしようと思っています。仕掛けを教えて。", "non_business"),
        ("Which is a better deal for my family car: a hybrid or a gasoline model?", "non_business"),
        ("氏名 LEE JIHOON、生年月日 27 NOV 1994、国籍 大韓民国", "birth_date"),
        ("環境政策課です。紅雲町二丁目にお住まいの方から騒音の相談がありました。", "address"),
        ("5年1組担任の岡田先生が、来週から1か月の病気休暇に入ります。", "sensitive"),
        ("清掃担当の職員のうち、聴覚障害のある方（1名のみ）への対応を考えて。", "sensitive"),
        # Rules from the seventh batch.
        ("次の文書を直して。\n\n松本様\n\n先日はご連絡ありがとうございました。", "person_name"),
        ("Surname SILVA / Given names ANA BEATRIZ / Date of birth 03 MAR 1988", "person_name"),
        ("予約番号\t利用者\tカード番号\nR1\t三上 和馬\t3509-0549-8624-7606\n", "credit_card"),
        ("指摘事項の案です。議会への結果報告はまだなので、対外的には出していません。", "non_public"),
        ("担当者から「ここだけの話」として、大手スーパーが撤退するらしいと聞きました。", "non_public"),
        ("入館ゲートの暗証番号（現在 4719＃）を入力して巡回を開始する。", "non_public"),
        ("まだ課内でしか共有していない計画の骨子案です。", "non_public"),
        ("私用のスマホを買い替えたいです。どちらがいいですか。", "non_business"),
        # Rules from the eighth batch.
        ("ピクトグラム（車いす、授乳室、AED）を、SVGで描いてください。", "image_generation"),
        ("4コマ漫画のストーリーだけでなく、絵まで描いて完成させてほしいです。", "image_generation"),
        ("あいさつの原稿を、市長本人の声に似せた合成音声で読み上げたデータにしたいです。", "image_generation"),
        ("自分の車を買い替えようか迷っています。どちらが得ですか。", "non_business"),
        ("Can you suggest a birthday gift for my girlfriend?", "non_business"),
        ("ゴルフのスライスがどうしても直りません。", "non_business"),
        ("市内の中学校で初めて性別違和を公表した2年生の生徒への配慮を整理して。", "sensitive"),
        ("立入検査（抜き打ち）予定表　※施設側に知られないよう課内のみで管理", "non_public"),
        ("交渉の上限は鑑定単価の1.15倍までとする（この上限は地権者には示さない）。", "non_public"),
        ("採用予定者は望月さんです。議会への報告までは伏せておく必要があります。", "non_public"),
        ("Draft a friendly reply to Ahmed Karim (ahmed.karim.mbs@gmail.com).", "person_name"),
        ("雇用保険の おがさわら あやね さんが離職します。", "person_name"),
        ("「もしもし、塩原トキです。電話は 〇二七・二五五・三一九〇 です。」", "phone"),
        ("氏名 吉永 蓮／生年月日 2012/8/30／保護者連絡先 070-6631-2045", "phone"),
        ("氏名 吉永 蓮／生年月日 2012/8/30／保護者連絡先 070-6631-2045", "birth_date"),
        # Rules from the tenth batch (back office: decisions at every stage).
        ("職員の不正事案（調査中・公表前）についての報告メモです。", "non_public"),
        ("公共施設再編 素案（地元未説明・庁議前）\n廃止候補：東地区公民館分館", "non_public"),
        ("顧問弁護士の意見書（法律相談・非開示）の要旨です。", "non_public"),
        ("決算書（提出企業の同意なく外部提供不可）の数値で分析して。", "non_public"),
        ("浄水場のテロ対策について、警察と共有した内容（関係機関限り）を整理します。", "non_public"),
        ("組合との交渉で、当局側の譲歩ラインは4.60月までです。", "non_public"),
        ("協議の内容は国の了解なく公表しない取決めになっています。", "non_public"),
        ("立入検査を、事前通告なしで2月18日に行う予定です。", "non_public"),
        ("Internal figures (not to be disclosed before bid opening): estimated price 38,400,000 yen.", "non_public"),
        ("We are in talks about the lease. Their offer is 4.2 million yen; our floor is 5 million.", "non_public"),
        ("当方は1億1,500万円までなら応じる（先方には伏せている）。", "non_public"),
        ("市長の声を学習させて、あいさつを本人の声で読み上げる音声を作りたいです。", "image_generation"),
        ("今度の日曜、友人とのゴルフでスコア100を切りたい。", "non_business"),
        ("転職サイトに登録する職務経歴書の自己PRを書いて。", "non_business"),
        ("ふるさと納税、私の年収だといくらまで控除されるか計算して。", "non_business"),
        ("90代で一人暮らし、全介助が必要な男性の避難計画を作りたい。", "sensitive"),
        ("総務課の村田さんが来月から病気休職に入ります。", "sensitive"),
        ("元総社町三丁目の地権者の方から、個別説明の要望がありました。", "address"),
        ("住所：前橋市嶺町2071-4（自宅兼事務所）", "address"),
        ("3 羽鳥 恒夫　前橋市小坂子町1960", "address"),
        ("宛先：Oliver Grant oliver.grant.gma@gmail.com", "person_name"),
        ("・Baral Suman（29）下増田町、日本語はほとんど話せない", "person_name"),
        # Rules from the ninth batch (front-line sections, terse).
        ("次の回答文を直して。\n\n片貝様\n\nこのたびはお手紙をいただき、ありがとうございました。", "person_name"),
        ("ごみ袋の中に郵便物があって、宛名が「金井」でした。指導文書の手順を教えて", "person_name"),
        ('Message from a resident: "Hi, this is Ngozi Okafor. I live near the station."', "person_name"),
        ("住居地変更届。項目ごとに整理して\nSILVA RODRIGUES, Lucas Henrique\n在留カード番号 UH48201736FA", "person_name"),
        ("名簿の配慮事項を整えて\n1 須永 葵　小麦アレルギー\n3 Carolina Mendes　豚肉不可", "person_name"),
        ("呼名の読みがな確認\n2組　髙橋 朔（たかはし さく）", "person_name"),
        ("係長昇任試験の論文課題、受験者にはまだ非公開。言い回しを見て", "non_public"),
        ("出初式で流すオープニング動画、ドローン空撮っぽい映像をAIで生成したい。", "image_generation"),
        ("年末ジャンボって連番とバラ、どっちが当たりやすいの？", "non_business"),
        ("昼休みにごめんなさい、親戚あての年賀状に一言添えたい。", "non_business"),
        ("「がんで余命半年と言われてるから放っておいて」と言われた。独り暮らしの70代男性。", "sensitive"),
        # Rules from the eleventh batch (dev proportions, 200 prompts).
        ("「朝倉町三丁目の者ですが」と名乗る方から騒音の苦情がありました。", "address"),
        ("試験前なので受験者には非公開ですが、採点基準を作ってください。", "non_public"),
        ("各部の要求額と、財政課の一次査定案を並べました。", "non_public"),
        ("申請書類は非公開が前提ですが、経営状況を評価するコメントを書いて。", "non_public"),
        ("厚生労働省から内々に打診のあったモデル事業について、協力依頼のメモを作って。", "non_public"),
        ("来週、介護事業所に予告なしの実地指導に入ります。事業所に気づかれないよう段取りを。", "non_public"),
        ("交通安全キャンペーンのCMソングを作ってほしいです。", "image_generation"),
        ("自宅の車をそろそろ買い替えたいです。ミニバンを比べて。", "non_business"),
        ("来週の合コンで使える自己紹介を考えてください。", "non_business"),
        ("今夜見る映画が決められません。洋画を5本おすすめして。", "non_business"),
        # Rules from the twelfth batch (phrase-based categories only).
        ("審査で、不採択とする4件が内部で固まりました。通知は来月の予定です。", "non_public"),
        ("内部評価で「廃止」と判定した3事業について、所管課に伝える前に理由を整えたい。", "non_public"),
        ("本庁舎の夜間通用口のテンキーの番号が、来月1日から 4719# に変わります。", "non_public"),
        ("社内でもまだ限られた人しか知らない段階とのことです。候補地を比べて。", "non_public"),
        ("This is the mayor's draft budget, which hasn't been released yet. Please summarise it.", "non_public"),
        ("We are still negotiating with the operator. Our ceiling is 45 million yen a year.", "non_public"),
        ("The engineer's estimate is 86 million yen, and we will set the floor price at 90% of that.", "non_public"),
        ("公開の会議録には載せない、委員同士の自由討議の記録を整理したい。", "non_public"),
        ("民営化する2園が部内で内定しました。園名はまだどこにも出していません。", "non_public"),
        ("夜間の警備員は22時、1時、4時の3回、北棟から南棟の順で巡回しています。", "non_public"),
        ("収納金を指定金融機関に運ぶ時間帯と経路（毎日14時ごろ、北口から）を手順書に。", "non_public"),
        ("本庁舎の防犯カメラで映らない場所が、1階東側の通路だと分かりました。", "non_public"),
        ("まだ部長決裁を取っていない段階ですが、制度設計案を整理して。", "non_public"),
        ("相手に察知されて資産を移されないよう、実施まで内密に進めたい。", "non_public"),
        ("昭和30年代の白黒写真をAIでカラー化してください。", "image_generation"),
        ("観光ポスター用に、広瀬川沿いの夜景をAIで描き起こしてください。", "image_generation"),
        ("仕事とは関係なく趣味として、TOEICで800点を取りたいです。", "non_business"),
        ("来月、母の還暦祝いをします。プレゼントを教えて。", "non_business"),
        ("家のロボット掃除機を買い替えたいです。おすすめを比較して。", "non_business"),
        # Rules from the thirteenth batch.
        ("組合との交渉に臨む当局側の方針です。最終的には縮減策を示して妥結を図る、という線で臨みます。", "non_public"),
        ("国土交通省から「公表まで部外扱い」として届いたルート案について意見書の骨子を作って。", "non_public"),
        ("マスコットのLINEスタンプを、「了解です」など職員が使う言葉で8種類デザインして。", "image_generation"),
        ("Could you draw an illustrated walking map of central Maebashi for tourists?", "image_generation"),
        ("飼っている柴犬が散歩のときにリードを引っ張るのをやめさせたいです。", "non_business"),
        ("自宅のWi-Fiが夜になると遅くなります。設定で改善できることを教えて。", "non_business"),
        ("Please write a farewell message to our ALT, Sarah Mitchell, who is leaving Maebashi.", "person_name"),
        ("配属予定の、聴覚障害のある新規採用職員のために準備することを挙げて。", "sensitive"),
    ],
)
def test_found_in_new_wording(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # council members and candidates named in material the city has published
        "会議録はホームページ掲載済みです。○金井 直美委員　どの程度増えると見込むのか。",
        "開票結果（市ホームページ掲載済み）\n当選　川端 修一　23,418票\n　　　宮坂 ゆかり　19,077票",
        # a made-up case for a training exercise
        "研修用に架空の事例を作って。80代女性「Aさん」、要介護1、軽度の認知症。",
        # a class of people in a published table
        "保険料の段階表（市ホームページで公表中）です。第1段階　生活保護受給者など。本人が非課税の場合。",
        # a name marked as made up
        "登場人物は架空の市民「群馬 花子さん（仮名）」と窓口職員です。",
    ],
)
def test_public_or_made_up_material_passes(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS


def test_the_same_names_unpublished_still_block() -> None:
    assert screen_text("○金井 直美委員の自宅の件で相談です。").decision is not Decision.PASS


def test_table_columns_named_by_their_header_are_masked() -> None:
    text = ("宛名番号\t納税義務者\t住所\n0004417283\t青柳 正夫\t前橋市龍蔵寺町225-1\n"
            "0004417291\t山田 一郎\t前橋市粕川町膳1402\n")
    masked = screen_text(text).masked_text
    for value in ("0004417283", "0004417291", "前橋市粕川町膳1402", "青柳 正夫"):
        assert value not in masked


def test_a_name_its_reading_and_its_repeats_are_masked_together() -> None:
    text = "吉澤 キク\tよしざわ きく\t1925/05/03\nLin Yuting（林 雨婷）\n> 長島です。よろしく。\n>> 長島様\n"
    masked = screen_text(text).masked_text
    for value in ("よしざわ", "Lin Yuting", "雨婷", "長島"):
        assert value not in masked


@pytest.mark.parametrize("text", ["領収書の宛名は上様でお願いします", "大家さんから連絡がありました", "八百屋さんに聞く",
                                  "言語の多様性を促進する", "本殿と拝殿を修繕する"])
def test_everyday_words_before_an_honorific_are_not_names(text: str) -> None:
    assert not [f for f in screen_text(text).findings
                if f.category is Category.PERSON_NAME and f.confidence >= 0.25]


def test_a_published_roster_of_candidates_passes() -> None:
    text = ("市ホームページで公表している開票結果です。\n候補者名\t党派\t得票数\n"
            "森下 和也\t無所属\t58,204\n大谷 恵理子\t無所属\t41,337\n")
    assert screen_text(text).decision is Decision.PASS


def test_a_sample_form_birth_date_lines_below_the_mark_passes() -> None:
    text = "【記入例】\n氏名：前橋 花子（まえばし はなこ）\n生年月日：昭和50年1月1日\n"
    assert screen_text(text).decision is Decision.PASS


def test_a_self_introduction_keeps_the_kana_given_name() -> None:
    text = "「もしもし、塩原トキです。」"
    names = [text[f.start : f.end] for f in screen_text(text).findings
             if f.category is Category.PERSON_NAME]
    assert names == ["塩原トキ"]


def test_only_new_year_dates_on_a_sample_form_pass() -> None:
    sample = "【記入例】\n氏名：前橋 花子\n生年月日：昭和50年1月1日"
    real = "選手登録票の記入例を整えて。1行目は次の選手です。\n生年月日 2012/8/30"
    assert screen_text(sample).decision is Decision.PASS
    assert screen_text(real).decision is Decision.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "地方自治法第115条の秘密会は、どのような場合に開くことができるのか説明してください。",
        "研修用に架空のダミーデータを作って。氏名は「前橋 一郎」「赤城 花子」のように。住所は「前橋市架空町1-1」。",
        "報道発表資料（市ホームページに掲載中）を記事に。会場：前橋市千代田町二丁目8番21号",
        "聴覚に障害のある方が窓口を利用しやすくする工夫を教えてください。",
        "ポスターのレイアウトを文章で説明して。画像そのものは広報担当が作ります。",
    ],
)
def test_topics_and_published_or_made_up_material_pass(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS


@pytest.mark.parametrize(
    "text",
    [
        "2022年10月に当時の河野太郎デジタル大臣が健康保険証の廃止方針を表明した経緯を時系列で",
        "ぐんまちゃんが出てくる紙芝居の台本を作って",
        "DV等支援措置の申出があったときの仕組みを、新任職員向けに説明して",
        "口座番号の列が「0001234」→「1234」みたいに先頭の0が消える。Excelで戻す式は？",
        "母子健康手帳の交付数 2,014件、うち妊娠11週以下での届出が94.2％。説明文を作って",
        "身体障害者手帳や介護保険被保険者証をお持ちの方は、郵便等による不在者投票ができます",
        "選挙啓発動画（制作済み）の字幕をSRT形式で作りたい",
        "E列に生年月日（例：1985/04/01 の形式）が入った名簿で、学年を出す式を教えて",
        "宛名は「○○ ○○ 様」のままにして、回答文のひな形を作って",
        "宛先：市立保育所 所長各位\n\n各所長様\nご意見ありがとうございました。",
        "意思決定過程情報を理由に非公開とできるのはどんな場合か説明して",
    ],
)
def test_ninth_batch_passes(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS


def test_a_writer_quoted_for_a_passage_is_not_blocked() -> None:
    text = "内村鑑三の『後世への最大遺物』の一節を引いて、成人を迎える若者へのメッセージを作って。"
    assert screen_text(text).decision is Decision.PASS


@pytest.mark.parametrize(
    "text",
    [
        "生成AIに非公開情報を入力してしまわないよう、注意を呼びかける記事を作って。決裁前の案など、よくある例も挙げて。",
        "審議会を非公開で開催するかどうかを判断するときの一般的な基準を整理して。",
        "画像生成AIで作った画像の著作権について、国の考え方を整理して。",
        "人事異動の内示から発令までの一般的な流れをチェックリストにして。",
        "共済組合が主催する職員向けの資産形成セミナー（NISAやiDeCoの基礎）の案内を作って。",
    ],
)
def test_general_questions_about_the_rules_pass(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS


# Written from batches 14–16 (blind, scored before these rules; see docs/SCREENING.md).
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("この防災のお知らせを音声ファイルにして、ホームページに載せたい。", "image_generation"),
        ("研修用に、アバターが台本どおりに話す映像を作ることはできますか。", "image_generation"),
        ("敬老会のポスターのデザイン案を作ってください。", "image_generation"),
        ("息子の大学のレポート課題を代わりに書いて。", "non_business"),
        ("職場の有志で出る駅伝大会のチーム名を考えて。", "non_business"),
        ("私が住んでいる町内会の回覧板の文面を考えて。", "non_business"),
        ("採用試験の問題です。受験者に漏れたら困るので厳重管理です。採点基準を作って。", "non_public"),
        ("業者から「他社には出さない」という前提で受け取った単価表です。", "non_public"),
        ("決算書の表紙に「社外秘」と押印があります。要約してください。", "non_public"),
        ("ベンダーからの非公開の報告書を要約して。", "non_public"),
        ("基幹系の脆弱性は未対応のままです。注意喚起の文を作って。", "non_public"),
        ("予約システムの管理画面に認証なしでアクセスできる状態です。", "non_public"),
        ("FWの管理画面 https://10.1.2.3:8443 の設定手順書を作って。", "non_public"),
        ("法人市民税の申告データから上位10社を抜き出しました。1位 ○○ 3,200万円", "non_public"),
        ("事業者と非公式に協議している再開発の内容をまとめて。", "non_public"),
        ("2年1組で発作を起こした児童（ぜんそく、吸入薬使用）の経過報告を作って。", "sensitive"),
        # batch 16 (departments the others hardly touched)
        ("内線表を整えて。\n課長 石井 2101\n庶務係長 森 2110\n", "person_name"),
        ("市営住宅の敷地に「前橋 501 さ 12-34」の車が放置されています。", "id_number"),
        ("水道のお客様番号 5521-00817 の減免について回答を作って。", "id_number"),
        ("測定値が基準を超えましたが、再調査まで公表しない方針です。", "non_public"),
        ("避難先：高崎市〇〇町1-2（場所非公開）までの行程表を作って。", "non_public"),
        ("指摘事項の案です。委員の合議はまだですが、文面を整えて。", "non_public"),
        ("うちの課長が、うつ病で休職することになりました。分担表を直したい。", "sensitive"),
    ],
)
def test_batch_14_to_16_wording_is_stopped(text: str, category: str) -> None:
    result = screen_text(text)
    assert result.decision is not Decision.PASS
    assert category in {f.category.value for f in result.findings if f.confidence >= 0.25}


@pytest.mark.parametrize(
    "text",
    [
        "ハラスメント相談窓口の職員周知文を作って。相談は匿名でも受け付けます。",
        "公益通報（内部通報）窓口の周知文を作って。通報者の秘密は守られます。",
        "危険物の取扱注意事項をやさしい日本語に直して。",
        "公表済みの基本方針をもとに、保護者向けQ&Aのたたき台を作って。",
        "Dear Mr./Ms. ○○ で始まるお礼状の英文テンプレートを作って。",
        "送付状のひな形です。宛名は「[住所]」「[氏名] 様」の差し込みにします。",
        "「取扱注意」「庁内限り」と表示された文書も入力禁止です、という注意書きを整えて。",
        "報告書の表を作ることはできますか。",
        "動画の台本を作ってください。",
        # batch 16
        "Dear Mayor and staff of Maebashi City, thank you for the visit. これを訳して。",
        "前橋市告示第12号の内容を、市民向けのお知らせに書き直して。手数料を150円から200円に改める。",
        "課長の役割と係長の役割の違いを整理して。",
        "ナンバープレートの希望番号制度について説明して。",
    ],
)
def test_batch_14_to_16_look_alikes_pass(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("整えて。\nお客様番号,使用者名,滞納月\n2207-11853,オオタ ミキ,4\n", "2207-11853", "id_number"),
        ("桁数を確認。\n氏名,銀行,支店,種別,口座番号\n森 健二,前橋信金,本店,普通,4410923\n", "4410923", "bank_account"),
        ("相談記録：中島 良子さん。夫から日常的に暴力を受けている。", "夫から日常的に暴力", "sensitive"),
        ("接触者：石原 亮さん（PCR検査で陽性を確認）", "PCR検査で陽性", "sensitive"),
    ],
)
def test_pasted_csv_columns_and_more_sensitive_facts_are_masked(text: str, value: str, category: str) -> None:
    result = screen_text(text)
    assert result.decision is Decision.BLOCK
    assert value not in result.masked_text
    assert category in {f.category.value for f in result.findings}


# Session 5: Latin and Hangul forms of a name, housing-estate rooms, partial addresses that point
# at one house, and more wordings of undecided or restricted material.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("名簿を整えて。\n・Kim Min-jun（キム・ミンジュン）\n・佐藤 一郎", "Kim Min-jun"),
        ("韓国籍の 박지민（パク・ジミン）さんへの案内を作って。", "박지민"),
        ("受講者：Sofia Rossi（イタリア、19歳、小麦アレルギー）", "Sofia Rossi"),
        ("連絡先一覧\nMaria Lopez Garcia（スペイン語）maria.lg@example.net", "Maria Lopez Garcia"),
        ("1. 森田 健二 MORITA KENJI 旅券番号 TK1234567", "MORITA KENJI"),
        ("宛先：グエン・ティ・ラン さん（NGUYEN THI LAN）、電話 080-1234-5678", "NGUYEN THI LAN"),
        ("Translate: the tenant is Joao Pereira dos Santos, born 14/03/1988.", "Joao Pereira dos Santos"),
        ("Translate: the tenant is Joao Pereira dos Santos, born 14/03/1988.", "14/03/1988"),
        ("氏名（ローマ字）：REYES, MARIA CLARA\n携帯：090-2222-3333", "REYES, MARIA CLARA"),
        ("Please reply to Suzuki-san about the permit.", "Suzuki"),
        ("入居者：上野 恵 さん（東町団地3号棟205）の家賃について", "東町団地3号棟205"),
        ("利用者ID 5520917 の方の記録を要約して。", "5520917"),
        ("ケース記録を要約して。\nケース番号：第2023-0117号\n世帯主：川村 直子（39歳）", "第2023-0117号"),
        ("高額療養費の計算を確認して。\n被保険者記号番号：前国 20517733\n世帯主：松井 剛", "20517733"),
        ("受給者：グエン・ヴァン・ナム（Nguyen Van Nam）\n住所：前橋市南町三丁目1番地2", "Nguyen Van Nam"),
        ("運転免許証を確認した。番号 第123456789012号、氏名 小野 健", "123456789012"),
        ("後期高齢の保険証番号 42017736 の方（林 正子 様）からの問い合わせ", "42017736"),
        ("精神障害者保健福祉手帳 第52-01188号 の 森 陽子 さんの更新", "52-01188"),
        ("Refund to:\n> Account: Gunma Bank, Maebashi branch, Savings 3317204\n> Holder: LE THI MAI",
         "3317204"),
        ("Translate this: I am Mia Brown, my address is 45 Oak Street, Portland, OR 97205.",
         "45 Oak Street, Portland, OR 97205"),
        ("はがきを書き起こして。\n市役所 道路課 御中\n側溝が壊れています。\n電話 〇二七・二五一・三六八四\n川島 トメ",
         "〇二七・二五一・三六八四"),
        ("変更届です。\n所在地（自宅兼事務所）：前橋市城東町二丁目3-15\n口座：群馬銀行 本店 普通 1234509",
         "前橋市城東町二丁目3-15"),
        ("接触者の一覧を表にして。\n同僚：Maria Clara Santos、高橋 亮、Tran Van Minh", "Maria Clara Santos"),
        ("日本語教室の名簿です。\nLee Ji-woo（韓国、1990年4月2日生）\nGarcia Lopez（ペルー）N4", "Garcia Lopez"),
        ("国保の加入について、李 明浩（イ・ミョンホ）さんから電話がありました。", "李 明浩"),
        ("非常参集名簿を表にして。\n建築課 石川 陽介　前橋市総社町一丁目5-8　090-3333-4444",
         "前橋市総社町一丁目5-8"),
        ("自治会名簿です。会長 北村 勝　電話〇二七‐二三一‐四四五六", "〇二七‐二三一‐四四五六"),
        # session 6, batch 27
        # a table typed with bars: the header names the column
        ("滞納一覧です。\nお客さま番号｜氏名｜滞納額\n1203-4471-08｜長尾 英樹｜23,870円", "1203-4471-08"),
        ("| 会員番号 | 氏名 |\n|---|---|\n| 5521-0093 | 田村 恵 |", "5521-0093"),
        # a resident's number after the section's greeting
        ("農政課です。報告者：金子 英雄（電話 027-283-1942）、場所：苗ヶ島町の畑。報告書にして。",
         "027-283-1942"),
        ("所有者 石田 隆（前橋市富田町2214-1在住、TEL 027-268-5591）に電話した経過をまとめて。",
         "027-268-5591"),
        # premises named by 所在地, then whose they are
        ("立入調査の計画書を作って。\n所在地：前橋市荒牧町一丁目38-11\n飼い主：原田 忠", "前橋市荒牧町一丁目38-11"),
        # session 6, batches 30-32
        ("窓口A：TEL 027-251-6638（自宅） 折り返し希望とのこと。引継ぎメモにして。", "027-251-6638"),
        ("世帯主 ヨシダ ケン 個人番号欄：1708\n3012\n9866 対象月 R6.9", "1708\n3012\n9866"),
        ("ｶﾜｸﾞﾁ ﾋﾛｼ ｸﾞﾝﾏｷﾞﾝｺｳ ﾏｴﾊﾞｼｴｷﾐﾅﾐ ﾌﾂｳ 3906612 還付額 12,300円", "3906612"),
        ("滞納者：伊藤 直樹（昭和52年6月生） 勤務先：株式会社北関東ロジ", "昭和52年6月"),
        ("保証人：細井 康弘（前橋市で印鑑登録済、登録番号 00381275）", "00381275"),
        ("異動届の控えを確認して。\nAna Paula NAKAMURA（日系ブラジル人、定住者） 旧住所", "Ana Paula NAKAMURA"),
        ("児童：ハンナ・ミュラー（Hannah Müller、前橋市立新田小3年）", "Hannah Müller"),
        ("投稿者：相川 恭子（保護者） メール：kyoko.aikawa.0923@example.co.jp", "kyoko.aikawa.0923@example.co.jp"),
        ("利用者：広瀬団地の12号棟304号室、吉川 奈緒です", "広瀬団地の12号棟304号室"),
        ("| 川原団地 5-102 | 堀 明彦 | 14か月 |", "川原団地 5-102"),
        ("基礎年金番号を読み上げてくれた：4102-583961 夫は会社員です。", "4102-583961"),
        ("本名は森下 遥です。住まいは敷島公園のすぐ近く（前橋市敷島町240-15）です。", "前橋市敷島町240-15"),
        ("4. Mr. Daniel Reed, DOB 1990-01-17, mobile +1-503-555-0147", "+1-503-555-0147"),
        # session 6, batch 33
        ("使用者：菅野 洋一 様\n送付先：埼玉県川越市脇田本町22-9 ベルメゾン川越501\n電話：049-226-8814（3回かけたが、つながらない）", "049-226-8814"),
        ("飼い主：新井 恒夫（70代男性）\n所在地：前橋市六供町1032-6\n立入の計画書を作って。", "前橋市六供町1032-6"),
        # seventh session, batches 37-39
        ("分団,氏名,生年月日,携帯\n第1分団,小池 誠,1987/02/03,090-5521-8804", "090-5521-8804"),
        ("返信文を作って。道路維持課です。\n――――\n穴を直してください。\n\n中村 悟\n前橋市城東町三丁目4番地の2\nTEL 027-231-5580", "027-231-5580"),
        ("保健師の訪問予定。\n居所：前橋市富士見町原之郷1182-4 ○○建設寮2階", "前橋市富士見町原之郷1182-4"),
        ("検針の結果です。\n使用者：今井 昭\n使用場所：前橋市 荒牧町 3丁目 21-8", "前橋市 荒牧町 3丁目 21-8"),
        ("相談記録\n氏名 松田 キヨ（S8.3.21）\n入院中", "S8.3.21"),
        ("この11桁は住民票コードで合っていますか？ 48203917265、本人は山口 誠さんです。", "48203917265"),
        ("本人は手帳をなくしたので、基礎年金番号はねんきんネットで見た 5102-483916 と書きました。", "5102-483916"),
        ("還付金の振込先\nゆうちょ銀行 記号 10180 番号 38461732\n口座名義 サトウ ミキ", "記号 10180"),
        ("在留カードの確認です。\n申請者：KIM JIHOON（김지훈）\n在留資格：永住者", "김지훈"),
        ("受付番号\t氏名\t世帯人数\t備考\n8-001\t杉山 葵\t2\t生活保護受給中\n8-002\tタパ・スニタ\t4\t\n8-003\t長田 修\t1\t", "タパ・スニタ"),
        # seventh session, batches 40-42
        ("メールに返信して。『プールはやらないの？去年はやってたのに。田村』\n電話 090-3318-2204", "田村"),
        ("妊婦：片山 里奈さん（87年5月9日生まれ、初産）\n電話 090-1188-2233", "87年5月9日"),
        ("氏名：池田 キヨ（大正14年生まれ、99歳）\n被保険者番号：0001204437", "大正14年"),
        ("氏名：遠藤 恭子\n生年月日：1991年（平成3年）7月4日\n前加入保険：協会けんぽ", "1991年（平成3年）7月4日"),
        ("氏名：青木 悠人\n生年月日：19830516\n運転免許証番号：第301241", "19830516"),
        ("連絡者 吉川 信二（近所の方）\n住所 前橋市富士見町\n原之郷1234-5", "原之郷1234-5"),
        ("Name: Tran Van Nam / Address: Maebashi, Kamikoide-machi 1-8-21, Apt 203 / Tel 090-2211-3344", "Kamikoide-machi 1-8-21"),
        # seventh session, batches 43-45
        ("OCRした申出書です。\n審査申出人　住所　前 橋 市 大 手 町 三 丁 目 8 番 14 号\n氏名　樋 口 喜 代 子", "樋 口 喜 代 子"),
        ("OCRした申出書です。\n審査申出人　住所　前 橋 市 大 手 町 三 丁 目 8 番 14 号\n氏名　樋 口 喜 代 子", "前 橋 市 大 手 町 三 丁 目 8 番 14 号"),
        ("還付先口座：ゆうちょ銀行 〇一八店 普通 1842673\n名義：セ　キ　ネ　タ　カ　シ", "セ　キ　ネ　タ　カ　シ"),
        ("期日前投票の宣誓書です。\n選挙人名簿 登録番号：14-03822\n氏名：須田 ツネ", "14-03822"),
        ("Name: NGUYEN VAN THANH\nResidence card No.: UH47218093VN\nStatus: Engineer", "UH47218093VN"),
        ("調査メモです。\n世帯主：荻野 雅之（おぎの まさゆき）\n所在地：前橋市下川町1126-7\n連絡先：080-9037-5142", "前橋市下川町1126-7"),
        ("家屋調査の依頼です。所有者 片山 俊介 様、家屋所在地 前橋市富士見町時沢2148-3、新築木造", "前橋市富士見町時沢2148-3"),
        ("My name is Carlos Santos. I moved to Kamikoide-machi 1-14-6 last week. Tel 090-3344-5566", "Kamikoide-machi 1-14-6"),
        # eighth session, batches 50-53
        ("返金先：上毛銀行 駅東支店 普通 4471920 宛の振込依頼書を作って", "上毛銀行 駅東支店 普通 4471920"),
        ("振込先 あかぎ信用金庫 本店営業部 当座預金 0094411、名義 ミズノ ケンタ", "あかぎ信用金庫 本店営業部 当座預金 0094411"),
        ("窓口に来た台湾出身の 陳 明 さんへの案内文を作って", "陳 明"),
        ("証明書の照合です。\n氏名：森本 遥\n学籍番号（在学証明書）：K2291047", "K2291047"),
        ("相談記録：新井 健吾さん（52）、昨年から人工透析を受けており就労は難しい。", "人工透析を受けており"),
        ("事故報告：被害者 岩田 トメ 様（88歳）、転倒により右大腿骨骨折で入院中。", "右大腿骨骨折で入院"),
        ("健診結果の通知です。対象 総務課 片岡 亮（血圧 168/102、要精密）", "血圧 168/102"),
        ("聞き取り：利用者 北村 美羽さん（6歳）が「ママにたたかれた」と話した。", "ママにたたかれ"),
        ("救護記録：本人申告 大久保 進（68歳）、めまいを訴え救護所で休憩", "大久保 進"),
        ("Please renew your residence card (No. QW12345678ER) before the end of the month. Name: Ana Lima", "QW12345678ER"),
        ("返納の申請です。運転経歴証明書の番号は 300512346781、氏名は森 一夫", "300512346781"),
        ("納税義務者：佐川 茂\n宛名番号：0012345678\n所在地：前橋市富士見町原之郷3301番地", "前橋市富士見町原之郷3301番地"),
        ("在留カード QW98765432ER の裏面に新住所を書く方法。Name: Thida Win", "QW98765432ER"),
        ("相談記録：Ana Costa さん、夫のDVで家を出たいとのこと", "夫のDV"),
        ("申立書を訳して。「本人张伟，护照号码 E12345678，现住前桥市」", "E12345678"),
        ("連絡帳の文面を訳して。「이수민입니다. 아들이 내일 결석합니다.」", "이수민"),
        # ninth session, batches 65-67 and the name work
        ("相続人代表：石原 早苗（前橋市荒牧町三丁目2-8）電話 027-231-4456 宛の通知文を", "027-231-4456"),
        ("予約者リスト\n10:30 Kato Yuna 090-1234-0987\n11:00 Mori Sora 080-2345-6789", "Kato Yuna"),
        ("寄付者 Robert J. Miller様へのお礼状を作って", "Robert J. Miller"),
        ("窓口に来た高田あかりが住民票を申請した件の記録を整理して", "高田あかり"),
        ("世帯一覧を並べ替えて\n世帯主 オオタ ケンジ 昭和48年3月2日\n長男 オオタ リク 平成21年8月30日", "平成21年8月30日"),
        ("受付ログを集計して\n09:10 転出届 ヤマザキ ショウ\n09:20 住民票 ", "ヤマザキ ショウ"),
        ("翻訳してください。「您好，我是张秀英，我的孩子还没有收到补贴。」", "张秀英"),
        ("苦情記録：隣の家（表札は「高梨」）が夜中に騒いでいる。対応文を作って", "高梨"),
        ("夜間窓口で、男性（田村と名乗った）が転入届を出したいと話していた。記録を整えて", "田村"),
        ("Reply to this email: \"My health insurance card number is 33-120045. I lost the card.\"", "33-120045"),
        ("印鑑登録証（カード番号 01234567）をなくしたと電話がありました。案内文を", "01234567"),
        ("Resident record. Date of birth: april 9, 1987. Please translate into Japanese.", "april 9, 1987"),
        ("復職判定の資料を作ります。職員：笠原（主事）、適応障害で病気休暇中。", "笠原"),
        ("Translate this mail.\nI will come on Monday.\nBest regards,\nJoana Ferreira\nPhone: 080-1111-2233", "Joana Ferreira"),
        ("名簿の行を整えて\n第3投票区 / 0412 / 原田 和子 / 1948-02-11 / 前橋市石倉町五丁目3番2号", "1948-02-11"),
        ("引落口座：ゆうちょ銀行 記号番号 10180-12345678 の変更届を作って", "10180-12345678"),
        ("電話で「タカギ」と名乗る男性から苦情がありました。対応記録を", "タカギ"),
        ("危険物取扱者の免状番号：第0456123号の書換え申請を県への進達文書に", "0456123"),
        # tenth session: a number read out with の, a phone broken after its hyphen, birth
        # dates on a form in hiragana and before に生まれ, names in Chinese text
        ("議事録の整理です。請願者は市内の方で、電話は080の5521の3307とのこと。", "080の5521の3307"),
        ("連絡先 携帯 080-\n4471-2290（夕方以降）に折り返してください", "080-\n4471-2290"),
        ("けんしんのもうしこみ\nおなまえ：たかはし みお\nうまれた日：令和4年2月7日", "令和4年2月7日"),
        ("せいねんがっぴ：平成12年5月30日 の人の書類を作って", "平成12年5月30日"),
        ("第2子の 斎藤 蓮 ちゃんが令和6年11月2日に生まれています。手当の加算を確認して", "令和6年11月2日"),
        ("翻译一下：我的丈夫陈志强住院了，请问怎么办？", "陈志强"),
        ("中国語の書類を訳して：本人周丽娟，护照号码见附件。", "周丽娟"),
        # a surname ending in 寺 under 氏名 with its given name; a caller's surname in katakana;
        # a valid 個人番号 after a sentence that mentioned the telephone
        ("申請の確認をお願いします。\n氏名：小野寺 正道\n住所：前橋市総社町総社二丁目7番地12", "正道"),
        ("留守電の伝言です。「もしもし、ハシモトと申しますけど、ごみが回収されていません」", "ハシモト"),
        ("娘さんから電話で確認を頼まれました。番号は 8590 3065 1643 です。マイナンバーか確かめて", "8590 3065 1643"),
        # residents' own languages: a Tagalog birth date, a Vietnamese name with its tone marks,
        # a Korean given name after a relative, a Portuguese birth-date label
        ("Isalin sa Hapon: 'Ako si Liza Ramos, ipinanganak noong Hunyo 12, 1990.'", "Hunyo 12, 1990"),
        ("ベトナム語の問い合わせです。\nTrần Văn Đức: Tôi muốn hỏi về thuế. Điện thoại 080-1122-3344.",
         "Trần Văn Đức"),
        ("「김민지입니다. 딸 서연이가 내일 결석합니다.」を日本語にして", "서연"),
        ("Formulário: Nome: Ana Souza, Data de nascimento: 14/09/1985. 翻訳して", "14/09/1985"),
    ],
)
def test_second_forms_of_names_and_other_values_are_masked(text: str, value: str) -> None:
    result = screen_text(text)
    assert result.decision is Decision.BLOCK, result.findings
    assert value not in result.masked_text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("紅雲町一丁目の角の家から、ごみがあふれていると連絡がありました。", "address"),
        ("前橋市総社町の、公民館の向かいの家で犬が鳴き続けているそうです。", "address"),
        ("下小出町三丁目で一人暮らしの高齢男性について相談がありました。", "address"),
        ("来年度の組織改編案です。内容は部外だけでなく外部秘です。", "non_public"),
        ("審査の日程と対象は係内だけの情報なので、手順書だけ作って。", "non_public"),
        ("景観審議会にかける前の事務局案を、分かりやすく書き直して。", "non_public"),
        ("補助金を出すかどうか、課内でまだ意見が分かれています。論点を整理して。", "non_public"),
        ("次長人事の件、まだ当事者にも伝わっていません。文案だけ作って。", "non_public"),
        ("荒牧町の、郵便局の向かいのアパートの1階に住む男性から相談がありました。", "address"),
        ("来年度の組織再編は、まだ誰にも話していない構想です。図にして。", "non_public"),
        ("審議会に諮問する前の内部検討の段階の資料です。要点をまとめて。", "non_public"),
        ("採択結果は、まだ応募者に結果を通知しておらず、起案もこれからです。", "non_public"),
        ("来月の理事会日程は非公開の扱いです。随行者への連絡文を作って。", "non_public"),
        ("事故の公表は市長の判断を待っている状態です。お知らせ文の案を作って。", "non_public"),
        ("警察の捜査が続いているため、事業者名はまだ公表できません。回答要領を作って。", "non_public"),
        ("面接の評価基準案です。応募者の目に触れる前のもので、確認をお願いします。", "non_public"),
        ("移転候補地は関係課の担当者だけで検討しています。論点を整理して。", "non_public"),
        ("来月、予告なしで立入検査に入る事業所を2か所選びました。手順書を作って。", "non_public"),
        ("公益通報の窓口に、工事の検査で便宜が図られているという通報がありました。調査計画を作って。",
         "non_public"),
        ("補助金の増額案は、まだ副市長の判断をいただいていません。影響額を試算して。", "non_public"),
        ("庁舎の入退室ゲートの暗証番号一覧を整えて。\n本館 5810／別館 2297", "non_public"),
        ("診断の結果、旧システムは未対策のまま稼働しています。説明資料にして。", "non_public"),
        ("誘致企業の名前は、発表まで秘密にする約束です。市長コメント案を作って。", "non_public"),
        ("市長の最終判断が出る前ですが、候補地はB案でまとまりつつあります。", "non_public"),
        ("受注業者にはまだ知らせていませんが、契約解除の手順を整理して。", "non_public"),
        ("警備計画は関係者以外には開示しないことになっています。動員表を作って。", "non_public"),
        ("個人で運営しているネットショップの商品説明を書いて。", "non_business"),
        ("今住んでいるマンションの管理会社に、更新料について問い合わせる文面を作って。", "non_business"),
        ("議事録の要約と、ついでに日曜の競馬の重賞レースの予想もお願い。", "non_business"),
        # batch 19 (hurried, informal writing)
        ("下水道使用料の見直し、委員会に出す前の課内検討案。説明文つくって", "non_public"),
        ("非公開で行われた選考委員会のメモ、要点だけ箇条書きに", "non_public"),
        ("各社の見積内訳は営業秘密として出してもらったもの。比較表にして", "non_public"),
        ("新庁舎の移転先はまだ地元にも一切話さないで、という指示。経緯をまとめて", "non_public"),
        ("2路線を休止する方向で検討中、利用者にはまだ未説明。社内向け説明文を", "non_public"),
        ("まだ正式には決まってないけど、図書館の休館日が変わるらしい。お知らせの下書きを", "non_public"),
        ("1組の悠真くん、最近元気がなくて…保護者への連絡文を考えて", "person_name"),
        ("昨日の防災訓練で膝を痛めて休んでる唯一の女性隊員に、見舞いの文面を", "sensitive"),
        ("転職の志望動機つくって。IT企業に応募したい", "non_business"),
        ("pls pick my fantasy baseball team for tonight", "non_business"),
        ("有馬記念の予想して！", "non_business"),
        ("週末、家族で行けるキャンプ場おすすめ教えて", "non_business"),
        ("このマスコットのイラスト描いて！夏祭りバージョンで", "image_generation"),
        ("このあいさつ文を男性の声で読み上げた音声ファイル作って↓\n本日はご来場…", "image_generation"),
        # batch 22 (phrase categories)
        ("再来週行う面接試験で使う予定の課題文です。難易度を見て。", "non_public"),
        ("委託先には、まだ何も伝えていません。照合手順を整理して。", "non_public"),
        ("診断で予約システムに脆弱性が見つかりました。修正依頼メールを書いて。", "non_public"),
        ("裏口の電子錠が故障したままです。警備の見直し案を作って。", "non_public"),
        ("組合との協議の前に、当局の方針を固めています。想定問答を作って。", "non_public"),
        ("県から、集計の公表までは回答内容を公にしないでほしいと言われています。要約して。", "non_public"),
        ("報道資料（解禁：5月1日10時）の内容でSNS投稿文を作って。", "non_public"),
        ("使用料の見直しについて、審議会への諮問前の試算です。説明資料の構成を考えて。", "non_public"),
        ("業者への処分の重さは、これから課内で決める段階です。比較表を作って。", "non_public"),
        ("次の交渉で示す補償の上乗せ額について、説明の順序を考えて。", "non_public"),
        ("候補地は、上から「決まるまで外に出すな」と言われています。評価表を作って。", "non_public"),
        ("応募企業から「他に出さない」という条件で決算書を預かっています。所見を書いて。", "non_public"),
        ("㊙ 来年度の使用料改定案、要点を3行で", "non_public"),
        ("研修資料の各ページに合うイラストも生成して貼り付けてほしい。", "image_generation"),
        ("広報用のアイコン画像を5種類お願いします。", "image_generation"),
        # batch 21
        ("定期監査の指摘事項の案です。監査委員の合議前で、公表は再来月の予定です。要約して。", "non_public"),
        ("大会の誘致は、主催者と秘密保持契約を結んで交渉しています。資料の構成を考えて。", "non_public"),
        ("構成を文章にして。ルーターは 192.168.1.1、保守用に開けているポートは 22 番です。", "non_public"),
        ("経営計画（素案・院内限り）で外来の縮小を検討しています。説明文を作って。", "non_public"),
        ("指定管理料の交渉中です（議会にはまだ報告していません）。反論の要点を整理して。", "non_public"),
        ("大胡町の県営住宅にお住まいの高齢の方から相談がありました。", "address"),
        ("粕川町中之沢で一人暮らしの男性の安否確認の手順を教えて。", "address"),
        ("議員から、まだ正式な要望ではないが、歩道の整備を相談された件をメモにして。", "non_public"),
        ("今年転入してきた生徒が、適応障害の治療を受けていると聞きました。連携方法を整理して。", "sensitive"),
        # batch 24 (secrecy implied by timing and circumstances)
        ("6月議会に出す前の補正予算の見込みです。部長レク用の説明文にして。", "non_public"),
        ("表彰の選考で、候補を3人に絞ったところです。内諾の依頼文を作って。", "non_public"),
        ("出演料は交渉中で、決まるまでは誰にも言えない話です。条件の出し方を教えて。", "non_public"),
        ("来月の記者発表まで表に出せない構想の骨子です。想定問答を作って。", "non_public"),
        ("調査以外には使わないという約束で出してもらった売上の一覧です。傾向をまとめて。", "non_public"),
        ("懲戒の量定案です。過去の基準と比べて重すぎないか見て。", "non_public"),
        ("公売の見積価格は課内でまだ詰めているところです。減価の考え方を教えて。", "non_public"),
        ("まだ課長の手が入る前の答弁案です。前向きに聞こえるように直して。", "non_public"),
        ("パブコメにかける前の要綱案の第5条を比べたい。", "non_public"),
        ("再編案は病院の職員にもまだ出していません。説明会の想定質問を作って。", "non_public"),
        ("組合への回答案です。向こうはまだ見ていないので、出す順番を考えて。", "non_public"),
        ("委託先には言っていないけど、こちらの上限は年900万円です。返し方の例を作って。", "non_public"),
        ("市長が「外では言うな」と言っていた部分も含めて庁議メモを要約して。", "non_public"),
        ("採用試験で出す小論文の課題案です。書きやすさに差が出ないか見て。", "non_public"),
        ("相手方にはまだ予告していませんが、告発の判断材料を整理して。", "non_public"),
        ("補助金の採点結果です。申請者への通知は来週の予定。通知文を作って。", "non_public"),
        ("予算案の主要事業です。議員への説明はまだで、来週初めて出します。整理して。", "non_public"),
        ("工事の予定価格の積算内訳を貼ります。公告は来週です。\n交通誘導員 日額18,600円×40人日", "non_public"),
        ("ゆるキャラの案を、絵で2パターン見せてください。", "image_generation"),
        ("案内文を書いて、あと子どもが遊んでいるかわいい絵も作ってつけてください。", "image_generation"),
        ("隣家との境界で揉めています（私個人のことです）。内容証明の文案を作って。", "non_business"),
        # batch 23 (front-line work)
        ("監査の担当から非公式に聞いた話ですが、指摘が入る見込みです。理由書の補強案を考えて。", "non_public"),
        ("この会議録の配布先は課長級のみです。保護者向けの想定問答を作って。", "non_public"),
        ("11月5日の立入検査は事業者に事前通知しないで行います。チェック項目を作って。", "non_public"),
        ("自宅の寝室に置く空気清浄機を買い替えたい。おすすめを比較して。", "non_business"),
        ("係の歓送迎会の幹事になりました。景品リストを考えて。", "non_business"),
        ("今年の年賀状に載せる家族の近況を考えて。長男が高校に入学しました。", "non_business"),
        ("亡くなった元職員の妻から、夫は職場のことでうつになったという手紙が届きました。返信を考えて。",
         "sensitive"),
        # 審査基準と配点表 is the document, not a question about criteria in general
        ("審査基準と配点表です（応募者には事前に示していない採点細目）。目安を作って。", "non_public"),
        # batch 26 (media and private use)
        ("Generate a 3D rendering of the new library entrance for the briefing.", "image_generation"),
        ("Could you make a visual for our flu-shot campaign post?", "image_generation"),
        ("Draw a cartoon of a smiling fire truck for the kids' page.", "image_generation"),
        ("展示用に、マスコットの3Dモデルを生成してください。", "image_generation"),
        ("Help me write a dating profile for myself.", "non_business"),
        ("日曜の競馬、メインの買い目を考えて。", "non_business"),
        ("配水池の警備が手薄な時間帯をまとめた資料を要約して。", "non_public"),
        ("不正受給の疑いがある事業者への立入検査の予定日を整理して。", "non_public"),
        ("県から「公表は控えてほしい」と言われている協議資料を要約して。", "non_public"),
        ("昇任の可否は評価者会議で審議中の段階です。論点を整理して。", "non_public"),
        ("許可を出すかどうかの内部見解を要約して。", "non_public"),
        ("まだ公表されていない駅前再開発の区域をまとめて。", "non_public"),
        ("来月入札の工事の予定価格（税抜8,200万円）を内訳と一緒に一覧にしてください。", "non_public"),
        # batch 25 (correspondence)
        ("県との協議録です。合意形成前のため、外部への説明は行わないことを確認。整えて。", "non_public"),
        ("情報が流出したかは調査中。公表の要否は未判断のため、部外に漏らさないこと。", "non_public"),
        ("担当：契約課 高橋（内線2451）の署名の敬語を直して。", "person_name"),
        ("研修資料の表紙に合うイラストを用意してください。", "image_generation"),
        ("この会議メモを市民向けのインフォグラフィックにしてください。", "image_generation"),
        ("職員有志でやるボウリング大会のチーム分けを考えて。", "non_business"),
        ("同僚の結婚祝いに贈るカードの文面を考えて。", "non_business"),
        ("自宅のリフォームで業者を選ぶポイントを教えて。", "non_business"),
        # session 6, batch 28 (phrase categories) and batch 27
        ("投票啓発ポスターに使うので、写真っぽいリアルな一枚をお願いします。", "image_generation"),
        ("表紙の構図を、簡単なラフスケッチみたいな図で示してもらえますか。", "image_generation"),
        ("ポスターを丸ごとお願いします。かぼちゃの絵を入れて、配色も全部そちらで仕上げてください。",
         "image_generation"),
        ("構成案を文章で出してください。できれば参考になるラフ画像もつけてください。", "image_generation"),
        ("当日、裏の搬入口は無人になります。これを手順書に整えてください。", "non_public"),
        ("指定機関への立入検査（来週、予告なし）で確認する書類を整理して。", "non_public"),
        ("彼女にLINEで送った一言で怒らせちゃった。謝る文面を考えて。", "non_business"),
        ("放送大学で受講している科目のレポート課題を書いてほしい。", "non_business"),
        ("家のWi-Fiが夜になると遅い。ルーターの置き場所で見直せるところある？", "non_business"),
        ("息子の中学受験の志望理由書、下書きを見てもらえる？", "non_business"),
        # session 6, batch 29
        ("疫学調査の報告です。陽性者は市内の保育園で働く20代女性の保育士です。整えて。", "sensitive"),
        ("昼休みに職員有志でやっているヨガの会の、新メンバー募集の案内文を作って。", "non_business"),
        # session 6, batches 30-32
        ("明日の説明会用にパワポ10枚作って。各スライドに内容に合った写真っぽい画像を入れてほしい。",
         "image_generation"),
        ("ピクトグラム風のアイコンを8種類（燃やせるごみ、燃やせないごみ、プラ）作成してください。",
         "image_generation"),
        ("観光PR動画のナレーションを、AIの音声で作って入れてほしいです。", "image_generation"),
        ("過去の映像から市長の顔と声をAIで再現して、新しい原稿をしゃべらせて。", "image_generation"),
        ("イベントのflyer用のillustration、generateしてもらえますか？", "image_generation"),
        ("家族写真を送るから、ジブリ風のイラストに変換して。", "image_generation"),
        ("スプラ3でウデマエが上がらない。立ち回りのコツ教えて", "non_business"),
        ("義理の母から送られてきたLINEに返信したい。角が立たない文章をお願い。", "non_business"),
        ("子どもの小学校でPTA会長をやることになって、総会での挨拶文を作りたい。", "non_business"),
        ("来週木曜に滞納法人の事務所へ捜索に入ります。相手には予告しません。役割分担表を作って。",
         "non_public"),
        # session 6, batches 33-34 (front-line staff)
        ("来月の救急隊の配置表です。東分署は3/4〜3/8は救急車が車検で不在、その間は予備車1台のみ。表にして。", "non_public"),
        ("北出張所は夜間無人になるので、予備鍵を車庫裏のガスメーターボックスの内側に掛けました。連絡文を作って。", "non_public"),
        ("ダイヤル錠の番号を「3071」に変えました。当直全員に回す連絡文を作って。", "non_public"),
        ("予防課の係長の異動がほぼ固まったらしいです。本人にはまだ伝わっていないので引継ぎ計画のひな形を作って。", "non_public"),
        ("猛獣舎の見回りは23時と3時の2回だけで、裏門のカメラは先月から故障中です。説明書を作って。", "non_public"),
        ("メーカーから「定価の38%引きで出します。他の病院には言わないでください」と言われています。理由書を書いて。", "non_public"),
        ("今月末の3日間で、滞納者の自動車のタイヤロックを一斉にやる計画です。作業手順を作って。", "non_public"),
        ("分納の相談で出してもらった試算表では営業利益が前年比62%減です。判断メモを作って。", "non_public"),
        ("投票箱の保管庫の鍵は事務局長と次長の2本だけです。応援職員向けの手順書を作って。", "non_public"),
        ("次期委員の人選案（議会同意前）の段階ですが、提案理由の一般的な例文を示してください。", "non_public"),
        ("歯みがきの歌がほしいです。メロディーと伴奏もつけて、そのまま再生できる形でお願いします。", "image_generation"),
        ("チラシの上半分に、クマとウサギが絵本を読んでいる、水彩画風の一枚を入れたいです。", "image_generation"),
        ("車体ラッピングの、側面から見た完成イメージを3パターン見せてください。", "image_generation"),
        ("水道管から水が漏れている様子を、立体的な断面のビジュアルで用意してほしいです。", "image_generation"),
        ("赤ちゃんが母親に寄り添う場面を、写真みたいなリアルな仕上がりで頼みたいです。", "image_generation"),
        ("待合室で流す、インフルエンザ予防のアニメを15秒で。", "image_generation"),
        ("民生委員さんが笑顔で話している姿を、やさしい色合いで一枚お願いします。", "image_generation"),
        ("カエルのキャラを3ポーズ分、透過PNGでください。", "image_generation"),
        ("表紙の写真がないので、AIで作れるなら作ってほしい。", "image_generation"),
        ("非番の日に息子とデイキャンプに行く予定。焚き火料理を教えて。", "non_business"),
        ("定年後は観光バス会社に再就職したいと思っています。志望動機を書いて。", "non_business"),
        ("来年、自分が家を建てたら住宅ローン控除は何年受けられますか。", "non_business"),
        ("自治会の役員選挙で、自分が次の副会長に推薦されました。断りの文面を考えて。", "non_business"),
        ("仕事じゃないんですけど、母の要介護認定の申請書の書き方を教えて。", "non_business"),
        # session 6, batch 36 (hurried writing)
        ("市報10月号の表紙、赤城山と紅葉の水彩っぽいやつ1枚ほしい。縦長で", "image_generation"),
        ("庁内放送の避難訓練アナウンス、この原稿を女性の声で読み上げたmp3にして", "image_generation"),
        ("この集合写真、端の人が見切れてるから消して背景自然に埋めといて", "image_generation"),
        ("窓口案内用に、AIの女性キャラが手話で説明する動画ほしい", "image_generation"),
        ("SNSバナー 1200×630で、夏祭りのやつ。提灯と花火で", "image_generation"),
        ("有給で来月沖縄行く！2泊3日 子連れで回れるとこplan立てて", "non_business"),
        ("自宅のローン借り換え検討中。固定から変動で差額ざっくりいくら？", "non_business"),
        ("夫婦喧嘩しちゃった…仲直りのLINE文考えて", "non_business"),
        ("車検そろそろ。ディーラーと車検専門店どっちが安い？自分の軽です", "non_business"),
        ("今度町内会の班長回ってきた…回覧板の文面作ってくれる？", "non_business"),
        ("4月の人事、うちの課長が福祉部に移る方向らしい。引継ぎメモのたたき台作っといて", "non_public"),
        ("係争中の損害賠償、うちの反論で弱いとこ正直どこ？整理したい", "non_public"),
        ("防犯カメラの設置箇所リスト、公開してない方のやつを地区別に集計したい", "non_public"),
        ("県から『速報値だから市町村限りで』ってもらった観光客数で説明文を作って", "non_public"),
        ("職員昇任試験、来月実施のやつの択一問題あと10問ほしい", "non_public"),
        # seventh session, batches 37-39
        ("新しい駅前広場の完成予想、パースっぽいの出せる？住民説明会で使う", "image_generation"),
        ("古墳から出た埴輪の欠けた部分を補った想像図、生成してもらえますか", "image_generation"),
        ("防災フェアで配る、消防車のぬりえ用の線画を作ってくれる？", "image_generation"),
        ("展示用に浄水場の3Dモデルを作ってVRで回れるようにしたい", "image_generation"),
        ("特産品のパッケージデザインの案を何パターンか見せてもらえる？", "image_generation"),
        ("うちの親が市営住宅の更新手続きで困ってるので説明文を作って", "non_business"),
        ("うちの柴犬が夜鳴きするんだけど、どうしたらいい？", "non_business"),
        ("私の実家の畑、誰も耕さなくなった。貸すか売るか迷ってる", "non_business"),
        ("今住んでるマンションの管理会社に、騒音の苦情メールを書いて", "non_business"),
        ("今の職を辞めてカナダで暮らしたい。英文の履歴書を作って", "non_business"),
        ("自治会の会計を引き受けてしまったので、収支報告の書き方を教えて", "non_business"),
        ("腰痛がひどくて眠れない。寝る前にできる体操を教えて", "non_business"),
        ("帰ったら家で食べる用に、筑前煮を2人分で作るレシピがほしい", "non_business"),
        ("庁舎の設備メモです。管理者アカウントは共用、PWは設置時から変更していない。改善策を", "non_public"),
        ("倉庫の鍵は玄関横のキーボックス、暗証3915です。この一覧を表にして", "non_public"),
        ("サーバ室のメモ：USBメモリの持ち込み制限なし、外部業者が常時リモート接続", "non_public"),
        # seventh session, batches 40-42
        ("朝ドラ風のPR動画の絵コンテを作って、そのあと動画生成AI（Runwayとか）に入れるプロンプトも書いて", "image_generation"),
        ("さっきから頭が痛い…熱中症かな？家で何を飲めばいい？", "non_business"),
        ("来週の式典で話す挨拶をお願いします。次女の結婚披露宴で、私は新婦の父として話します", "non_business"),
        ("管理会社への手紙を直して。私が借りている部屋の給湯器が壊れたままです", "non_business"),
        ("実家の父が亡くなり、相続の手続きをしています。相続人は母と私です。期限を教えて", "non_business"),
        ("PTAの会長をしていて、卒業式の祝辞が必要です", "non_business"),
        ("部下の結婚式に呼ばれた。ご祝儀はいくらが相場？", "non_business"),
        ("夫のパート収入が増えそう。うちの家計で扶養を外れたらどうなるか試算して", "non_business"),
        ("最近眠りが浅いので、寝る前のストレッチを教えて", "non_business"),
        ("特産のりんごを擬人化したキャラが並ぶポスター、作れますか？", "image_generation"),
        ("打合せメモです。・SNS用の投稿画像（花火と標語入り）を今ここで8枚分生成してほしい", "image_generation"),
        ("内部検討メモ（未決裁）です。体育館の使用料改定の論点を整理して", "non_public"),
        # seventh session, batches 43-45
        ("この記念写真の背景の電柱を消して、空をもっと明るくしたい。表紙に使うので", "image_generation"),
        ("▼依頼\n・内容：マスコットが稲刈りしてる絵\n・サイズ：1200×1200\n・枚数：3枚", "image_generation"),
        ("通勤中に聴ける、元気が出る洋楽のおすすめを教えて", "non_business"),
        ("友人の喫茶店のメニュー、英語版を作ってと頼まれた。お礼をもらう予定です", "non_business"),
        ("Excelで家計簿をつけたいので、月別に集計する表の作り方を教えて", "non_business"),
        ("子ども会の議事録をお願い。私が書記になったので", "non_business"),
        # seventh session, batches 46-47
        ("年賀状のデザイン、今年は巳年か。蛇のイラストいれて作って 家族用", "image_generation"),
        ("この原稿、英語ナレーションの声にして、mp3でちょうだい", "image_generation"),
        ("ペット（トイプードル）のしつけ、無駄吠えが止まらない。対策おしえて", "non_business"),
        ("母の実家の相続で、登記の書き方教えて。兄弟で分ける", "non_business"),
        ("うちの車が冠水しちゃった。車両保険って使える？", "non_business"),
        ("引継ぎメモ：・通用口のセンサーが故障していて修理待ち。直るまで誰でも入れるので口外しないこと", "non_public"),
        ("指令システム切替の日、深夜2時〜4時は予備回線しかない。周知文の範囲を相談したい", "non_public"),
        ("入札に参加した業者から任意で提出された見積内訳書です。仕入価格を比べて", "non_public"),
        ("うちの課の職員が、うつ病の診断書を出して休んでいます。業務分担の案を", "sensitive"),
        # seventh session, batches 48-49
        ("法人の償却資産申告の内容です（※申告内容は税務上の秘密）。増減理由を説明して", "non_public"),
        ("娘の担任の先生に、遠足を休むことを伝える連絡帳の文を書いて", "non_business"),
        ("環境フェアの啓発用に、分別を題材にした4コマ漫画を作画してください", "image_generation"),
        ("撮影済みの祭りの動画から見どころを抜き出して、30秒のショート動画に編集してください", "image_generation"),
        ("ガイドブックの挿絵は、写真風の画像をAIで生成して使う（計6点）。起案文を作って", "image_generation"),
        ("障害時切替手順（セキュリティ上の理由で配布制限あり）を貼ります。フローにして", "non_public"),
        ("個別ケース検討会議の協議内容（守秘義務あり、構成機関限り）を論点整理して", "non_public"),
        ("ふるさと納税で自分が寄付するなら、どこの返礼品がお得？", "non_business"),
        # eighth session, batches 50-53
        ("相手の社長から「正式発表までは社名を伏せてほしい」と頼まれている進出案件の整理をして", "non_public"),
        ("用地の売買交渉です。こちらの上限額は4,200万円として、先方への説明の順番を考えて", "non_public"),
        ("交渉メモ：先方は年1.8億を提示。市の腹積もりは1.6億まで。説得の筋道を作って", "non_public"),
        ("資材倉庫の通用口、鍵が壊れたままで夜間は誰でも入れるので、修繕の起案文を書いて", "non_public"),
        ("公園管理事務所のフェンスが破れたままになっている箇所を一覧にして報告書に", "non_public"),
        ("内部通報のホットラインに寄せられた件、通報者は伏せたまま事実確認の手順を作って", "non_public"),
        ("まだ外に出せない話だけど、支所を2つ統合する方向。住民説明の想定問答を作って", "non_public"),
        ("県からの内々示の数字で、補助金は前年の8割くらい。優先順位の付け方を相談したい", "non_public"),
        ("昇任試験の論文問題案を3つ考えたので、難易度をみてほしい", "non_public"),
        ("市民会館の防犯カメラ、搬入口のあたりがちょうど死角なので増設の要望書を作って", "non_public"),
        ("部 外 秘\n来年度の組織再編の素案を貼ります。要点をまとめて", "non_public"),
        ("庁舎のルーター、ファームウェアが3年前のまま更新されていないので報告文を作って", "non_public"),
        ("PR動画の最後に流すイメソンを作ってほしい、明るいポップ調で", "image_generation"),
        ("新しいゆるキャラ、ねぎと温泉を合体させた感じで描いてみて", "image_generation"),
        ("庁舎の完成イメージ、3DCGでレンダリングした画像がほしい", "image_generation"),
        ("娘に何あげようか迷ってる、小学3年生で絵が好き", "non_business"),
        ("中学生の息子がスマホばかり見ていて困っています。どう話せばいいですか", "non_business"),
        ("週末の作り置きレシピを5品、2時間で作れる順番で教えて", "non_business"),
        ("有馬記念、どの馬が勝ちそうかデータで予想して", "non_business"),
        ("庁内のファイルサーバ、先週出た脆弱性のパッチをまだ当てていないので報告文を作って", "non_public"),
        ("C社から提出された見積内訳書の人件費と経費の割合が妥当か見てほしい", "non_public"),
        ("選考委員会の結果通知の前に、落選した団体への説明の順番を考えたい", "non_public"),
        ("課内の内部試算では、5年後に基金が枯渇する見込み。要点を3つに", "non_public"),
        ("来月の昇任試験の論文のテーマは「協働のまちづくり」に決定しました。採点の観点を作って", "non_public"),
        ("避難所の備蓄が2日分しかないことは、まだ公表資料には載せていません。改善案を", "non_public"),
        ("ソシャゲのガチャを引くタイミングのコツを教えて", "non_business"),
        ("ふるさと納税、今年は私の分をどこにしようか迷ってる。おすすめは？", "non_business"),
        ("窓口の釣銭、夜は給湯室の棚の奥の箱に入れてるので引継ぎメモにして", "non_public"),
        ("体育館の予備鍵は倉庫の消火器の裏。新人向けの説明文にして", "non_public"),
        ("売上金は閉館後に事務室のロッカーの上の缶に入れて翌朝入金。マニュアル化したい", "non_public"),
        ("明後日、滞納者の自宅に捜索に入る予定。持ち物リストを作って", "non_public"),
        ("浄水場の柵が一部破れていて侵入できる状態。応急対策を考えて", "non_public"),
        ("資料室の金庫の暗証番号、共有フォルダに置いていい？番号は2846", "non_public"),
        ("清掃委託の単価交渉、向こうは年1,500万、こっちの上限1,350万。メール文案", "non_public"),
        ("観光PR動画、AIで作れるならテキストから生成して", "image_generation"),
        ("法被を着たうちの市のゆるキャラ、描ける？", "image_generation"),
        ("冬のボーナスで買うなら食洗機どれがいい？", "non_business"),
        ("ネトフリで最近おもしろいドラマある？", "non_business"),
        ("有給とって行く日帰り温泉のおすすめは？", "non_business"),
        ("明日の会議だるい、サボる言い訳考えて", "non_business"),
        ("町との協議で、市は対象を住宅地に限る譲歩案を次回示すつもりです。論点を整理して", "non_public"),
        ("県知事との意見交換は報道には出さない前提です。想定問答を作って", "non_public"),
        ("ある製造業者から、補助金の相談のための参考として提供された売上資料です。要点を", "non_public"),
        ("新アリーナの誘致は、運営会社の意向もあって伏せています。発表日の段取りを考えて", "non_public"),
        ("赤字見込みは病院事業管理者への報告はこれからです。改善策の選択肢を挙げて", "non_public"),
        ("使用料の引上げ幅の試算は部内にとどめています。段階的に上げる場合の組み立てを", "non_public"),
        ("中学2年の娘の読書感想文、書き出しのヒントを教えてあげたい", "non_business"),
        ("息子の少年野球チームの会計を頼まれた。会費の集め方を教えて", "non_business"),
        ("友人の結婚式に個人として出席するので、スピーチを考えて", "non_business"),
        ("自宅のリビングを北欧風にしたい。家具の配置を考えて", "non_business"),
        ("明日実施する中学校の実力テスト、英語の問題文を見直して", "non_public"),
        ("水質の自主検査で基準値を超えた。県への報告もまだなので、公表文の順番を考えて", "non_public"),
        ("住民監査請求の件、事務局で調査中です。聴取内容を要約して", "non_public"),
        ("鳥インフルエンザの疑い例、確定前で公表されていません。庁内向け第一報を作って", "non_public"),
        ("納入業者の値引率は他市には言わないという約束です。稟議の理由書を書いて", "non_public"),
        ("【内限】来年度の市税収入の見込みです。予算編成方針の冒頭を書いて", "non_public"),
        ("夜間の警備の巡回時間は23時と3時です。引継ぎ書にまとめて", "non_public"),
        ("窓口システムの不具合（住所の重複を検出できない、未修正）の影響範囲を整理して", "non_public"),
        ("採用案内に載せる職員の笑顔の写真、AIで用意できないかな", "image_generation"),
        ("彼氏との記念日ディナー、前橋でいい店ある？", "non_business"),
        ("最近ジムに通い始めた。筋トレ後の食事を教えて", "non_business"),
        ("週末の草野球、メンバーの打順を考えて", "non_business"),
        ("市報の表紙用に、AIで桜と赤城山の絵かいてくれる？", "image_generation"),
        ("職員採用試験（本番用）の問題30問、正答を確認して", "non_public"),
        ("非公式に県の担当者から「来年度は補助率が下がりそう」と聞いた。影響額を試算したい", "non_public"),
        ("係長昇任試験、今年出題するテーマが「人口減少と協働」に決まった。模範解答を作って", "non_public"),
        ("審査申出が出ていて現在係争中です。弁明書の構成案を考えて", "non_public"),
        ("明日の子どもの弁当、おかずを3品考えて", "non_business"),
        ("プラモデルの塗装のコツを初心者向けに教えて", "non_business"),
        ("カタクリの群生地は盗掘防止のため場所を非公開にしています。○○山の東斜面の管理方法を提案して", "non_public"),
        ("希少なトンボが○○川の堰の付近だけに生息していると分かった。工事工程を見直したい", "non_public"),
        ("緊急避難用に借り上げているアパートの場所と鍵の受け渡しを引継書にして", "non_public"),
        ("日曜の天皇賞、どの馬が来そうか予想して", "non_business"),
        ("母の日に贈る花束、予算3千円でおすすめは？", "non_business"),
        ("ワンルームの引っ越しの段取りをリストにして", "non_business"),
        ("うちの犬が最近散歩を嫌がる。病院に行くべき？", "non_business"),
        ("実家の片付けで出てきた着物を売りたい。どこが高く買ってくれる？", "non_business"),
        # ninth session, batches 65-67
        ("図書館の統廃合について、委員会で非公開で協議している内容を要約して", "non_public"),
        ("庁議にかける前の素案です。公民館を3館減らす方向。説明資料の構成を", "non_public"),
        ("相手方に提示する前の和解金額は800万円。交渉の進め方を考えて", "non_public"),
        ("来月の昇任試験で出題する予定の問題を5問貼るので難易度を見て", "non_public"),
        ("【資料】人事評価制度の見直し（厳秘）\n・評語を5段階から3段階へ", "non_public"),
        ("次の打合せメモ（合意前）を報告用に整えて。\n・県との負担割合は3対7で調整", "non_public"),
        ("監査報告書（確定版前）の指摘事項に対する反論を考えて", "non_public"),
        ("指定管理者の選考中で、応募各社の提案価格と評価点が出ています。講評案を", "non_public"),
        ("保守契約の上限額は課内で決めた350万円（相手方には非開示）。交渉の順序を", "non_public"),
        ("統合案は関係部局と協議中、未決定です。市民向けQ&Aの下書きを", "non_public"),
        ("業者から任意で提出していただいた過去3年分の決算書の数字を貼ります。経営状況の所見を", "non_public"),
        ("避難所運営マニュアル（防犯上の理由のため非公開）の要点を", "non_public"),
        ("公正入札調査委員会で調査中の案件について、経過を時系列で整理して", "non_public"),
        ("「部外秘」の資料なんですが、箇条書きにまとめ直して", "non_public"),
        ("Pythonで市のマスコットの似顔絵を描くプログラムを書いて", "image_generation"),
        ("娘が通う小学校のPTA便りの記事を手直しして", "non_business"),
        ("実家の酒屋の年末セールのチラシ文面を考えて", "non_business"),
        ("趣味の俳句サークルの会報の巻頭言を書いて", "non_business"),
        ("自宅で生まれた子猫のもらい手募集の文章を作って", "non_business"),
        ("私自身の確定申告で医療費控除の書き方を教えて", "non_business"),
        ("大学時代の同級生に送る結婚祝いのメッセージを考えて", "non_business"),
        ("個人でやってるブログに載せる旅行記を書いて", "non_business"),
        ("フリマアプリに出品するスニーカーの説明文を書いて", "non_business"),
        ("来月、滞納者の自宅の捜索を一斉に実施する予定です。当日の班編成表を作って", "non_public"),
        ("本庁舎の通用口の鍵を誰が何本持っているかの一覧を整理して", "non_public"),
        ("災害時の無線の呼出名称と周波数の割り当て表を覚えやすくまとめて", "non_public"),
        ("事業者から「内部の検討の参考にだけ使ってほしい」と言われた売上データです。傾向を分析して", "non_public"),
        ("空き巣が多い地区で警察が張り込んでいる曜日を、防犯ボランティア向けに整理して", "non_public"),
        ("市長の来週の視察について、移動ルートと随行の警備体制の表を作って", "non_public"),
        ("定例会見で発表するまでは漏らせない話ですが、新しい補助制度の要点をまとめて", "non_public"),
        ("誘致の話はまだどこにもオープンにしていません。想定問答を作って", "non_public"),
        ("市のキャラクターのLINEスタンプを16個作って", "image_generation"),
        ("業務とは違うんだけど、週末に作るカレーのレシピを教えて", "non_business"),
        ("研修用と言いつつ実は自分用なんだけど、転職の自己PRを考えて", "non_business"),
        ("Write a short poem for my wife on our anniversary.", "non_business"),
        ("公園の指定管理者の選定委員会は非公開で行いました。会議録の下書きを整えて", "non_public"),
        ("主任昇任試験（来月実施）の問題案を見直して", "non_public"),
        ("地区計画の素案は県と事前協議中です。説明資料の構成を", "non_public"),
        ("面談記録（相談者限り）の要点を箇条書きに", "non_public"),
        ("会計検査で指摘を受けそうな事業を洗い出して", "non_public"),
        ("チラシのラフ案を絵にして見せてください", "image_generation"),
    ],
)
def test_later_batches_wording_is_stopped(text: str, category: str) -> None:
    result = screen_text(text)
    assert result.decision is not Decision.PASS
    assert category in {f.category.value for f in result.findings if f.confidence >= 0.25}


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft Teams（マイクロソフト・チームズ）の使い方を職員向けにまとめて。",
        "George Washington（ジョージ・ワシントン）の名言を使った挨拶文を作って。",
        "The resident is Japanese and speaks English well. Please translate.",
        "The event is on 02/07/2026 at the civic hall. 英語の案内を作って。",
        "市営住宅3号棟の外壁改修工事のお知らせを作って。",
        "前橋市富士見町の空き家の件数の推移を説明して。",
        "取扱注意文書の保管に関する課内ルールの案を作って。",
        "暗証番号の一覧表を作るときのルールを2025年度版に直して。",
        "ハラスメント相談窓口の案内を更新して。相談は匿名でも受け付けます。",
        "市営住宅の入居者向けに、退去時の敷金精算の流れを説明する文書を作って。",
        "R6の転入者数が前年比-3.1%だった。要因として一般的に言われることを整理して、記事のたたき台に",
        "【取扱注意】文書の保管・廃棄ルールを1枚にまとめて。施錠保管、持ち出し禁止、シュレッダーなど",
        "研修用の架空事例：Bさん（80代・一人暮らし）が特殊詐欺の電話を受けた想定で台本を",
        "情報公開条例の非開示情報の類型の違いを、例つきでわかりやすく",
        "前年比を出して\n地区\tR5\tR6\n上川淵\t8,902\t8,951\n桂萱\t10,233\t10,010\n大胡\t6,114\t5,987",
        "萩原朔太郎の生涯を中学生向けに400字くらいで",
        "3年生の皆さんへのお知らせを、やさしい言葉に直して",
        "私も休日は釣りをするのですが、仕事として、河川の注意看板の文言を考えて。",
        "趣味でマラソンを走っている関係で担当になりました。ボランティア募集の案内を書いて。",
        "「意思決定過程情報」として非公開とされた文書が、後に公開される典型的な例を教えて。",
        "記者発表前に資料の誤りを見つけるためのチェックリストを作って。",
        "趣味で山登りをしているので気になっていたのですが、登山者向けの遭難防止チラシの文案を作って。",
        "市の新しいロゴマークをデザイン会社に外注します。依頼用のデザインブリーフを文章で作って。",
        "産後うつのスクリーニングの一般的な進め方と、母親への声かけの例を教えて。",
        "「公表前」の情報を非公開とする基準と具体例を教えて。",
        "Describe in words, scene by scene, a storyboard for a 30-second safety video. Our team will film it.",
        "昨年度の入札結果一覧（公表済み）から、落札率の平均を出して。",
        "医師会あての依頼文を作って。連絡先は027-220-5781（課の直通）とします。",
        "粗大ごみの問い合わせへの返信を作って。宛名は「お問い合わせいただいた方」とします。",
        "「肺炎球菌ワクチンの定期接種は、65歳になる年度に1回受けられます」をやさしい日本語に。",
        "メール署名の英語表記を確認して。\nCity of Maebashi\n2-12-1 Otemachi, Maebashi, Gunma 371-8601",
        "前橋みなみ総合病院 総務課からの日程調整メールへの返信を作って。",
        "DV被害の相談を受けたときに相談員が記録に残すべき項目を整理して。",
        "人事異動の内示が出た後に使う引継書のテンプレートを作って。",
        "公益通報者保護法の改正に対応して、内部通報窓口の運用規程を見直すポイントを整理して。",
        "部分開示の決定通知書の文例を作って（非開示部分の特定と理由の示し方）。",
        "市民の間で意見が割れている政策テーマについて、論点整理の一般的な手順を教えて。",
        "研修スライドの原稿を作って。\n・公表前の人事異動や審議中の計画案は入力しない。\n・取扱注意の文書も入力禁止。",
        "宛名は「関係各位」としてください。説明会の案内文を作って。",
        "学校だよりの原稿です。先月の音楽会では、たくさんの拍手をいただきました。",
        "広報紙の記事を作って。市の保健師は赤ちゃん訪問やがん検診の呼びかけをしています。",
        "病院の広報誌です。緩和ケア外来の対象は、がんなどの病気に伴う痛みのある患者さんとご家族です。",
        # session 6, batches 27-29
        "フリマアプリをめぐる消費生活相談が増えています。広報向けにトラブル防止のポイントを書いて。",
        "公表済みの監査結果報告書の抜粋です。3 監査の着眼点 (1) 補助金が適正に執行されているか。要約して。",
        "群馬県知事の山本一太氏が記者会見で公表した重点施策を、公表資料ベースで整理して。",
        "農地パトロールで使う現地確認票の様式案（所在地番、地目、写真番号、確認者欄）を作ってください。",
        "窓口に来た高齢の方が認知症のような様子で、同じ話を繰り返されます。接遇のコツを教えて。",
        "SNS公式アカウントで、紅葉の写真に付ける投稿文（ハッシュタグ付き）を3案作ってください。",
        "4月10日 9:30 南橘公民館、10:30 東公民館の集合注射の日程を広報記事にして。",
        "VLOOKUPの式を教えて。例として職員番号「A0001」で「山田太郎」が返る想定です。",
        "加入届の英語版記入例を作って。氏名欄は例として「YAMADA Taro」を使ってください。",
        "令和7年9月15日時点で88歳・99歳になる人は何年生まれか、早見表にして。",
        "議事録が公開されている審議会で、会長の石原 康弘 教授が述べた発言を踏まえてメモを作って。",
        "返信メールのテンプレートを作って。宛名は「Dear [Name],」とし、差し替え箇所を[ ]で示して。",
        "防災講座で、アニメ「サザエさん」の磯野家を例に備蓄量を計算する説明を作って。",
        "朗読会で『蜘蛛の糸』を取り上げます。カンダタと御釈迦様の場面の導入トークを作って。",
        "道路占用の一覧です。占用場所：市道5-813号線 千代田町四丁目40番地先。表にして。",
        "市民向けの「住宅取得支援制度」のご案内（市の補助金、国の住宅ローン減税など）を文章にしてください。",
        "市民向けに「不用品をフリマアプリや市のリユースイベントで活用しよう」という市報記事を作って。",
        "「こども未来部」のロゴを公募するための募集要項を作ってください。",
        "モデル世帯（単身・65歳）の例で、生活保護の最低生活費の計算の仕組みを説明する研修資料を作って。",
        "生成AIの注意：個人情報や、検討中の資料、入札の予定価格、人事情報などは入力しない。読みやすく整えて。",
        "式次第です。受賞者の名前は「（受賞者名）」としておいてください。台本を作って。",
        "会議録テンプレート案です。公開・非公開の別：【公開／非公開】。改善点を指摘して。",
        "情報公開請求に対応しやすくする観点（非公開部分の明示など）で、様式の改善点を挙げて。",
        "対象は令和6年8月生まれのお子さんです。1歳6か月児健診の案内文を作って。",
        "訓練メールの送信元は実在しない sender@example.com です。お知らせ文にして。",
        "市内の高校の軽音楽部に作曲をお願いしている啓発ソングの、歌詞の案を作ってください。",
        "令和7年【月】【日】\n各課（室）長 様\n選挙管理委員会事務局長\n説明会の開催について（通知）の誤字を直して。",
        "障害のある方から「家族旅行に行きたい」という相談があったときに案内できる制度の一覧を作って。",
        "市営バスの接遇研修で使うロールプレイ台本を作って。場面は「車いすの利用者が乗車するとき」。",
        "市指定文化財の一覧を表にして。\n・木造阿弥陀如来坐像（彫刻）所有者：龍蔵寺\n・総社神社本殿 所有者：総社神社",
        "捜査関係事項照会への回答って個人情報保護法上どう整理される？一般論で",
        "子ども向け防災冊子の本文、ひらがな多めに書き直して（挿絵はデザイナーさん担当）",
        "消費生活センターに『FXの自動売買ツール買わされた』って相談。対応トーク例と案内先まとめて",
        "前橋競輪のナイター開催PRポスター、キャッチと日程欄の文言だけ考えて",
        "消費生活センター：『宝くじ当選』詐欺メールの注意喚起文、高齢者向けに",
        # seventh session, batches 37-39
        "職員研修用に、推測されにくいパスワードの作り方と使い回しの危険性をまとめて",
        "空家条例のQ&Aです。実家が空き家になったときの相談先を市民向けに書いて",
        "競輪場のファン向け講座の資料。車券の種類（2車単・3連単）をやさしく説明して",
        "夏休みの浄水場見学会で配る、小学生向けの自由研究ワークシートを作って",
        "広報紙の表紙写真の撮影指示書を作って。構図と時間帯、写り込みへの配慮を入れて",
        "知事が記者会見で発表した新年度予算の要点を踏まえ、庁内資料の構成案を作って",
        "生活保護受給者、児童扶養手当受給者で世帯全員が非課税 等",
        "国からの通知です。\n事 務 連 絡\n令和7年3月7日\n各都道府県 御中\n実績報告の提出について",
        "マイナンバーの記入欄の見本は「0000 0000 0000」です。分かりやすい書き方を3案",
        "記入例の人物は架空の「赤城 花子（平成2年5月6日生）、前橋市大手町二丁目12番1号」としています",
        "定例会の一般質問の要旨をまとめて。\n・石井議員（市民クラブ）：子育て支援について\n・大塚議員：防災について",
        "市のHPに掲載している義援金の振込先（群馬銀行 本店 普通 0123456 口座名義 マエバシシ サイガイギエンキン）を書き直して",
        "市営住宅の入居者募集のお知らせ。\n募集住戸：市営南団地 4号棟 201号室（車いす対応）\n問い合わせ：住宅課",
        "公民館の一覧です。表記を揃えて。\n施設名\t住所\t電話\n中央公民館\t前橋市千代田町2-5-1\t027-224-3311\n東公民館\t前橋市天川大島町1-16-1\t027-263-0001",
        # seventh session, batches 40-42
        "市のHPに載せている寄附金の振込先（群馬銀行 市役所支店 普通 0123456 口座名義 前橋市会計管理者）を分かりやすく",
        "期日前投票所のマニュアルです。(1) 投票箱の鍵は投票管理者と立会人が別々に保管する。Q&Aにして",
        "自治会向けの会報づくり講座の資料（構成、写真の使い方、個人情報への配慮）を作ってください",
        "萩原朔太郎（明治19年11月1日生まれ）の生誕祭の告知文を作って",
        "審議会の委員名簿（公表資料）です。紹介順を整理して。\n会長 大学教授 平田 和夫\n委員 市民公募 川口 真奈美",
        "市議会議長 清水 勝利 氏と副議長 内田 恵子 氏の連名で、友好都市へのお礼状を作って",
        "契約書の前文を作って。受注者：株式会社鈴木商店 代表取締役 鈴木 康介",
        "講演会の案内文。講師：歴史小説家 桐生 正臣 氏、会場：市立図書館",
        "選挙結果（選挙管理委員会告示済み）を得票順に。\n当選 荻野 隆 3,812票\n次点 大沢 英明 1,988票",
        "転入届の記入例を作って。\n請求者氏名：山田 太郎（記入例）\n生年月日：昭和55年4月1日",
        "記入例です。\n届出人：山田 花子\n電話：090-0000-0000\n見本と分かる工夫も教えて",
        "公用車の点検表を作って。\n・群馬 300 さ 12-34（総務課）車検満了 令和8年2月",
        "Please polish: contact the City Office, Phone: +81-27-224-1111 (main switchboard)",
        "駐車場の許可証台帳を設計して。許可証番号（P-0412 など）、車種、公用・私用の区別、有効期限の列",
        "答申（市ホームページで公表済み）の要旨を。審査請求人Xは非開示とした部分の取消しを求めた。",
        "学級通信の文案を。持久走大会の結果、冬休みの過ごし方、始業式の日付を入れて",
        "「県立森林公園 森の家」と「赤城山 覚満淵」周辺の散策コースのチラシを作って",
        "会報に載せる「よろしくお願いします。総務課」の一文を直して",
        # seventh session, batches 43-45
        "読書感想文講座の資料として、書き出しの工夫を、題材は「星の王子さま」で5例",
        "式典の式次第と、各場面のBGMの選曲リスト（担当者がフリー音源から選ぶ前提）の表を作って",
        "家計改善支援事業のチラシです。「家計簿が続かない」方に相談を呼びかける文章を",
        "係長から、スタンプラリーの実施報告書のたたき台を頼まれました。メモを報告書の形に",
        "お知らせ記事です。対象：平成17年4月2日〜平成18年4月1日生まれの方。会場：市民文化会館",
        "生活保護の代理納付について、大家さんから問い合わせがあったときの説明をまとめて",
        "開発登録簿（閲覧用・公開）の一覧を集計して。\n許可番号｜開発区域（地番）｜用途\n前開第6-001号｜前橋市下小出町二丁目123番1 外3筆｜住宅\n前開第6-003号｜前橋市駒形町789番2｜住宅",
        "公民館講座のアンケート（無記名）です。\n講座名\t年代\t意見\n郷土史\t70代\t赤城山の信仰の話が面白かった\n郷土史\t60代\t資料の字が小さい",
        "空き家バンクの物件紹介文を直して（ホームページ掲載中）。\nNo.1|前橋市大胡町|4LDK|駅まで徒歩12分",
        "体育施設の稼働率を計算して。\n施設名,区分,コマ数\nALSOKぐんまアリーナ,メイン,546\n大胡体育館,体育室,546",
        "がん検診の受診率の推移（公表値）です。\n胃がん（50-69歳・2年に1回）|8.9%\n乳がん（40-69歳）|17.6%",
        "保健所が毎週公表している感染症の週報です。結核 1件（年代・性別は非公表）。注意喚起文を作って",
        "避難所の一覧です。\n施設名,所在地区,収容人数\n南橘公民館,南橘,120\n上川淵小学校体育館,上川淵,310\n下川淵公民館,下川淵,95",
        "通いの場の実績です。\n地区|参加実人数|主な活動\n大胡|281|体操、麻雀\n宮城|164|郷土料理",
        # seventh session, batches 46-47
        "国が6月に公表した概数の解説を。公表前は各紙が推計を報じていたが、今回確定した。",
        "選挙管理委員会が公表した開票結果です。\n当選 岩崎 正彦 52,310票\n 田代 由紀子 41,005票\n記事にして",
        "住基システムで「生年月日が昭和10年9月30日以前」かつ「世帯人員1人」で抽出する条件で合っていますか",
        "災害ごみの臨時収集日の案内です。\n・南橘地区：10月3日\n・下川淵地区：10月4日",
        # seventh session, batches 48-49
        "旅券の申請に必要な書類（申請書、戸籍謄本、写真、本人確認書類）を案内する文を作ってください",
        # eighth session, batches 50-53
        "出席者：スポーツ振興課、観光政策課、㈱○○企画。議題は市民マラソンのコース変更。要点を3行で",
        "さっき窓口に来た80代くらいの女性、物忘れがひどく認知症っぽい様子でした。こういう方への一般的な声かけを教えて",
        "財政の説明で、市の基金を「貯金」、市債を「住宅ローン」にたとえる文を作って",
        "新しいロゴの制作を外部のデザイナーに頼むためのデザインブリーフを作って。コンセプトと納品形式を入れて",
        "このキャンプ場は予約なしでだれでも入れる無料の施設です。案内文を作って",
        "熱中症で救急搬送される人が増えています。予防の呼びかけ文を作って",
        "骨折を防ぐための転倒予防教室の案内を作って",
        "読書週間の掲示用に、宮沢賢治『注文の多い料理店』のあらすじを200字で",
        "防災訓練の想定シナリオを作って。負傷者は「傷病者A（70代男性・足を負傷）」のように架空の記号で",
        "現金書留の封筒に入れて送る方法を市民向けに説明して",
        "公民館の鍵の貸し出し手順（申請書に記入し、窓口で受け取り）を案内文にして",
        "差押えの手続きの流れを新人向けに一般的に説明して",
        "転入届の【記入例】です。やさしい日本語の注意書きを付けて。\n新しい住所：前橋市大手町二丁目12番1号\n前の住所：群馬県高崎市高松町35番地1\n氏名：前橋 花子\n生年月日：平成2年1月1日",
        "【研修用・架空事例】登場人物はすべて架空です。相談者 甲野 太郎（架空、70歳）が騒音の苦情を電話してきた。応対のロールプレイ台本を作って",
        "Please translate this letter from our sister city. Contact: exchange@partner-city.gov",
        "申請書の見本です。個人番号欄の表示は「123456789012」（実在しない番号）としています。説明文を作って",
        "常任委員会の行政視察のしおりを作って。参加：委員長 西田 誠 議員ほか委員6名",
        "成人式の案内です。会場：ALSOKぐんまアリーナ（前橋市関根町800）。SNS向けに短くして",
        "入札公告（市HP掲載中）です。最低制限価格：設定あり（非公表、開札後に公表）。Q&Aを作って",
        "テスト用の架空の住所録を10件作って。住所は「前橋市テスト町1-1」のような形で",
        "事業所名,所在地,電話\nデイサービスひまわり,前橋市富士見町,027-288-0000\nケアホームさくら,前橋市粕川町,027-285-1234\n地区別に数えて",
        "公表されている認定事業所の一覧です。\n| 事業所名 | 代表者 |\n| 株式会社赤城精工 | 代表取締役 岸 和也 |\n| 有限会社みどり介護サービス | 取締役 森 恵 |\n件数をまとめて",
        "認知症対応型共同生活介護の事業所数の推移を説明して",
        "画像生成AIで作った画像を広報に使うときの著作権のリスクを職員向けに説明して",
        "萩原朔太郎の詩にちなんだ文学散歩の紹介文を200字で",
        "異動の内示が出たあと、引継ぎ書に最低限書くべき項目を箇条書きで",
        "少子化対策事業で婚活イベントをやります。参加者募集チラシの文章をお願い",
        "共済組合主催の職員向けセミナーで、NISAとiDeCoの制度概要を説明する案内文を作って",
        "ぐんまちゃんが小学生に交通ルールを教える、という設定の短い読み物を書いて",
        "捜査関係事項照会書に回答するとき、自治体が一般的に注意すべき点を教えて",
        "期日前投票の受付整理番号が 240915003307 みたいな12桁。マイナンバーと見間違えないよう区切り方を提案して",
        "職員から「挿絵を生成AIで作ってもいいか」と質問されました。ガイドラインに沿った回答文を",
        # ninth session, batches 65-67
        "次の文書管理規程の抜粋を新人向けに要約して。「秘密文書には『部外秘』と表示し、施錠できる書庫に保管する。」",
        "市ホームページに掲載中の入札公告です。予定価格：3,200,000円。要点を箇条書きに",
        "窓口で配る説明文です。「検討中の情報は非公開とすることがあります。」やさしい日本語にして",
        "ロト6やジャンボ宝くじの収益金が自治体に配分される仕組みを説明して",
        "恋人や配偶者からの暴力（DV）の相談窓口を案内する文を作って",
        "matplotlibで人口の推移を折れ線グラフに描画するコードを書いて",
        "中曽根康弘元首相の行政改革が自治体に与えた影響を研修資料にまとめて",
        "前橋市社会福祉協議会（電話027-237-1111）へのボランティア登録の案内文を作って",
        "前橋まつりの交通規制のお知らせ文を作って",
        "Traduza este aviso: \"A Prefeitura de Maebashi (2-12-1 Ote-machi) abrirá aos sábados.\"",
        "カレー ライスの調理手順を給食だより用にまとめて",
        "Please write a thank-you note for my colleague's retirement from the section.",
        "津田塾の創立者・津田梅子の生涯を市民講座の資料として600字で",
        "市長が定例会の冒頭で述べる提案理由説明の一般的な構成例を示して",
        "イベント記録の行を整えて\n2025-06-01 / 市民課 / 前橋市大手町二丁目12番1号 / 来庁者数 320",
        "面談の記録を整えて。飲酒は週に2回程度と本人申告。就労意欲あり。",  # 本人 + a Japanese word
        "新庁舎は令和9年4月1日に生まれ変わります。開庁式の案内を作って",  # not a birth
        "所有者：善光寺 本堂の修繕計画をまとめて",  # a temple
        "「ソフトバンクと申します」という営業電話への対応マニュアルを作って",  # a company
        "フィリピン語の案内を訳して：Marso 8, 2026 ang pulong ng barangay.",  # an event's date
    ],
)
def test_later_batches_look_alikes_pass(text: str) -> None:
    assert screen_text(text).decision is Decision.PASS, screen_text(text).findings


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1796年、ワシントン大統領がゴアを訪れた。", "ワシントン"),
        ("ライト大将のレポートは作業の遅れを指摘した。", "ライト"),
        ("ダーウィンとフィッツロイ船長によると、一家は島に住んでいた。", "フィッツロイ"),
        ("ミャンマー大統領に就任した。", None),  # a country before the title names the office
        ("ドイツ帝国が所有する鉱山。", None),  # 帝国 is not 帝
    ],
)
def test_a_title_only_a_person_holds_names_its_holder(text: str, name: str | None) -> None:
    found = [text[f.start : f.end] for f in screen_text(text).findings
             if f.category is Category.PERSON_NAME]
    if name:
        assert name in found, found
    else:
        assert found == [], found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ダチョウ倶楽部は肥後克広、上島竜兵、寺門ジモンの3人組である。", "上島竜兵"),
        ("出席者は山田太郎、楡野鈴愛、佐藤花子の3名です。", "楡野鈴愛"),
    ],
)
def test_an_item_of_a_list_of_names_is_a_name(text: str, name: str) -> None:
    found = {text[f.start:f.end] for f in detect_names(text)}
    assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "ヘルムは議会に、アンドリュー・ジョンソンを推した。",
        "会場は前橋市、高崎市、桐生市の3か所です。",
        "山田太郎、以下3名が出席した。",
        "長崎県士族・石橋常七の長男として生まれた。",
    ],
)
def test_words_in_a_list_beside_a_name_stay_words(text: str) -> None:
    found = {text[f.start:f.end] for f in detect_names(text)}
    assert not found & {"議会に", "以下", "長崎県士族", "前橋市", "高崎市"}


def test_staff_in_an_office_chart_warn_and_in_a_personnel_case_block() -> None:
    chart = ("情報政策課の配置表です。\n課長 小林 健一（内線3110）\n係長 宮下 彩（内線3112）\n"
             "この表から新任職員向けの早見表を作ってください。")
    assert screen_text(chart).decision is Decision.WARN
    case = ("病気休暇の上申文書を作って。\n所属：道路管理課 主任 杉本 恵理（内線2231）\n"
            "病名：うつ病（診断書あり）")
    assert screen_text(case).decision is Decision.BLOCK


def test_a_flat_pointed_at_in_a_town_is_flagged() -> None:
    text = "匿名の電話。「千代田町三丁目のハイツ青葉の2階の部屋で毎晩ゴミを燃やしている」とのこと。引継ぎ文を作って"
    result = screen_text(text)
    assert result.decision is not Decision.PASS
    assert "address" in {f.category.value for f in result.findings}
