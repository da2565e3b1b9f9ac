"""Forbidden requests: image / video / music / voice generation (3(4)), private use (3(3))."""
from __future__ import annotations

import re

from screening.detectors.context import fast_compile, quoted_exactly, sentence
from screening.detectors.normalize import normalize
from screening.types import Category, Finding

_MEDIA = (
    r"(?:写真(?:風|っぽい)?の?|イメージ|ポスター|バナー|アイキャッチ|挿絵|表紙|キャラクター|ロゴ|"
    r"ナレーション|アナウンス|読み上げ)?"
    r"(?:画像|イラスト|似顔絵|絵|写真|動画|映像|ムービー|アニメーション|アニメ|ロゴ|アイコン|"
    r"BGM|音楽|楽曲|曲|ジングル|音声(?:ファイル|データ)?|CG|アバター|壁紙|スタンプ|"
    r"イメージ図|完成予想図|完成図|パース|デザイン画|三面図|漫画|マンガ|4コマ|音源|歌声|"
    r"背景画像|クリップ|ピクトグラム|SVG|合成音声|ソング|3D(?:モデル|データ|CG)|インフォグラフィック|ビジュアル|"
    r"復元図|復元画|想像図|線画|ぬりえ|塗り絵|鳥瞰図|パース図|イメソン)"
)
# The media noun, at most 14 characters of the same clause, then a request to make it.
_GENERATE = fast_compile(
    rf"{_MEDIA}[^。!?\n「」]{{0,24}}?"
    r"(?:[をも]?(?:生成|作成|作曲|描画|出力|合成|デザイン)(?:して|し|を|する|でき)?|を?(?:作|つく)(?:って|れ)|"
    r"を?描いて|を?出して|に(?:して|でき)|で(?:作って|出して)|を?(?:作|つく)りたい|を?(?:出せ|作れ|描け)(?=る?\?|ます(?:か)?\?)|"
    r"を?(?:作|つく)る(?:こと)?(?:は|が|って)?(?:でき|可能))"
    r"(?:ください|ほしい|欲しい|もらえ|いただ|くれ|お願い|下さい|ますか|たい|る?\?|。|$|\s|、|!|↓|→|:|貼り付け|添付|つけ|付け)"
    # 表紙に合う挿絵を用意して: a drawn picture to be supplied
    r"|(?:挿絵|イラスト|イメージ画像|カット絵)を用意して"
    # 絵で3パターン見せて
    r"|(?:絵|イラスト|画像)で[^。\n]{0,8}(?:見せて|描いて|出して)"
    # スタンプ画像を8種類お願いします; ピクトグラム風のアイコンを8種類（燃やせるごみ、…）作成して;
    # インフルエンザ予防のアニメを15秒で (one alternative: each that opens with the media
    # nouns is tried at every character)
    rf"|{_MEDIA}を?(?:\d+|[一二三四五六七八九十]+)(?:"
    r"(?:種類|枚|点|パターン|案|カット)(?:ほど|くらい|ずつ)?(?:お願い|ください|ほしい|欲しい)"
    r"|(?:種類|枚|点|パターン|案)(?:[（(][^）)\n]{0,80}[）)])?(?:作成|作って|生成|描いて|デザインして)"
    r"|(?:秒|分)(?:くらい|程度|ほど)?で)"
    r"|作曲して|音声合成|合成音声で|声に似せ|声を学習|本人の声で|画像生成AIで(?:作って|作成して|生成して|描いて)"
    r"|(?:AI|ＡＩ)で(?:描き起こ|描いて|イラスト化|画像化|動画化)"
    r"|(?:LINE)?スタンプ[^。\n]{0,40}?(?:デザインして|作って|作成して)"
    r"|(?:絵|イラスト|漫画|マンガ|ピクトグラム|図|SVG|アイコン|ロゴ)(?:を|まで|も|で)描いて"
    # 写真っぽいリアルな一枚をお願いします: a picture asked for by the sheet
    r"|(?:写真|絵|イラスト|絵画|水彩画?|油絵|手描き|線画|CG)(?:っぽい|風の?|みたいな|のような)[^。\n]{0,10}"
    r"(?:一枚|1枚|何枚か|数枚)(?:を)?(?:お願い|ください|ほしい|欲しい|作って|出して|入れたい|ちょうだい)"
    # batch 36, hurried: 動画ほしい, 読み上げたmp3にして, SNSバナー 1200×630で, 背景自然に埋めといて
    rf"|{_MEDIA}(?:が|を)?(?:ほしい|欲しい|ちょうだい)"
    r"|(?:声|音声)で読み上げた(?:mp3|MP3|wav|WAV|音声(?:ファイル|データ)?)(?:にして|で)?|(?:mp3|MP3|音声ファイル)にして"
    r"|(?:バナー|アイキャッチ|サムネ(?:イル)?|アイコン|ロゴ|ポスター|画像)[^。\n]{0,6}\d{2,4}\s?[×xX]\s?\d{2,4}"
    # batch 34: the finish, the format, the length or the pose count says a picture or a clip
    r"|(?:色合い|タッチ|雰囲気|テイスト|画風)で(?:[0-9一二三]枚|一枚)(?:お願い|ください|作って)"
    r"|(?:写真|実写)(?:みたいな|のような|っぽい)[^。\n]{0,10}(?:仕上がり|感じ|質感)で(?:頼|お願い|作って|ください)"
    r"|(?:完成)?イメージ(?:図)?を?(?:[0-9]+|[一二三四五])(?:パターン|案|種類)(?:見せて|出して|作って|お願い)"
    r"|(?:透過PNG|PNG|JPEG|JPG|GIF|mp3|MP3|mp4|MP4|wav|WAV)(?:形式|ファイル|データ)?で(?:ください|ほしい|欲しい|お願い|出して|作って|もらえ)"
    r"|(?:メロディー?|伴奏)(?:と伴奏)?(?:も|を)(?:つけて|付けて|作って)|再生できる形で"
    r"|ビジュアルで用意して"
    r"|(?:AI|生成AI)で(?:作れる|生成できる|描ける)なら(?:作って|お願い|生成して|描いて)"
    # ラフスケッチみたいな図で示して: a sketch is a drawing
    r"|(?:ラフスケッチ|スケッチ|ラフ画|手描き風)(?:みたいな|風の|のような)?(?:図|絵|もの)?(?:で|を)"
    r"(?:示して|描いて|作って|出して|お願い)"
    # かぼちゃの絵を入れて、配色もレイアウトも全部そちらで仕上げて: the finished piece is asked for
    # 各スライドに内容に合った写真っぽい画像を入れてほしい: pictures to be made for the slides
    r"|(?:合った|っぽい|風の|みたいな|イメージの?)(?:画像|イラスト|写真|絵)を(?:入れて|挿入して|載せて|付けて|つけて)"
    r"(?=ほしい|欲しい|ください|もらえ|くれ)"
    # ナレーションを、AIの音声で作って: a synthetic voice
    r"|(?:AI|合成)の?(?:音声|声)で(?:作って|読み上げ|入れて|吹き込)"
    # 市長の顔と声をAIで再現して…しゃべらせる: a likeness made to speak
    r"|(?:顔|声)(?:と(?:声|顔))?を(?:AI|合成)で(?:再現|作)|(?:AI|合成)で[^。\n]{0,12}(?:しゃべらせ|話させ|喋らせ)"
    # 参考になるラフ画像もつけてください: a picture to go with the text
    r"|(?:ラフ|参考|イメージ)?(?:画像|イラスト|絵)(?:も|を)(?:つけて|付けて|添えて)(?=ください|ほしい|欲しい|もらえ|くれ)"
    r"|(?:絵|イラスト|写真|画像)を入れて(?=[^。\n]{0,30}(?:仕上げて|作って|デザインして))"
    # the look of a printed piece: チラシのデザイン案を作って, 表彰状のデザインをいくつか出して
    r"|(?:チラシ|ポスター|表彰状|賞状|看板|バナー|パンフレット|リーフレット|ステッカー|のぼり旗?|Tシャツ|名刺|"
    r"ラベル|パッケージ|缶バッジ|マグネット)"
    r"の?(?:表紙の)?デザイン(?:の)?(?:案)?(?:を|も)?(?:いくつか|何案か|何パターンか|数パターン|[0-9一二三]案)?"
    r"(?:作|つく|出して|描|見せて)"
)
# Editing a photo or an image is making an image (3(4)).
_EDIT_IMAGE = fast_compile(
    r"(?:写真|画像)[^。\n]{0,24}?(?:加工して|加工した|切り抜いて|切り抜いた|背景を消して|背景を消し|"
    r"(?:イラスト|絵|アニメ|漫画|マンガ)(?:風|調)?に(?:変換して|変えて)|"
    r"消して背景|背景(?:を)?(?:自然に)?埋め|(?:人|写り込み)を消して|"
    # この集合写真の背景の看板を消して、空をもっと青く: retouching
    r"背景の[^。\n]{1,8}を消し|(?:空|色|肌)を[^。\n]{0,6}(?:明るく|青く|白く|鮮やかに)|"
    r"レタッチ|合成して|合成した|修整して|顔を(?:変え|差し替え)|カラー化|着せ替え|差し替えて)"
)
# 写真の使い方、個人情報への配慮）を作って: advice about pictures, in words
_ABOUT_MEDIA = fast_compile(r"の(?:使い方|選び方|撮り方|扱い方?|載せ方|配置)|から選|選曲|の表を|一覧|リスト")
TEXT_OUTPUT = fast_compile(
    r"原稿|文案|文章|台本|シナリオ|構成|説明|コピー|歌詞|企画|仕様|レイアウト|見出し|タイトル案|"
    r"キャプション|テキスト|文言|案内文|手順|方法|ルール|禁止|理由|規程|規則|要領|ひな形|雛形|"
    r"保存期間|マニュアル|字幕|テロップ|代替テキスト|alt|in words|storyboard|script|caption|[Dd]escribe|"
    # 写真番号、確認者欄: a form's fields; 写真に付ける投稿文: the text that goes with a photo
    r"様式|欄|投稿文|紹介文|説明文|文面|ハッシュタグ|要項|公募|募集|"
    # 表紙写真の撮影指示書: instructions for the photographer, who takes the picture
    r"指示書|依頼書|企画書|撮影|する文を|文を(?:作|書)|ブリーフ"
)
_GENERATE_EN = fast_compile(
    r"\b(?:generate|create|make|draw|paint|render|compose|produce|design)\b[^.!?\n]{0,30}?"
    r"\b(?:image|picture|photo|illustration|drawing|logo|icon|video|movie|animation|music|song|map|sticker|comic|"
    r"clip|melody|jingle|voice|audio|visual|cartoon|rendering|mock-?up|avatar|artwork|graphic|soundtrack|"
    r"backing track|3D model)s?\b"
    # イベントのflyer用のillustration、generateしてもらえますか
    r"|(?<![A-Za-z])(?:image|picture|illustration|drawing|logo|icon|video|music|song|jingle)s?(?![A-Za-z])"
    r"[^。.!?\n]{0,10}?(?<![A-Za-z])(?:generate|create|draw|render|compose)",
    re.I,
)

_PRIVATE = fast_compile(
    r"今夜の(?:晩ごはん|晩御飯|夕飯|夕食)|晩ごはん|晩御飯|夕飯の献立|夕食の献立|(?:1週間|一週間)分の(?:夕食|献立)|"
    r"婚活(?:アプリ|サイト|パーティー)?|マッチングアプリ|ラブレター|片思い|告白の|デートプラン|"
    r"恋人|彼氏|彼女への|"
    r"(?:今)?買うべき(?:日本株|米国株|株|銘柄)|おすすめの銘柄|株価予想|NISA|iDeCo|FX|仮想通貨|"
    # betting (a city that runs 競輪 writes about 車券 and 3連単 for its fans: the bet, not the word)
    r"(?:3連単|三連単|2車単|馬券|車券|舟券)(?:の)?(?:買い目|予想|で(?:勝|儲|当て)|を買(?:う|いたい))|"
    r"競馬の[^。、\n]{0,10}予想|(?:競馬|競輪|競艇|ボートレース)[^。\n]{0,12}(?:買い目|予想して|当てたい|勝ちたい)|"
    r"\bdating (?:profile|app)s?\b|"
    r"(?:天皇賞|有馬記念|日本ダービー|菊花賞|皐月賞|桜花賞|宝塚記念|ジャパンカップ|重賞)[^。、\n]{0,6}(?:予想|買い目)|"
    r"転職の志望動機|(?:民間|他社|一般)(?:の)?[^。\n]{0,8}(?:企業|会社)に(?:応募|転職)したい|"
    r"\b[Ff]antasy (?:football|baseball|basketball|league)|宝くじ|(?:年末|サマー|ドリーム)ジャンボ|ロト[67]|パチンコ|パチスロ|"
    r"ポケモン|ランクバトル|ゲームの攻略|ガチャ|ウデマエ|ガチマッチ|ランクマッチ|立ち回りのコツ|"
    r"\b(?:best build|loadout|boss fight)\b|"
    # 義理の母から送られてきたLINE: one's own family's messages
    r"(?<!の)(?:義理の)?(?:母|父|姉|兄|妹|弟|祖母|祖父|叔母|叔父|義母|義父)から(?:送られてきた|届いた|来た)"
    r"[^。\n]{0,6}(?:LINE|メール|手紙)|"
    r"(?:子ども|子供|息子|娘)の(?:小学校|中学校|幼稚園|保育園|学校)で[^。\n]{0,10}(?:PTA|役員)|"
    r"(?:実家の)?(?:母|父|妻|夫|祖母|祖父|両親)に(?:プレゼント|贈り物)(?:したい|する)|"
    r"(?:非番|休み|休日|週末)の日?に(?:息子|娘|子ども|子供|家族|妻|夫|孫)と|"
    r"(?:有給|有休|年休)で[^。\n]{0,10}(?:行く|旅行|帰省)|(?:自宅|家|マンション)の(?:住宅)?ローン|夫婦(?:喧嘩|げんか|ケンカ)|"
    r"(?:自分|私|俺|僕)の(?:軽|車|クルマ|バイク)(?:です|の|を)|(?:町内会|自治会)の(?:班長|役員|当番)(?:が)?回ってきた|"
    # 仕事じゃないんですけど、…: the writer says so
    r"(?:市の|役所の)?仕事(?:じゃ|では)(?:ない|なく)(?:ん)?(?:です)?(?:けど|けれど|が)|"
    r"(?:定年後|退職後)(?:は|に)[^。\n]{0,16}(?:再就職|転職|働きたい)|"
    r"(?:自分|私|うち)が[^。\n]{0,6}(?:家|マイホーム)を(?:建て|買)|"
    r"(?:自治会|町内会|PTA|子ども会)[^。\n]{0,12}(?:自分|私)が|"
    # フリマアプリをめぐる消費生活相談: the subject of consumer advice is not one's own sale
    r"(?:メルカリ(?:に出品)?|ヤフオク|フリマアプリ)(?!をめぐる|に関する|の(?:トラブル|利用|被害|相談)|トラブル|関連)|"
    r"家族で[^。、\n]{0,6}旅行|家族旅行|新婚旅行|"
    r"住宅ローン(?!減税|控除)|ローンの借り換え|"
    r"(?:息子|娘|子ども|子供|妻|夫|孫|甥|姪)の[^。、\n]{0,12}(?:読書感想文|宿題|自由研究|レポート|課題|作文|卒論|"
    r"卒業論文|志望動機|志望理由|エントリーシート|願書|受験|入試)|"
    # 彼女にLINEで送った一言で怒らせちゃった: one's own relationship
    r"(?:彼女|彼氏|恋人|嫁|旦那)(?:に|と|を)[^。\n]{0,16}(?:怒らせ|喧嘩|けんか|ケンカ|仲直り)|"
    # 放送大学で受講している科目のレポート課題: one's own coursework
    r"(?:放送大学|通信制の?大学|大学院)(?:で|の)[^。\n]{0,12}(?:レポート|課題|論文)|"
    # a colleagues' club or one's own neighbourhood association: private, not the city's
    r"(?:職場|職員|課|係|部)(?:の|内の)?有志(?:の|で)?[^。\n]{0,12}(?:大会|サークル|旅行|飲み会|ゴルフ|フットサル|野球|"
    r"マラソン|チーム|会)|"
    r"(?:自分|私|わたし|僕)(?:が|の)(?:住んで(?:い)?る|住む|暮らす)[^。\n]{0,12}(?:自治会|町内会|PTA|子ども会|"
    r"管理組合|マンション|地区の(?:祭り|夏祭り|行事|運動会))|"
    r"(?:読書感想文|宿題|自由研究)を(?:代わりに|代筆)|"
    r"(?:友人|友達|親友|姉|兄|妹|弟|いとこ|同級生)の結婚式(?:の余興)?|結婚式の余興|余興|"
    r"ダイエット中|ダイエット|(?<!公用・)(?<!公用/)(?<!公用、)(?<!公用と)私用(?:で|の)(?!区別)|私的な(?:お願い|用事)|プライベートで|個人的な(?:相談|用事|お願い)|"
    r"趣味で|趣味として|推しの|転職サイト|転職エージェント|(?:今期|今季)?放送中のアニメ|自分の車の車検|"
    r"(?:娘|息子|子ども|子供)の七五三|(?:自分|私)が[^。\n]{0,10}(?:寄附|寄付)(?:できる|するなら|したい)|週末の(?:釣り|ゴルフ|キャンプ)|攻略(?:方法|法)|"
    r"(?:家|自宅)の[^。\n]{0,10}(?:買い替え|購入)|(?:今度|来月)引っ越す|賃貸(?:マンション|アパート)(?:選び|探し)|"
    r"ホームパーティ|スタメンを予想|飼っている(?:犬|猫|柴犬|ペット|[ァ-ヴー]{2,6})|"
    r"(?:自宅|家|うち)の(?:Wi-?Fi|ネット|ルーター|回線|パソコン|PC|プリンター|エアコン|冷蔵庫|洗濯機)|(?:有給|有休|年休|休暇)を(?:取って|使って|取る予定)|(?:ひとりで|一人で)[^。、\n]{0,10}(?:旅行|[0-9一二三四五]泊)|"
    r"(?:叔父|叔母|伯父|伯母|祖父|祖母|両親|親戚|義父|義母|母|父)の(?:還暦|古希|喜寿|米寿|誕生日|法事|法要|結婚式)|"
    r"(?:ネットショップ|フリマ|minne|Creema)で(?:売って|販売して|出品して)|"
    r"\b[Mm]y (?:family|wife|husband|kids?|son|daughter|personal|own|girlfriend|boyfriend|private)\b[^.\n]{0,40}"
    r"\b(?:car|trip|vacation|holiday|wedding|birthday|date|hobby|house|mortgage|investment)s?\b|"
    r"\b(?:birthday|anniversary|wedding|gift|present|vacation|trip|date)\b[^.\n]{0,30}\b(?:for|with) my "
    r"(?:wife|husband|girlfriend|boyfriend|kids?|son|daughter|mom|dad|mother|father|family|partner)\b|"
    r"(?:自分|私|僕|俺)の(?:車|クルマ|スマホ|携帯|パソコン|PC|家|自転車|バイク)を?(?:買い替え|購入|買う)|"
    r"(?:親戚|親族|実家|友人|友達)向けの|"
    r"(?:彼女|彼氏|妻|夫|母|父|息子|娘|子ども|子供|家族|友人|友達)の誕生日|誕生日プレゼント|"
    # 冬休みの過ごし方 in a class newsletter is advice to pupils; one's own weekend is not work
    r"(?:週末|休日|連休|休み)の(?:予定|デート)|(?:私|自分|僕|俺|うち)の(?:週末|休日|連休|休み)の過ごし方|(?:自分|私|僕|俺)の(?:転職|副業|婚活|恋愛)|"
    r"(?:趣味|私生活)の(?:相談|ブログ)"
)


# Private life framed as one's own (3(3)): the speaker or their family, then leisure, their
# own money or tax, their own job hunting, their own social events. The same topics asked
# for citizens or visitors (a tourism PR, a tax-return help desk) are work.
_OWN = r"(?:自分|私|わたし|僕|俺|うち|我が家|(?:うちの|私の)?(?:夫|妻|息子|娘|母|父|家族))"
_PRIVATE_FRAMED = fast_compile(
    rf"(?:{_OWN}の|家族で|家族と|夫婦で)[^。\n]{{0,16}}?"
    r"(?:旅行|旅|温泉|[0-9一二三]泊|キャンプ|バーベキュー|BBQ|ドライブ|レジャー|"
    r"確定申告|医療費控除|ふるさと納税|住宅ローン|転職|志望動機|履歴書|職務経歴書|副業|"
    r"同窓会|飲み会|誕生日|結婚式|趣味)|"
    r"(?:今度の|次の|今週末の|来週末の)?(?:週末|休日|連休|休み|夏休み|お盆休み|年末年始)(?:に|の|は|、)"
    r"[^。\n]{0,12}?(?:旅行|旅|温泉|[0-9一二三]泊|キャンプ|バーベキュー|BBQ|ドライブ|デート|飲み会)|"
    rf"{_OWN}(?:に|へ)(?:渡す|贈る|あげる|送る)[^。\n]{{0,6}}(?:手紙|メッセージ|プレゼント)|結婚記念日|"
    r"(?:自分用|私物|家で使う|自宅用|自宅の|自家用車|マイカー)[^。\n]{0,16}(?:買い替え|購入|おすすめ|選び方)|"
    r"(?:忘年会|新年会|歓送迎会|送別会|親睦会|飲み会)の幹事|(?:年賀状|暑中見舞い)に載せる[^。\n]{0,4}家族|"
    r"(?:職員|職場の?|課の?)有志(?:で|の)[^。\n]{0,12}(?:大会|旅行|飲み会|サークル|部活)|"
    r"(?:同僚|職員)の(?:結婚|出産)(?:祝い|のお祝い)|自宅の(?:リフォーム|改修|新築|建て替え)|"
    r"私事|私的に|(?:引っ越し|引越し)の(?:挨拶|あいさつ)|副業で|(?:私|自分)(?:個人|自身)の(?:こと|用事|問題)(?:です|で)|"
    # one's own shop or landlord: 個人で運営しているネットショップ, 今住んでいるアパートの敷金
    r"個人で(?:運営|経営|やって)している[^。\n]{0,10}(?:ショップ|店|ブログ|チャンネル)|"
    r"(?:今|私が|自分が)住んでいる[^。\n]{0,8}(?:アパート|マンション|部屋|借家)[^。\n]{0,12}"
    r"(?:敷金|退去|家賃|更新料|大家|管理会社)|"
    r"健康診断で[^。\n]{0,24}(?:と言われ|を指摘され)|(?:自分|私|うち)の場合|"
    r"(?:出願します|受験します|編入)[^\n]{0,30}(?:志望理由|志望動機)|"
    r"(?:ボーナス|給料|へそくり)で[^。\n]{0,16}(?:買いたい|購入したい)|麻雀(?:の)?(?:役|点数|何切る|勝ち方|戦術|打ち方)|何切る|"
    r"(?:子ども|子供|息子|娘)の(?:運動会|遠足|入学式|卒業式|発表会)[^\n]{0,40}(?:弁当|服装|写真)|"
    r"うちの[^。\n]{0,8}(?:パーティー|庭|犬|猫|ペット)|自宅の庭|家庭菜園|"
    r"(?:友人|友達|親戚|学生時代の[^。\n]{0,4})(?:に|へ)?(?:向けの|あての|宛ての|宛の|の|に送る|へ送る|に出す)?年賀状|"
    r"ゴルフ(?:の|で)(?:練習|スコア|スイング|スライス|飛距離|上達)|"
    r"(?:友人|友達|家族|彼女|彼氏|妻|夫|恋人)との(?:ゴルフ|旅行|食事|飲み会|デート|キャンプ|釣り)|"
    r"(?<!公用)(?<!庁)車を[^。\n]{0,6}買い替え|合コン|街コン|お見合い|"
    r"(?:今夜|今晩|週末|休日)(?:に)?(?:見る|観る)(?:映画|ドラマ|アニメ)|"
    r"(?:私|自分|僕|俺)の(?:年収|給料|給与|手取り|ボーナス)|"
    r"(?:週末|休日|連休|休み)(?:に|は|の)?[^。\n]{0,20}?(?:釣り|ゴルフ|登山|ライブ|観戦|ハイキング)"
    r"(?:に行|をし|をす|へ行|の予定|する予定)|"
    r"転職(?:を考えて|活動|したい|しようと|先を)|(?:同窓会|同級会|クラス会)"
    r"[^。\n]{0,8}(?:幹事|出欠|案内状|二次会)"
)
# Wordings added from the seventh session's batches, kept apart from the long patterns above:
# a compiled pattern is tried at every character any of its alternatives can start with, so
# alternatives that start at common characters (私, 父, digits) make all the others slower.
_GENERATE_MORE = fast_compile(
    # 3Dモデルを作ってVRで見られるように: the model itself is the thing asked for
    r"3D(?:モデル|データ|CG)を?(?:作|つく)って(?![いおもあ])"
    # 動画生成AI（Soraとか）に入れるプロンプト: the words that make the picture, asked for
    r"|(?:画像|動画|映像|音楽|音声|イラスト)生成(?:AI|ＡＩ|ツール)[^。\n]{0,16}(?:プロンプト|呪文|指示文)"
    r"|(?:Sora|Midjourney|Stable Diffusion|DALL-?E|にじジャーニー|Runway|Suno)[^。\n]{0,16}(?:プロンプト|呪文|指示文)"
    r"|(?<=[\d一二三四五六七八九十])枚(?:分)?(?:を)?(?:生成|作画)(?:して|し|を)"
    r"|(?:ポスター|チラシ|バナー)[^。\n]{0,6}(?:作れ|描け)(?:ますか|る\?)"
    # ・サイズ：1080×1080 ・枚数：4枚 ・テイスト：絵本風: an order for pictures, by its spec
    r"|サイズ[:：]\s?\d{3,4}\s?[×xX]\s?\d{3,4}(?:\s?px)?"
    rf"|{_MEDIA}をお願い(?:します|したい|できますか|でき(?:ます|る)\?)"
    # batch 47: 馬のイラストいれて作って, 英語ナレーションの声にして、MP3でちょうだい
    r"|(?:イラスト|絵|写真|画像)(?:を)?(?:いれて|入れて)(?:作って|デザインして)"
    r"|ナレーションの声にして|(?:mp3|MP3|wav|WAV|mp4|MP4|PNG|png)で(?:ちょうだい|頂戴|よろ)"
    # batch 49: 4コマ漫画を作画して, ショート動画に編集して, 画像をAIで生成して
    r"|(?:漫画|マンガ|4コマ|イラスト|絵)を?作画|(?:動画|映像)(?:に|を)(?:編集|加工)して"
    r"|(?:画像|写真|イラスト)を(?:AI|ＡＩ)で生成|(?:AI|ＡＩ)で(?:画像|写真|イラスト)を?生成"
    # batch 52: 3Dモデルっぽくレンダリングしたやつ見てみたい
    r"|レンダリング(?:して|した(?:やつ|もの|画像|絵))"
    r"|(?:マスコット|ゆるキャラ|キャラ(?:クター)?)[^。\n]{0,30}(?:描いて|描き起こして|描ける)"
    r"|(?:絵|イラスト)(?:を)?かいて(?:くれ|ほしい|ください|もらえ)"
    # batch 65: the picture drawn by code (canvas, turtle): the program is only the brush
    r"|(?:絵|イラスト|キャラクター|マスコット|ロゴ|似顔絵)[^。\n]{0,16}(?:描画|描く|描いて|描かせる)[^。\n]{0,6}"
    r"(?:コード|プログラム|スクリプト)"
    # batch 68: a set of chat stickers is a set of pictures
    r"|(?:LINE|ライン)?スタンプを[^。\n]{0,12}(?:作りたい|作って|デザインして|描いて)"
    # batch 71: ラフ案を絵にして見せて
    r"|(?:絵|イラスト|画像)にして(?:見せて|ください|ほしい|もらえ)"
    # batch 56: AIで作れるならテキストから生成して
    r"|(?:AI|ＡＩ|生成AI)で作れる(?:なら|んだったら|んなら)|テキストから(?:動画|画像|映像|音声)?(?:を)?生成"
    # batch 60: 写真、AIで用意できないかな
    r"|(?:写真|画像|イラスト|絵|動画)[^。\n]{0,20}(?<!生成)(?:AI|ＡＩ)で(?:(?:用意|作成|生成)(?:でき(?:ない|ませんか|る\?)|して(?:ほしい|ください|もらえ))"
    r"|作れ(?:ない|ませんか|る\?)|作って(?![もいおあ]))"
)
_PRIVATE_MORE = fast_compile(
    # batch 38: one's own parents, pet, family home, flat, health and neighbourhood duties
    r"うちの(?:親|両親|母|父|おふくろ|おやじ|じいちゃん|ばあちゃん|祖母|祖父|夫|妻|嫁|旦那|息子|娘|"
    r"柴|柴犬|ワンコ|わんこ|猫|ねこ|インコ|ハムスター)(?![^。\n]{0,3}(?:課|係|市|部))|"
    r"(?:自分の|私の|うちの)実家(?:の|が|も|は)[^。\n]{0,12}(?:田んぼ|畑|空き家|相続|売|片付け|リフォーム|介護)|"
    r"(?:家|自宅|うち)で(?:作る|食べる|使う|飲む)(?:用|ため|分)|"
    r"(?:今|私が|自分が)?住んで(?:い)?る[^。\n]{0,8}(?:アパート|マンション|部屋|借家)[^。\n]{0,12}"
    r"(?:敷金|退去|家賃|更新料|大家|管理会社)|"
    r"(?:肩こり|腰痛|頭痛|不眠|便秘|花粉症|冷え性)(?:が|で)(?:ひどく|つらく|辛く|治らな|悩んで)|"
    r"(?:朝から|昨日から|さっきから|ずっと|最近)(?:頭|お腹|腹|喉|のど|歯|腰|膝|肩|目)が痛|"
    r"(?:仕事|職場|看護師|今の職)?を?(?:辞めて|退職して)[^。\n]{0,20}(?:行きたい|やりたい|働きたい|始めたい|暮らしたい)|"
    r"ワーホリ|ワーキングホリデー|"
    # batch 47: a card for one's family, one's dog, one's father's family home
    r"(?:息子|娘|子ども|子供)の(?:担任|先生|学校|保育園)[^。\n]{0,20}(?:連絡帳|欠席|手紙|お礼)|"
    r"(?:家|うち|我が家)の車(?:が|を|の|は)|家族用|(?:ペット|柴犬|愛犬|愛猫)(?:[（(][^）)\n]{0,6}[）)])?の(?:しつけ|夜鳴き|無駄吠え)|"
    r"(?:父|母|祖父|祖母|夫|妻)の実家(?:の|を)(?:相続|売|片付け)|"
    # batch 44: reading for the lunch break, a favour paid in thanks, one's own household
    r"(?:昼休み|休憩中|通勤中|寝る前)に(?:読める|読む|聴ける|聴く|見られる|見る)|"
    r"お礼(?:を)?もらう|謝礼をもらう|(?:知り合い|友人|友達|親戚)(?:から|に)[^。\n]{0,16}頼まれ|"
    r"家計簿を(?:つけ|付け|作り)たい|(?:私|自分|うち)の家計簿|"
    r"(?:私|自分)が(?:書記|会計|役員|会長|副会長|班長)に(?:なった|なり|選ばれ)|"
    # batch 41: a manager's own family affairs, dressed as work
    r"(?:長女|次女|長男|次男|娘|息子)の(?:結婚式|結婚披露宴|披露宴)|(?:新婦|新郎)の(?:父|母)として|"
    r"(?:私|自分)が借りて(?:い)?る[^。\n]{0,8}(?:部屋|アパート|マンション|家)|送り先は大家さん|"
    r"(?<![者のん様])(?:実家の)?(?:父|母|祖父|祖母|義父|義母)が亡くなり[^。\n]{0,12}(?:相続|葬儀|四十九日)|"
    r"相続人は[^。\n]{0,12}私|(?:PTA|自治会|町内会|子ども会)の(?:会長|副会長|役員|会計|班長)をして(?:いて|います|る)|"
    r"ご祝儀(?:は|を|の)?(?:いくら|相場)|うちの家計|我が家の家計|(?:妻|夫)のパート(?:収入|代)|"
    r"(?<![のん様者])(?:私の|うちの)?(?:母|父|祖母|祖父|義母|義父)の(?:介護認定|入院先|施設入所)|"
    r"私は仕事で[^。\n]{0,10}(?:行けない|休めない)|"
    r"(?:最近|ずっと)(?:眠りが浅い|眠れない|寝付けない|疲れが取れない)|"
    r"(?:町内会|自治会|PTA|子ども会)の(?:役員|班長|会計|当番)(?:に)?(?:なっちゃ|なってしま|なった|"
    r"を引き受け|が回ってき)|"
    # batches 50-53: a present for one's child, one's teenager's career, the week's cooking, a bet
    r"(?<![のん様])(?:子ども|子供|息子|娘|妻|夫|嫁|旦那|彼女|彼氏)に(?:何|なに)(?:を)?(?:あげよう|あげたら|贈ろう|買おう)|"
    r"(?<![のん様者])(?:高校生|中学生|小学生|大学生|浪人生|(?:高校|中学|小学)\d年(?:生)?)の(?:息子|娘)(?:が|の|に)|"
    r"(?<![のん様者])(?:息子|娘|子ども|子供)の(?:少年野球|少年サッカー|スポ少|部活|習い事|クラブチーム)|"
    r"個人として(?:参加|出席)|"
    r"作り置き(?:おかず|の献立|レシピ)|どの(?:馬|艇|選手)が(?:勝ちそう|来そう|くる|来る)|(?:馬券|舟券|車券)の?(?:買い目|予想)|買い目|"
    # batch 55: one's game, clearing out one's family home
    r"周回(?:したい|効率)|パーティ編成|ガチャ(?:を|で)?(?:引|回)|ソシャゲ|"
    r"(?<![のん様者])実家の(?:片付け|売却|相続|解体)|"
    r"ふるさと納税[^。\n]{0,10}(?:自分の分|私の分|うちの分|我が家の分)|"
    # batch 56: skiving, a bonus spent, a series to watch, an online order returned, a day off
    r"サボる言い訳|仮病|(?:ボーナス|給料|賞与)で(?:買う|買いたい|買おう)|"
    r"(?:Netflix|ネトフリ|アマプラ|Hulu|U-NEXT)[^。\n]{0,10}(?:おもしろい|おもろい|面白い|おすすめ)|"
    r"(?:ネット|通販)で買った|(?:彼女|彼氏|妻|夫|嫁|旦那|恋人)との(?:記念日|デート|旅行|ディナー)|"
    r"(?:ジム|パーソナルジム)に通(?:い始め|って(?:い)?る)|"
    r"週末の(?:フットサル|ゴルフ|釣り|キャンプ|草野球|テニス|バーベキュー|BBQ)|"
    r"プラモ(?:デル)?の(?:塗装|製作|作り方)|(?:母の日|父の日)に(?:送る|贈る|渡す|あげる)|"
    r"(?:ワンルーム|自分|うち)の引っ越し|(?<![のん様])(?:うちの)?(?:猫|犬|愛犬|愛猫)が(?:最近|急に|ずっと)|(?<!さんの)(?<!様の)(?<!者の)(?:子ども|子供|息子|娘|夫|妻|自分)の(?:弁当|お弁当)|自宅の(?:リビング|寝室|インテリア|庭|キッチン|リフォーム|間取り)|有給(?:休暇)?(?:を)?(?:とって|取って|使って)(?:行く|旅行)"
)
# Batches 65-67: the writer's own family, shop, club or pet named as whose the request is, so
# strongly that a flyer or a notice in the same sentence (PUBLIC_WORK) does not make it work.
_PRIVATE_OWN = fast_compile(
    # (the lookbehinds sit after the first word: a branch must start with a literal to be
    # skipped cheaply, see context.fast_compile)
    r"(?:娘(?<![のん様者]娘)|息子(?<![のん様者]息子)|孫(?<![のん様者]孫)|うちの子)(?:の|が)(?:通う|通って(?:い)?る)[^。\n]{0,12}"
    r"(?:PTA|保護者会|部活|少年団|クラブ|チーム|学校|中学|小学|高校|幼稚園|保育園)|"
    r"実家の(?<![のん様者]実家の)[^。\n]{0,6}(?:屋|店|商売|家業|農園|旅館)(?:の|が|で)|"
    r"趣味の[^。\n]{0,10}(?:クラブ|サークル|同好会)の|"
    r"(?:うち|我が家|自宅)で(?:生まれた|産まれた)(?:子犬|子猫|犬|猫)|"
    r"(?:私自身|自分自身|個人)の確定申告|"
    r"(?:学生時代|大学時代|高校時代|中学時代)の(?:友人|友達|同級生|仲間)(?:向け|宛て|に送る|への|に出す)|"
    r"個人(?:の|的な|で(?:やって|運営して)(?:い)?る)(?:ブログ|SNS|YouTube|インスタ|note)|"
    r"(?:ネットオークション|オークション|フリマアプリ|メルカリ|ヤフオク)に出品|"
    r"(?:しりとり|なぞなぞ|ゲーム)(?:で|を)(?:遊ぼう|遊びましょう|しよう|しましょう)|"
    # batch 68: said outright (実は自分用なんだけど, 業務とは違うんだけど)
    r"(?:実は|本当は)(?:自分|私)(?:用|の(?:ため|こと|分))|業務とは(?:違う|関係(?:の)?ない)(?:んだ|ん|けど|のですが|話)|"
    r"^(?:[Pp]lease )?(?:[Ww]rite|[Mm]ake|[Cc]reate|[Gg]ive me|[Dd]raft)\b[^.\n]{0,60}\bfor my "
    r"(?:best )?(?:friend|wife|husband|girlfriend|boyfriend|mom|mother|dad|father|sister|brother)\b"
)
_SHORT_PROMPT = 200
# A private word in a sentence about how the public side of it works: a lottery's proceeds, a
# partner's violence in a notice about the city's counselling.
_PUBLIC_SIDE = fast_compile(r"仕組み|収益金|配分|暴力|DV|ストーカー|相談窓口|被害者")
_FOR_OTHERS = fast_compile(r"[^。\n]{0,6}?(?:人|方|世帯)(?:向け|へ|の皆)")
_CITY_RUN = fast_compile(
    r"市(?:が|の)?主催|市主催|参加者(?:の)?募集|共済組合|福利厚生|事業で|結婚支援|事業として|講座|セミナー|職員向け|研修|"
    r"PR記事|モデルコース|観光(?:PR|振興|客|協会|案内|施策|課)|市報|広報|市民向け|相談があった|案内できる|"
    r"(?<!自己)PR|注意喚起|消費生活|相談員|詐欺"
)
PUBLIC_WORK = fast_compile(
    r"市民|住民|来訪者|観光客|参加者|利用者|イベント|(?<!自己)PR|(?<!自己)ＰＲ|チラシ|ポスター|広報|案内文|事業|"
    r"見学会|配布|で配る|ワークシート|教室|講座|"
    r"施策|相談会|窓口|職員向け|研修"
)


# 私も休日は渓流釣りをするのですが、仕事として…: a hobby mentioned, then the work asked for
WORK_PIVOT = fast_compile(
    r"(?:ですが|だけど|けど|が)、?[^。\n]{0,4}(?:仕事|業務)(?:として|で|の)|関係で(?:担当|係|役)|(?:担当|係)になった"
)


def _media_requests(norm: str, generate: re.Pattern[str]) -> list[Finding]:
    findings: list[Finding] = []
    pos = 0
    while (m := generate.search(norm, pos)) is not None:
        if TEXT_OUTPUT.search(m.group()) or _ABOUT_MEDIA.search(m.group()):
            # アバターが台本どおりに話す映像を作る: the text word belongs to an earlier noun;
            # a later media noun in the same stretch may still be the one asked for
            pos = m.start() + 1
            continue
        pos = m.end()
        end = m.end()
        if norm.startswith(("している", "しています", "した", "済み"), end):
            continue  # 軽音楽部に作曲をお願いしている: someone else makes it
        while end > m.start() and norm[end - 1] in "。 ?\n":
            end -= 1
        findings.append(Finding(Category.IMAGE_GENERATION, m.start(), end, 0.9, "media_request"))
    return findings


def detect_requests(text: str) -> list[Finding]:
    norm = normalize(text)
    findings: list[Finding] = []
    for generate in (_GENERATE, _GENERATE_MORE):
        findings += _media_requests(norm, generate)
    for m in _EDIT_IMAGE.finditer(norm):
        findings.append(Finding(Category.IMAGE_GENERATION, m.start(), m.end(), 0.9, "image_edit"))
    for m in _GENERATE_EN.finditer(norm):
        findings.append(Finding(Category.IMAGE_GENERATION, m.start(), m.end(), 0.9, "media_request"))
    for m in _PRIVATE.finditer(norm):
        if quoted_exactly(norm, m.start(), m.end()):
            continue  # 市債は「住宅ローン」にたとえる: the word used as a figure of speech
        if _CITY_RUN.search(sentence(norm, m.start(), m.end())) or (
            len(norm) <= _SHORT_PROMPT and _CITY_RUN.search(norm)
        ):
            continue  # 市が主催する婚活バスツアー: the city's own programme (in a short prompt,
            # said in the next sentence: 婚活イベントやります。参加者募集チラシの文章を)
        if _FOR_OTHERS.match(norm, m.end()):
            continue  # 転職を考えてる人向け: the readers' plans, not the writer's
        around = sentence(norm, m.start(), m.end())
        if _PUBLIC_SIDE.search(around):
            continue  # 宝くじの収益金が配分される仕組み, 配偶者や恋人からの暴力: the public side of it
        if WORK_PIVOT.search(around) or (m.group().startswith("趣味") and PUBLIC_WORK.search(around)):
            continue  # 趣味で山登りをしているので…登山者向けのチラシ: the hobby is why, not what
        findings.append(Finding(Category.NON_BUSINESS, m.start(), m.end(), 0.8, "private_use"))
    for framed in (_PRIVATE_FRAMED, _PRIVATE_MORE):
        for m in framed.finditer(norm):
            around = sentence(norm, m.start(), m.end())
            if PUBLIC_WORK.search(around) or WORK_PIVOT.search(around) or _FOR_OTHERS.match(norm, m.end()):
                continue
            findings.append(Finding(Category.NON_BUSINESS, m.start(), m.end(), 0.8, "private_use"))
    for m in _PRIVATE_OWN.finditer(norm):
        if WORK_PIVOT.search(sentence(norm, m.start(), m.end())) or _FOR_OTHERS.match(norm, m.end()):
            continue
        findings.append(Finding(Category.NON_BUSINESS, m.start(), m.end(), 0.8, "private_use"))
    return findings
