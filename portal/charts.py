"""Server-rendered SVG charts: no JavaScript, readable without colour (values are printed)."""
from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_PALETTE = ("#0b5cad", "#8a5a00", "#1b6e20", "#6b2fa0", "#b00020", "#3f6e7a")
_PATTERNS = ("", "4 2", "1 2", "6 2 1 2", "2 2", "8 3")


def bar_chart_svg(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    width: int = 560,
    label_width: int = 180,
) -> SafeString:
    """Horizontal bars, one per (label, value), with the value written at the end."""
    bar_h, gap, top = 18, 6, 8
    height = top + max(1, len(rows)) * (bar_h + gap) + 4
    peak = max((v for _, v in rows), default=0) or 1
    span = width - label_width - 90
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    if not rows:
        parts.append(f'<text x="4" y="{top + 12}">データがありません</text>')
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(1, round(span * value / peak)) if value else 0
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w}" height="{bar_h}" '
            f'fill="{_PALETTE[0]}"><title>{escape(label)}: {value:,.0f}{escape(unit)}</title></rect>'
            f'<text x="{label_width + w + 4}" y="{y + 13}">{value:,.0f}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def line_chart_svg(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    width: int = 560,
    height: int = 220,
) -> SafeString:
    """One polyline per series over the labels; dashes and point labels, not colour alone."""
    left, right, top, bottom = 48, 150, 10, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((v for _, values in series for v in values), default=0) or 1
    step = plot_w / max(1, len(labels) - 1)
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#555"/>',
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end">{peak:,.0f}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, label in enumerate(labels):
        x = left + i * step
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>'
        )
    for n, (name, values) in enumerate(series):
        colour, dash = _PALETTE[n % len(_PALETTE)], _PATTERNS[n % len(_PATTERNS)]
        points = " ".join(
            f"{left + i * step:.1f},{top + plot_h - plot_h * v / peak:.1f}"
            for i, v in enumerate(values)
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
            f'stroke-dasharray="{dash}" points="{points}"><title>{escape(name)}</title></polyline>'
        )
        legend_y = top + 14 + n * 16
        parts.append(
            f'<line x1="{width - right + 8}" y1="{legend_y - 4}" x2="{width - right + 30}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{width - right + 34}" y="{legend_y}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
