"""The briefing as a page: HTML (right to left in Arabic) with its charts drawn by matplotlib as inline SVG,
and PDF through WeasyPrint, with the bundled Noto fonts (so Arabic is shaped the same on every machine) and
the TLP marking at the top and bottom of every page."""

from __future__ import annotations

import html
import io
from datetime import date
from importlib import resources
from pathlib import Path

from rasad.brief.report import Brief, labels
from rasad.errors import InputError
from rasad.geo.boundaries import default_boundaries
from rasad.geo.build import governorate_names_ar

TYPE_COLOURS = {"Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
                "Strategic developments": "#2c7fb8", "Protests": "#27ae60", "Riots": "#7f8c8d"}
TLP_COLOURS = {"CLEAR": ("#ffffff", "#000000"), "GREEN": ("#33ff00", "#000000"), "AMBER": ("#ffc000", "#000000"),
               "AMBER+STRICT": ("#ffc000", "#000000"), "RED": ("#ff2b2b", "#000000")}


def render_html(brief: Brief, lang: str) -> str:
    """The briefing as one self-contained HTML page in ``lang`` ("ar" or "en")."""
    if lang not in ("ar", "en"):
        raise InputError(f"the briefing is written in ar or en, not {lang!r}")
    words = labels()[lang]
    esc = html.escape
    last = date.fromordinal(brief.week.toordinal() + 6)
    iso = brief.week.isocalendar()
    marking = f"TLP:{brief.tlp}"
    week_name = f"{iso.year}-W{iso.week:02d}"
    background, ink = TLP_COLOURS[brief.tlp]
    out = [f'<!doctype html><html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"><head><meta charset="utf-8">',
           f"<title>{esc(words['title'])} {week_name}</title><style>{_css(marking, background, ink)}</style>",
           "</head><body>",
           f'<p class="tlp">{marking}</p>',
           f"<h1>{esc(words['title'])}</h1>",
           f"<p class='sub'>{_fill(words['week'], week=week_name, first=_day(brief.week), last=_day(last))}"
           f"<br>{_fill(words['prepared'], org=brief.org, today=_day(date.today()))}"
           + (f"<br><strong>{_fill(words['for_partner'], org=brief.recipient)}</strong>" if brief.recipient else "")
           + "</p>"]
    out.append(f"<h2>{esc(words['summary'])}</h2><table class='figures'><tr>")
    for name in ("events", "fatalities", "wounded", "arrested"):
        out.append(f"<td><span class='n'>{brief.totals[name]}</span><br>{esc(words[name])}"
                   f"<br><small>{esc(words['previous'])}: {brief.before[name]}</small></td>")
    out.append("</tr></table>")
    out.append(f"<div class='charts'><figure><figcaption>{esc(words['map'])}</figcaption>{_map_svg(brief)}"
               f"{_legend(brief, lang)}</figure>"
               f"<figure><figcaption>{esc(words['trend'])}</figcaption>{_trend_svg(brief)}</figure></div>")
    out.append(f"<h2>{esc(words['by_area'])}</h2><table class='grid'><tr><th>{esc(words['area'])}</th>"
               f"<th>{esc(words['this_week'])}</th><th>{esc(words['weeks_before'])}</th></tr>")
    for area, now, before in brief.by_area:
        out.append(f"<tr><td>{esc(_area(area, lang))}</td><td>{now}</td><td>{before}</td></tr>")
    out.append("</table>")
    out.append(f"<h2>{esc(words['surges'])}</h2>")
    if not brief.surges:
        out.append(f"<p>{esc(words['no_surges'])}</p>")
    for surge in brief.surges:
        line = _fill(words["surge_line"], count=surge.count, area=_area(surge.value, lang), expected=surge.expected)
        out.append(f"<p>{line} (p={surge.p_value:.1g})</p>")
    out.append(f"<h2>{esc(words['facilities'])}</h2>")
    if not brief.facilities:
        out.append(f"<p>{esc(words['no_facilities'])}</p>")
    for name, events in brief.facilities:
        out.append(f"<p><strong>{esc(name)}</strong>: {_fill(words['facility_line'], count=len(events))}</p>")
    comma = "، " if lang == "ar" else ", "
    out.append(f"<h2>{esc(words['top'])}</h2>")
    if not brief.top:
        out.append(f"<p>{esc(words['no_events'])}</p>")
    for event, sources in brief.top:
        counts = " · ".join(f"{esc(words[name])} {event[name]}" for name in ("fatalities", "wounded", "arrested")
                            if event.get(name))
        place = event.get("location_ar") if lang == "ar" and event.get("location_ar") else event.get("location")
        out.append(f"<div class='incident'><p><strong><bdi>{esc(event.get('event_date') or '')}</bdi></strong> · "
                   f"{esc(_type(event.get('sub_event_type') or event['event_type'], lang))} · "
                   f"{esc(place or '')}{comma}{esc(_area(event.get('admin1') or '', lang))}"
                   + (f" · {counts}" if counts else "") + "</p>")
        if sources:
            links = comma.join(f"<a href='{esc(s['url'])}'>{esc(s['source'] or s['url'])}</a>" if s.get("url")
                              else esc(s.get("source") or "") for s in sources)
            out.append(f"<p class='sources'>{esc(words['sources'])}: {links}</p>")
        out.append("</div>")
    out.append(f"<h2>{esc(words['review'])}</h2><p>" + " · ".join(
        f"{esc(words[state])}: {brief.review.get(state, 0)}" for state in ("verified", "unreviewed", "rejected")
        if state != "rejected" or brief.recipient is None) + "</p>")
    out.append(f"<p class='method'>{esc(words['method'])}</p>")
    out.append(f'<p class="tlp">{marking}</p></body></html>')
    return "".join(out)


def write(brief: Brief, lang: str, path: Path) -> Path:
    """Write the briefing to ``path``: PDF for a .pdf name, HTML otherwise."""
    page = render_html(brief, lang)
    if path.suffix.lower() == ".pdf":
        from weasyprint import HTML

        HTML(string=page, base_url=str(_fonts())).write_pdf(path)
    else:
        path.write_text(page, encoding="utf-8")
    return path


def _fonts() -> Path:
    return Path(str(resources.files("rasad.brief").joinpath("data/fonts")))


def _css(marking: str, background: str, ink: str) -> str:
    fonts = _fonts().as_uri()
    faces = "".join(f"@font-face{{font-family:'{family}';src:url('{fonts}/{file}');font-weight:{weight}}}"
                    for family, file, weight in (("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", 400),
                                                 ("Noto Naskh Arabic", "NotoNaskhArabic-Bold.ttf", 700),
                                                 ("Noto Sans", "NotoSans-Regular.ttf", 400),
                                                 ("Noto Sans", "NotoSans-Bold.ttf", 700)))
    label = f'"{marking}"'
    box = (f"content:{label};background:{background};color:{ink};font:700 9pt 'Noto Sans';height:6mm;"
           "width:34mm;vertical-align:middle;text-align:center")
    return (faces + "@page{size:A4;margin:22mm 16mm;"
            f"@top-center{{{box};margin-top:8mm}}@bottom-center{{{box};margin-bottom:8mm}}"
            "@bottom-right{content:counter(page) ' / ' counter(pages);font:8pt 'Noto Sans';direction:ltr}}"
            "body{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;font-size:10pt;line-height:1.45;color:#222}"
            "html[lang=ar] body{font-family:'Noto Naskh Arabic','Noto Sans',serif;font-size:11pt}"
            f".tlp{{display:inline-block;background:{background};color:{ink};font:700 9pt 'Noto Sans';padding:1pt 6pt;"
            "border:1px solid #000}@media print{.tlp{display:none}}"
            "h1{font-size:18pt;margin:4pt 0}h2{font-size:12.5pt;border-bottom:1px solid #999;margin-top:14pt}"
            ".sub{color:#555}.figures{width:100%;border-collapse:collapse}.figures td{text-align:center;"
            "border:1px solid #ccc;padding:4pt}.n{font-size:18pt;font-weight:700}"
            ".charts{display:flex;gap:8pt}figure{margin:0;flex:1}figcaption{font-weight:700}"
            "figure svg{width:100%;height:auto}.grid{border-collapse:collapse;width:100%}"
            ".grid td,.grid th{border-bottom:1px solid #ddd;padding:2pt 4pt;text-align:start}"
            ".incident{margin:4pt 0;page-break-inside:avoid}.sources{font-size:8.5pt;color:#444;margin:0}"
            ".legend span{display:inline-block;margin-inline-end:8pt;font-size:8.5pt}"
            ".legend i{display:inline-block;width:8pt;height:8pt;border-radius:50%;margin-inline-end:3pt}"
            ".method{font-size:8pt;color:#666;margin-top:12pt}a{color:#1f4e8c}")


def _map_svg(brief: Brief) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(4.2, 3.6), dpi=100)
    for feature in default_boundaries().geojson()["features"]:
        geometry = feature["geometry"]
        rings = ([geometry["coordinates"][0]] if geometry["type"] == "Polygon"
                 else [polygon[0] for polygon in geometry["coordinates"]] if geometry["type"] == "MultiPolygon"
                 else [geometry["coordinates"]] if geometry["type"] == "LineString" else [])
        border = feature["properties"].get("kind") == "border"
        for ring in rings:
            xs, ys = zip(*ring, strict=True)
            axes.plot(xs, ys, color="#333" if border else "#aaa", linewidth=1.2 if border else 0.5,
                      linestyle="--" if border else "-")
    for event in brief.events:
        if event.get("latitude") is not None:
            axes.scatter(event["longitude"], event["latitude"], s=14 + 6 * min(event.get("fatalities") or 0, 10),
                         color=TYPE_COLOURS.get(event["event_type"], "#555"), alpha=0.8, edgecolors="white",
                         linewidths=0.4, zorder=3)
    axes.set_xlim(35.5, 48.8)
    axes.set_ylim(29.0, 37.5)
    axes.set_aspect(1.2)
    axes.axis("off")
    return _svg(figure)


def _trend_svg(brief: Brief) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(4.2, 3.0), dpi=100)
    counts = [count for _, count in brief.weekly]
    axes.bar(range(len(counts)), counts, color=["#1f4e8c"] * (len(counts) - 1) + ["#c0392b"])
    axes.set_xticks(range(len(counts)), [week.strftime("%d/%m") for week, _ in brief.weekly], rotation=60, fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return _svg(figure)


def _svg(figure) -> str:
    from matplotlib import pyplot

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    pyplot.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _legend(brief: Brief, lang: str) -> str:
    present = sorted({event["event_type"] for event in brief.events})
    return "<p class='legend'>" + "".join(
        f"<span><i style='background:{TYPE_COLOURS.get(kind, '#555')}'></i>{html.escape(_type(kind, lang))}</span>"
        for kind in present) + "</p>"


def _fill(template: str, **values: object) -> str:
    """A sentence of the labels with its values put in, escaped, each value isolated from the sentence's
    direction (a week "2026-W47" or a day in an Arabic sentence stays as written)."""
    return html.escape(template).format(**{name: f"<bdi>{html.escape(str(value))}</bdi>" for name, value in values.items()})


def _area(name: str, lang: str) -> str:
    return governorate_names_ar().get(name, name) if lang == "ar" else name


def _type(name: str, lang: str) -> str:
    return labels()["types_ar"].get(name, name) if lang == "ar" else name


def _day(day: date) -> str:
    return day.isoformat()
