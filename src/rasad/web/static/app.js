// Rasad dashboard: an offline SVG map of Iraq and Syria, a weekly timeline, a list and the event page.
// Report text is always inserted as text (textContent), never as HTML.
"use strict";

const I18N = {
  ar: { title: "رصد", subtitle: "أحداث أمنية موثّقة على الحدود العراقية السورية", since: "من", until: "إلى",
        type: "النوع", admin1: "المحافظة", search: "بحث", apply: "تطبيق", clear: "مسح", all: "الكل",
        events: "حدث", shown: "معروض", date: "التاريخ", place: "المكان", actors: "الأطراف", counts: "الأعداد",
        precision: "الدقة", sources: "المصادر", confidence: "الثقة", border: "البعد عن الحدود", back: "رجوع",
        fatalities: "قتلى", wounded: "جرحى", arrested: "معتقلون", escaped: "فارّون", transferred: "منقولون",
        tags: "وسوم", week: "أسبوع", none: "لا أحداث تطابق المرشّحات", lang: "English", evidence: "الدليل من النص" },
  en: { title: "Rasad", subtitle: "verified security events on the Iraq–Syria border", since: "From", until: "To",
        type: "Type", admin1: "Governorate", search: "Search", apply: "Apply", clear: "Clear", all: "All",
        events: "events", shown: "shown", date: "Date", place: "Place", actors: "Actors", counts: "Counts",
        precision: "Precision", sources: "Sources", confidence: "Confidence", border: "Distance to border", back: "Back",
        fatalities: "killed", wounded: "wounded", arrested: "arrested", escaped: "escaped", transferred: "transferred",
        tags: "Tags", week: "week", none: "No events match the filters", lang: "العربية", evidence: "Evidence" },
};
const TYPE_AR = { "Battles": "معارك", "Explosions/Remote violence": "تفجيرات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية" };
const SUBTYPE_AR = { "Armed clash": "اشتباك مسلح", "Government regains territory": "استعادة الحكومة لأراض",
  "Non-state actor overtakes territory": "سيطرة جماعة مسلحة على أراض", "Air/drone strike": "غارة جوية/بمسيّرة",
  "Suicide bomb": "تفجير انتحاري", "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
  "Remote explosive/landmine/IED": "عبوة ناسفة/لغم", "Attack": "هجوم", "Abduction/forced disappearance": "خطف/إخفاء قسري",
  "Arrests": "اعتقالات", "Agreement": "اتفاق", "Disrupted weapons use": "إحباط استخدام أسلحة",
  "Looting/property destruction": "نهب/تدمير ممتلكات", "Other": "أخرى", "Peaceful protest": "احتجاج سلمي" };
const COLORS = { "Battles": "#b91c1c", "Explosions/Remote violence": "#ea580c", "Violence against civilians": "#7c3aed",
  "Protests": "#2563eb", "Riots": "#0891b2", "Strategic developments": "#15803d" };
const BOUNDS = { west: 35.5, east: 48.8, south: 29.0, north: 37.5 };
const state = { lang: "ar", events: [], selected: null, week: null };

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, text) => {
  const node = document.createElementNS(tag === "svg" || ["path", "circle", "rect", "text", "g", "line"].includes(tag)
    ? "http://www.w3.org/2000/svg" : "http://www.w3.org/1999/xhtml", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};
const t = (key) => I18N[state.lang][key] || key;
const typeName = (type) => (state.lang === "ar" ? TYPE_AR[type] || type : type);
const subName = (sub) => (state.lang === "ar" ? SUBTYPE_AR[sub] || sub : sub);

function project([lon, lat]) {
  const x = ((lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * 1000;
  const y = ((BOUNDS.north - lat) / (BOUNDS.north - BOUNDS.south)) * 700;
  return [x.toFixed(1), y.toFixed(1)];
}

function ringPath(ring) { return "M" + ring.map((p) => project(p).join(",")).join("L") + "Z"; }

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

async function drawBase() {
  const [boundaries, facilities] = await Promise.all([getJSON("/api/boundaries"), getJSON("/api/facilities")]);
  const map = $("#map");
  const govs = el("g", { id: "govs" });
  const labels = el("g");
  const select = $("#filters select[name=admin1]");
  for (const feature of boundaries.features) {
    if (feature.properties.kind === "border") {
      const d = "M" + feature.geometry.coordinates.map((p) => project(p).join(",")).join("L");
      map.appendChild(el("path", { d, class: "border" }));
      continue;
    }
    const path = el("path", { d: feature.geometry.coordinates.map(ringPath).join(" "),
      class: "gov " + feature.properties.country.toLowerCase() });
    path.appendChild(el("title", {}, feature.properties.name));
    path.addEventListener("click", () => { select.value = feature.properties.name; applyFilters(); });
    govs.appendChild(path);
    const ring = feature.geometry.coordinates[0];
    const [cx, cy] = project([ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length]);
    labels.appendChild(el("text", { x: cx, y: cy, class: "gov-label", "text-anchor": "middle" }, feature.properties.name));
    select.appendChild(el("option", { value: feature.properties.name }, feature.properties.name));
  }
  map.prepend(labels);
  map.prepend(govs);
  for (const f of facilities.features) {
    const [x, y] = project(f.geometry.coordinates);
    const mark = el("rect", { x: x - 3, y: y - 3, width: 6, height: 6, class: "facility" });
    mark.appendChild(el("title", {}, `${f.properties.name} — ${f.properties.name_ar}`));
    map.appendChild(mark);
  }
  map.appendChild(el("g", { id: "points" }));
  const typeSelect = $("#filters select[name=type]");
  for (const type of Object.keys(COLORS)) typeSelect.appendChild(el("option", { value: type, "data-type": type }, typeName(type)));
}

function params() {
  const form = new FormData($("#filters"));
  const query = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v) query.set(k, v);
  return query;
}

function restoreFromURL() {
  const query = new URLSearchParams(location.search);
  for (const [k, v] of query.entries()) {
    const input = $(`#filters [name=${k}]`);
    if (input) input.value = v;
  }
  if (query.get("lang")) state.lang = query.get("lang");
  if (query.get("event")) state.selected = query.get("event");
}

async function applyFilters() {
  const query = params();
  const shown = new URLSearchParams(query);
  if (state.lang !== "ar") shown.set("lang", state.lang);
  if (state.selected) shown.set("event", state.selected);
  history.replaceState(null, "", "?" + shown.toString());
  query.set("limit", "5000");
  const page = await getJSON("/api/events?" + query.toString());
  state.events = page.items;
  state.total = page.total;
  render();
  if (state.selected) showEvent(state.selected);
}

function render() {
  const points = $("#points");
  points.replaceChildren();
  const list = $("#list");
  list.replaceChildren();
  for (const e of state.events) {
    if (e.latitude != null) {
      const [x, y] = project([e.longitude, e.latitude]);
      const dot = el("circle", { cx: x, cy: y, r: 4 + Math.min(6, e.source_count), fill: COLORS[e.event_type] || "#555",
        class: "event" + (e.event_id === state.selected ? " selected" : ""), "data-id": e.event_id });
      dot.appendChild(el("title", {}, `${e.event_date || ""} ${typeName(e.event_type)} — ${e.location || ""}`));
      dot.addEventListener("click", () => showEvent(e.event_id));
      points.appendChild(dot);
    }
    const item = el("li", { "data-id": e.event_id });
    item.appendChild(el("div", { class: "when" }, `${e.event_date || "—"} · ${e.admin1 || ""}`));
    item.appendChild(el("div", {}, `${typeName(e.event_type)} / ${subName(e.sub_event_type)} — ${e.location_ar || e.location || ""}`));
    item.addEventListener("click", () => showEvent(e.event_id));
    list.appendChild(item);
  }
  $("#summary").textContent = state.events.length ? `${state.total} ${t("events")}` : t("none");
  drawLegend();
  drawTimeline();
}

function drawLegend() {
  const legend = $("#legend");
  legend.replaceChildren();
  for (const [type, color] of Object.entries(COLORS)) {
    const item = el("span");
    const dot = el("i");
    dot.style.background = color;
    item.append(dot, typeName(type));
    legend.appendChild(item);
  }
}

function weekStart(day) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function drawTimeline() {
  const svg = $("#timeline");
  svg.replaceChildren();
  const weeks = new Map();
  for (const e of state.events) if (e.event_date) weeks.set(weekStart(e.event_date), (weeks.get(weekStart(e.event_date)) || 0) + 1);
  const keys = [...weeks.keys()].sort();
  if (!keys.length) return;
  const max = Math.max(...weeks.values());
  const width = 1000 / keys.length;
  keys.forEach((key, i) => {
    const h = (weeks.get(key) / max) * 90;
    const x = state.lang === "ar" ? 1000 - (i + 1) * width : i * width;
    const bar = el("rect", { x: x + 1, y: 100 - h, width: Math.max(1, width - 2), height: h,
      class: "bar" + (state.week === key ? " active" : "") });
    bar.appendChild(el("title", {}, `${t("week")} ${key}: ${weeks.get(key)}`));
    bar.addEventListener("click", () => {
      const end = new Date(key + "T00:00:00Z");
      end.setUTCDate(end.getUTCDate() + 6);
      state.week = state.week === key ? null : key;
      $("#filters [name=since]").value = state.week ? key : "";
      $("#filters [name=until]").value = state.week ? end.toISOString().slice(0, 10) : "";
      applyFilters();
    });
    svg.appendChild(bar);
  });
  svg.appendChild(el("text", { x: 4, y: 114, class: "axis" }, keys[0]));
  svg.appendChild(el("text", { x: 996, y: 114, class: "axis", "text-anchor": "end" }, keys[keys.length - 1]));
}

function highlighted(text, spans) {
  // The sentence with the fields' source spans marked; built from text nodes only.
  const block = el("blockquote");
  let cursor = 0;
  const sorted = spans.filter((s) => s.start != null && s.end > s.start).sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    if (span.start < cursor || span.end > text.length) continue;
    block.append(text.slice(cursor, span.start));
    block.appendChild(el("mark", { title: span.field }, text.slice(span.start, span.end)));
    cursor = span.end;
  }
  block.append(text.slice(cursor));
  return block;
}

async function showEvent(id) {
  state.selected = id;
  document.querySelectorAll(".event").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  document.querySelectorAll("#list li").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  const e = await getJSON("/api/events/" + encodeURIComponent(id));
  const detail = $("#detail");
  detail.replaceChildren();
  detail.hidden = false;
  detail.appendChild(el("h2", {}, `${typeName(e.event_type)} / ${subName(e.sub_event_type)}`));
  const dl = el("dl");
  const row = (k, v) => { dl.append(el("dt", {}, t(k)), el("dd", {}, v == null || v === "" ? "—" : String(v))); };
  row("date", `${e.event_date || "—"} (${t("precision")} ${e.time_precision || "—"})`);
  row("place", `${e.location || "—"} · ${e.location_ar || ""} · ${e.admin1 || ""} (${t("precision")} ${e.geo_precision || "—"})`);
  row("actors", [e.actor1, e.actor2].filter(Boolean).join(" ← ").replace(" ← ", state.lang === "ar" ? " ضد " : " vs "));
  const counts = ["fatalities", "wounded", "arrested", "escaped", "transferred"].filter((k) => e[k] != null)
    .map((k) => `${e[k]} ${t(k)}`).join("، ");
  row("counts", counts);
  row("tags", (e.tags || []).join(", "));
  row("border", e.border_km != null ? `${e.border_km} km · ${e.border_sector || ""}` : "");
  row("confidence", e.confidence);
  row("sources", e.source_count);
  detail.appendChild(dl);
  for (const m of e.mentions) {
    detail.appendChild(el("h3", {}, `${m.source || m.doc_id}${m.published ? " · " + m.published : ""}`));
    for (const ev of m.evidence) {
      const spans = Object.entries(m.trace || {}).map(([field, s]) => ({ field, start: s.start == null ? null : s.start - ev.start,
        end: s.end == null ? null : s.end - ev.start }));
      detail.appendChild(highlighted(ev.text, spans));
    }
  }
  const query = new URLSearchParams(location.search);
  query.set("event", id);
  history.replaceState(null, "", "?" + query.toString());
}

function translate() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("option[data-type]").forEach((n) => { n.textContent = typeName(n.dataset.type); });
  $("#lang").textContent = t("lang");
}

async function main() {
  restoreFromURL();
  translate();
  await drawBase();
  translate();
  restoreFromURL();
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.selected = null; applyFilters(); });
  $("#clear").addEventListener("click", () => { $("#filters").reset(); state.week = null; state.selected = null; applyFilters(); });
  $("#lang").addEventListener("click", () => { state.lang = state.lang === "ar" ? "en" : "ar"; translate(); applyFilters(); });
  await applyFilters();
}

main().catch((error) => { $("#summary").textContent = error.message; });
