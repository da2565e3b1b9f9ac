"""CSV screening benchmark: `python -m screening.tabular.bench [--rows N] [--runs K]`.

Generates two 100,000-row × 10-column CP932 files (one with a name column, one
clean), screens each in a fresh process (so peak RSS is per run) and prints seconds,
rows/s and peak RSS per run, then the median and best per file. The detector dictionary
is loaded before the clock starts, as in a web worker.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SURNAMES = (
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 "
    "山口 松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 "
    "中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 "
    "髙橋 山﨑 狩野 茂木 新井 関根 桑原 角田 塚越 萩原"
).split()
GIVEN = (
    "太郎 花子 健一 美咲 大輔 陽子 翔太 結衣 直樹 恵子 誠 由美 隆 真理子 "
    "拓也 千尋 蓮 さくら 悠斗 はるか 和夫 久美子 正雄 トミ 勝 ひろし 美穂 "
    "翼 彩 健太"
).split()
DISTRICTS = [
    f"{a}町{b}丁目"
    for a in ("大手", "千代田", "本", "住吉", "紅雲", "朝日")
    for b in "一二三四五"
]
FACILITIES = (
    "中央公民館 東公民館 西公民館 南公民館 北公民館 前橋文学館 敷島公園 "
    "市民文化会館 総合福祉会館 こども図書館 中央図書館 市民プール 第一体育館 "
    "第二体育館 芸術文化センター ① 第一会議室 ② 第二会議室 ㈱前橋振興 "
    "指定管理 臨江閣 岩神緑地 広瀬川河畔 赤城少年自然の家"
).split()
KINDS = ("利用", "貸出", "予約", "取消", "問合せ", "見学", "講座", "行事")
DEPTS = (
    "市民課 税務課 国保年金課 社会福祉課 子育て支援課 長寿包括ケア課 "
    "教育総務課 都市計画課 道路管理課 契約検査課 職員課 秘書広報課 "
    "危機管理室 観光振興課 農政課 生涯学習課 スポーツ課 文化国際課 "
    "環境政策課 公園管理事務所"
).split()
NOTES = (
    "",
    "",
    "",
    "",
    "特になし",
    "雨天のため中止",
    "定員に達した",
    "午前のみ",
    "午後のみ",
    "設備点検",
    "臨時開館",
    "団体利用",
    "親子向け",
    "要予約",
    "前年並み",
    "増加傾向",
    "機器更新",
    "照明交換",
    "清掃日",
    "年度末",
)


def generate(path: Path, rows: int, *, with_names: bool, seed: int = 4) -> None:
    """Write a CP932 CSV of `rows` rows × 10 columns; `with_names` swaps in 氏名."""
    rng = random.Random(seed)
    header = [
        "受付番号",
        "受付日",
        "地区",
        "施設名" if not with_names else "申請者氏名",
        "区分",
        "件数",
        "金額",
        "前年比",
        "担当課",
        "備考",
    ]
    lines = [",".join(header)]
    for i in range(1, rows + 1):
        third = (
            f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
            if with_names
            else rng.choice(FACILITIES)
        )
        lines.append(
            ",".join(
                (
                    f"R06-{i:06d}",
                    f"2024/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
                    rng.choice(DISTRICTS),
                    third,
                    rng.choice(KINDS),
                    str(rng.randint(0, 500)),
                    str(rng.randint(0, 999_999)),
                    f"{rng.uniform(50, 150):.1f}",
                    rng.choice(DEPTS),
                    rng.choice(NOTES),
                )
            )
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))


def run_one(path: Path) -> dict[str, object]:
    """Screen one file in this process; return timing and peak RSS."""
    from screening.detectors import detect_all
    from screening.detectors.defaults import DEFAULT_ALLOW_TERMS
    from screening.tabular import screen_csv_path
    from screening.types import EngineConfig

    config = EngineConfig(allow_terms=frozenset(DEFAULT_ALLOW_TERMS))
    detect_all("前橋市役所の山田太郎さん、090-1234-5678", config)  # load the dictionary
    start = time.perf_counter()
    record = screen_csv_path(path, config)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rows = int(record.get("rows", 0))
    return {
        "file": path.name,
        "decision": record["decision"],
        "rows": rows,
        "seconds": round(seconds, 3),
        "rows_per_s": round(rows / seconds) if seconds else 0,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "flagged": sorted({f["column"] for f in record.get("findings", [])}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per file")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one), ensure_ascii=False))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "clean": Path(tmp) / "bench_clean_cp932.csv",
            "names": Path(tmp) / "bench_names_cp932.csv",
        }
        generate(files["clean"], args.rows, with_names=False)
        generate(files["names"], args.rows, with_names=True)
        results: dict[str, list[dict[str, object]]] = {"clean": [], "names": []}
        for _ in range(args.runs):
            for label, path in files.items():
                out = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "screening.tabular.bench",
                        "--one",
                        str(path),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                result = json.loads(out.stdout.strip().splitlines()[-1])
                results[label].append(result)
                print(
                    f"{label:5s} {result['decision']:5s} rows {result['rows']:,}  "
                    f"{result['seconds']:.2f} s  {result['rows_per_s']:,} rows/s  "
                    f"peak RSS {result['peak_rss_mb']} MB  flagged {result['flagged']}"
                )
        for label, runs in results.items():
            times = sorted(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
            median = times[len(times) // 2]
            rss = max(float(r["peak_rss_mb"]) for r in runs)  # type: ignore[arg-type]
            print(
                f"summary {label}: median {median:.2f} s "
                f"({args.rows / median:,.0f} rows/s), best {times[0]:.2f} s, "
                f"peak RSS {rss:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
