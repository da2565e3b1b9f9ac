"""Server-rendered SVG charts: no JavaScript, readable without colour.

Every bar carries its number as text, series differ by pattern as well as shade, and the
SVG has a <title>/<desc> for screen readers; pages put the same numbers in a table too.
Shared by the review pages and the administrators' dashboard.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1a1a1a"
BAR = "#0b5cad"
GRID = "#c8ccd2"
# Fills that differ in pattern, not only in colour (for stacked / grouped series).
PATTERNS = (
    ("solid", BAR),
    ("hatch", "url(#chart-hatch)"),
    ("dots", "url(#chart-dots)"),
)
_DEFS = (
    '<defs>'
    '<pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a5a00" stroke-width="3"/></pattern>'
    '<pattern id="chart-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.4" fill="#b00020"/>'
    '</pattern></defs>'
)


def _open(width: int, height: int, title: str, desc: str) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<desc>{escape(desc)}</desc>{_DEFS}'
    )


def bar_chart_svg(
    *, title: str, rows: Sequence[tuple[str, int]], unit: str = "", width: int = 560
) -> SafeString:
    """Horizontal bars, label on the left and the value printed after each bar."""
    label_w, value_w, row_h = 180, 80, 22
    height = max(1, len(rows)) * row_h + 10
    top = max((value for _, value in rows), default=0) or 1
    span = width - label_w - value_w
    parts = [_open(width, height, title, "、".join(f"{label}: {v}{unit}" for label, v in rows))]
    for i, (label, value) in enumerate(rows):
        y = 5 + i * row_h
        length = round(span * value / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="{INK}">'
            f"{escape(label[:24])}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{max(length, 1)}" height="{row_h - 8}" '
            f'fill="{BAR}" stroke="{INK}" stroke-width="0.5"/>'
            f'<text x="{label_w + length + 6}" y="{y + 15}" fill="{INK}">'
            f"{value:,}{escape(unit)}</text>"
        )
    if not rows:
        parts.append(f'<text x="10" y="20" fill="{INK}">データなし</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


def columns_svg(
    *,
    title: str,
    days: Sequence[date],
    values: Sequence[int],
    width: int = 320,
    height: int = 44,
    unit: str = "件",
) -> SafeString:
    """One small column chart (a row of a small-multiples display): a column a day.

    The peak and the total are printed, so the shape never has to be read from colour.
    """
    count = max(1, len(values))
    text_w = 90
    span = width - text_w
    column = span / count
    top = max(values, default=0) or 1
    desc = "、".join(f"{d:%m/%d}: {v}{unit}" for d, v in zip(days, values, strict=False) if v)
    parts = [_open(width, height, title, desc or "利用なし")]
    base = height - 6
    parts.append(
        f'<line x1="0" y1="{base}" x2="{span:.0f}" y2="{base}" stroke="{GRID}"/>'
    )
    for i, value in enumerate(values):
        if not value:
            continue
        h = (base - 4) * value / top
        parts.append(
            f'<rect x="{i * column + 0.5:.1f}" y="{base - h:.1f}" '
            f'width="{max(column - 1, 1):.1f}" height="{h:.1f}" fill="{BAR}">'
            f"<title>{days[i]:%m/%d} {value}{escape(unit)}</title></rect>"
            if i < len(days)
            else ""
        )
    parts.append(
        f'<text x="{span + 6:.0f}" y="{base - 14}" fill="{INK}">計 {sum(values):,}{escape(unit)}</text>'
        f'<text x="{span + 6:.0f}" y="{base}" fill="{INK}">最大 {max(values, default=0):,}</text>'
        "</svg>"
    )
    return mark_safe("".join(parts))  # noqa: S308 - labels are escaped above


def grouped_bar_svg(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    width: int = 560,
) -> SafeString:
    """Horizontal grouped bars: one group per category, series told apart by pattern."""
    label_w, value_w, bar_h = 180, 70, 14
    group_h = bar_h * len(series) + 10
    legend_h = 22
    height = legend_h + max(1, len(categories)) * group_h + 6
    top = max((v for _, values in series for v in values), default=0) or 1
    span = width - label_w - value_w
    desc = "；".join(
        f"{c}: " + "、".join(f"{name} {values[i]}" for name, values in series)
        for i, c in enumerate(categories)
    )
    parts = [_open(width, height, title, desc)]
    x = 0
    for (name, _), (_, fill) in zip(series, PATTERNS, strict=False):
        parts.append(
            f'<rect x="{x}" y="4" width="14" height="12" fill="{fill}" stroke="{INK}"/>'
            f'<text x="{x + 18}" y="15" fill="{INK}">{escape(name)}</text>'
        )
        x += 30 + 14 * len(name)
    for i, category in enumerate(categories):
        y0 = legend_h + i * group_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y0 + group_h / 2 + 4:.0f}" text-anchor="end" '
            f'fill="{INK}">{escape(category[:24])}</text>'
        )
        for j, ((name, values), (_, fill)) in enumerate(zip(series, PATTERNS, strict=False)):
            value = values[i]
            y = y0 + j * bar_h
            length = round(span * value / top)
            parts.append(
                f'<rect x="{label_w}" y="{y + 2}" width="{max(length, 1)}" height="{bar_h - 3}" '
                f'fill="{fill}" stroke="{INK}" stroke-width="0.5"/>'
                f'<text x="{label_w + length + 5}" y="{y + bar_h - 2}" fill="{INK}">'
                f"{escape(name)} {value:,}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - labels are escaped above
