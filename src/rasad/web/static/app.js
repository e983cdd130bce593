// Rasad dashboard: an offline SVG map of Iraq and Syria, a weekly timeline, a list and the event page.
// Report text is always inserted as text (textContent), never as HTML.
"use strict";

const I18N = {
  ar: { title: "رصد", subtitle: "أحداث أمنية موثّقة على الحدود العراقية السورية", since: "من", until: "إلى",
        type: "النوع", admin1: "المحافظة", search: "بحث", apply: "تطبيق", clear: "مسح", all: "الكل",
        events: "حدث", shown: "معروض", date: "التاريخ", place: "المكان", actors: "الأطراف", counts: "الأعداد",
        precision: "الدقة", sources: "المصادر", confidence: "الثقة", border: "البعد عن الحدود", back: "رجوع",
        fatalities: "قتلى", wounded: "جرحى", arrested: "معتقلون", escaped: "فارّون", transferred: "منقولون",
        tags: "وسوم", week: "أسبوع", none: "لا أحداث تطابق المرشّحات", lang: "English", evidence: "الدليل من النص",
        tag: "وسم", review: "المراجعة", unreviewed: "غير مراجع", verified: "مؤكَّد", rejected: "مرفوض",
        minConfidence: "أدنى ثقة", maxBorder: "كم من الحدود", export: "تصدير ACLED", token: "رمز الدخول",
        signIn: "دخول", verify: "تأكيد", reject: "رفض", edit: "تعديل", field: "الحقل", value: "القيمة",
        history: "السجل", undo: "تراجع", reason: "السبب", state: "الحالة", subType: "النوع الفرعي", actor: "الطرف",
        inView: "ضمن الخريطة المعروضة", report: "النص الكامل", partners: "سجلات الشركاء", owner: "المالك",
        level: "دقة الموقع", level_point: "النقطة", level_admin2: "القضاء", level_admin1: "المحافظة", release: "الإتاحة للشركاء",
        distribution: "التوزيع", dist_owner: "المالك فقط", dist_partners: "شركاء محددون", dist_group: "مجموعة",
        dist_all: "كل الشركاء", recipients: "الشركاء: IQ,SDF", group: "المجموعة", coarsen: "تعميم: SY=admin1",
        reshare: "يجوز إعادة المشاركة", doRelease: "إتاحة", retract: "سحب", retracted: "مسحوب", notes: "ملاحظات الشركاء",
        comment: "تعليق", corroboration: "تأكيد", send: "إرسال", readOnly: "سجل شريك: للقراءة فقط", version: "الإصدار",
        notReleased: "غير متاح لأحد خارج هذه العقدة", partnerRecords: "سجل من الشركاء",
        referenceLayers: "الطبقات المرجعية (ACLED وغيرها)", referenceRecords: "سجل مرجعي", filtersButton: "المرشّحات",
        trends: "الاتجاهات", trendsTitle: "الأحداث أسبوعياً حسب المحافظة (آخر 12 أسبوعاً)", surge: "ارتفاع لافت",
        hotspots: "بؤر الأسبوع", hotspot: "بؤرة",
        alerts: "التنبيهات", alertsTitle: "تنبيهاتي", noAlerts: "لا تنبيهات بعد: أضف قاعدة بالأمر rasad alert add أو عبر الواجهة البرمجية" },
  en: { title: "Rasad", subtitle: "verified security events on the Iraq–Syria border", since: "From", until: "To",
        type: "Type", admin1: "Governorate", search: "Search", apply: "Apply", clear: "Clear", all: "All",
        events: "events", shown: "shown", date: "Date", place: "Place", actors: "Actors", counts: "Counts",
        precision: "Precision", sources: "Sources", confidence: "Confidence", border: "Distance to border", back: "Back",
        fatalities: "killed", wounded: "wounded", arrested: "arrested", escaped: "escaped", transferred: "transferred",
        tags: "Tags", week: "week", none: "No events match the filters", lang: "العربية", evidence: "Evidence",
        tag: "Tag", review: "Review", unreviewed: "unreviewed", verified: "verified", rejected: "rejected",
        minConfidence: "Min. confidence", maxBorder: "km from border", export: "Export ACLED", token: "API token",
        signIn: "Sign in", verify: "Verify", reject: "Reject", edit: "Edit", field: "Field", value: "Value",
        history: "History", undo: "Undo", reason: "Reason", state: "State", subType: "Sub-type", actor: "Actor",
        inView: "within the map view", report: "Full report", partners: "Partners' records", owner: "Owner",
        level: "Location level", level_point: "point", level_admin2: "district", level_admin1: "governorate", release: "Release to partners",
        distribution: "Distribution", dist_owner: "owner only", dist_partners: "named partners", dist_group: "group",
        dist_all: "all partners", recipients: "partners: IQ,SDF", group: "group", coarsen: "coarsen: SY=admin1",
        reshare: "may be re-shared", doRelease: "Release", retract: "Retract", retracted: "retracted", notes: "Partners' notes",
        comment: "Comment", corroboration: "Corroborate", send: "Send", readOnly: "A partner's record: read-only",
        version: "Version", notReleased: "not released beyond this node", partnerRecords: "partners' records",
        referenceLayers: "Reference layers (ACLED…)", referenceRecords: "reference records", filtersButton: "Filters",
        trends: "Trends", trendsTitle: "Events a week by governorate (last 12 weeks)", surge: "surge",
        hotspots: "the week's hotspots", hotspot: "hotspot",
        alerts: "Alerts", alertsTitle: "My alerts", noAlerts: "No alert yet: add a rule with rasad alert add or the API" },
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
const ACTORS = ["Islamic State", "Military Forces of Iraq", "Police Forces of Iraq", "Iraqi Counter-Terrorism Service",
  "Popular Mobilization Forces", "Iraqi Border Guards", "Peshmerga", "Unidentified Armed Group", "Military Forces of Syria",
  "Syrian Democratic Forces", "Asayish", "International Coalition", "Military Forces of the United States", "Civilians",
  "Military Forces of Turkey", "Military Forces of Israel", "Military Forces of Russia"];
const TAGS = ["detainee_transfer", "prison_escape", "attempt", "camp", "border", "infiltration", "border_closure",
  "foiled_plot", "security_operation", "vbied", "ied", "suicide", "coalition"];
const ACTOR_AR = { "Islamic State": "تنظيم الدولة الإسلامية", "Military Forces of Iraq": "القوات المسلحة العراقية",
  "Police Forces of Iraq": "الشرطة العراقية", "Iraqi Counter-Terrorism Service": "جهاز مكافحة الإرهاب العراقي",
  "Popular Mobilization Forces": "الحشد الشعبي", "Iraqi Border Guards": "حرس الحدود العراقي", "Peshmerga": "البيشمركة",
  "Unidentified Armed Group": "جماعة مسلحة مجهولة", "Military Forces of Syria": "القوات الحكومية السورية",
  "Syrian Democratic Forces": "قوات سوريا الديمقراطية", "Asayish": "الأسايش", "International Coalition": "التحالف الدولي",
  "Military Forces of the United States": "القوات الأمريكية", "Civilians": "مدنيون", "Military Forces of Turkey": "القوات التركية",
  "Military Forces of Israel": "القوات الإسرائيلية", "Military Forces of Russia": "القوات الروسية" };
const TAG_AR = { detainee_transfer: "نقل معتقلين", prison_escape: "فرار من سجن", attempt: "محاولة", camp: "مخيم",
  border: "حدود", infiltration: "تسلل", border_closure: "إغلاق الحدود", foiled_plot: "مخطط محبط",
  security_operation: "عملية أمنية", vbied: "سيارة مفخخة", ied: "عبوة ناسفة", suicide: "انتحاري", coalition: "التحالف" };
const TAG_EN = { detainee_transfer: "detainee transfer", prison_escape: "prison escape", border_closure: "border closure",
  foiled_plot: "foiled plot", security_operation: "security operation", vbied: "car bomb", ied: "IED" };
const GEO_PRECISION = { ar: { 1: "الموقع نفسه", 2: "بالقرب منه أو القضاء", 3: "المحافظة أو منطقة أوسع" },
  en: { 1: "the place itself", 2: "near it, or the district", 3: "the governorate or a wider area" } };
const TIME_PRECISION = { ar: { 1: "اليوم نفسه", 2: "خلال أيام", 3: "الشهر" }, en: { 1: "the day", 2: "within days", 3: "the month" } };
// list rows fetched at a time (the map shows every event whatever the list holds), and how many events the map
// draws one by one before it draws the server's counts by cell: both from /api/config
let PAGE = 500;
let MAP_POINTS = 3000;
// Web Mercator, so that an optional online tile layer lines up with the bundled boundaries.
const mercator = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const RATIO = (mercator(BOUNDS.north) - mercator(BOUNDS.south)) / (((BOUNDS.east - BOUNDS.west) * Math.PI) / 180);
const HEIGHT = 1000 * RATIO;
const FULL_VIEW = [0, 0, 1000];
const TLP_COLORS = { CLEAR: "#ffffff", GREEN: "#33ff00", AMBER: "#ffc000", "AMBER+STRICT": "#ffc000", RED: "#ff2b2b" };
const state = { lang: "ar", events: [], shared: [], reference: [], hotspots: [], node: null, selected: null,
  view: [...FULL_VIEW], me: null };

// History entries a reviewer can undo (POST /api/events/{id}/undo).
const UNDOABLE = new Set(["verified", "rejected", "review undone", "edit", "merge", "merged", "unmerge", "split",
  "split from"]);

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, text) => {
  const node = document.createElementNS(tag === "svg" || ["path", "circle", "rect", "text", "g", "line", "image", "polyline"].includes(tag)
    ? "http://www.w3.org/2000/svg" : "http://www.w3.org/1999/xhtml", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};
const t = (key) => I18N[state.lang][key] || key;
const typeName = (type) => (state.lang === "ar" ? TYPE_AR[type] || type : type);
const subName = (sub) => (state.lang === "ar" ? SUBTYPE_AR[sub] || sub : sub);
const govName = (name) => (state.lang === "ar" ? (state.govAr || {})[name] || name : name) || "";
const actorName = (name) => (state.lang === "ar" ? ACTOR_AR[name] || name : name);
const tagName = (tag) => (state.lang === "ar" ? TAG_AR[tag] || tag : TAG_EN[tag] || tag.replace("_", " "));
const number = (n) => String(n);  // Latin digits in both languages, as the region's security outlets print them
// "event" or "events" and its Arabic plural (1 حدث، 2 حدثان، 3–10 أحداث، 11+ حدثاً)
const eventsWord = (n) => (state.lang === "ar" ? (n === 1 ? "حدث" : n === 2 ? "حدثان" : n % 100 >= 3 && n % 100 <= 10 ? "أحداث" : "حدثاً")
  : (n === 1 ? "event" : "events"));

function project([lon, lat]) {
  const x = ((lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * 1000;
  const y = ((mercator(BOUNDS.north) - mercator(lat)) / (mercator(BOUNDS.north) - mercator(BOUNDS.south))) * HEIGHT;
  return [x.toFixed(1), y.toFixed(1)];
}

function ringPath(ring) { return "M" + ring.map((p) => project(p).join(",")).join("L") + "Z"; }

// The API token never stays in the page: signing in hands it to the server once, which keeps it in an
// HttpOnly, SameSite=Strict cookie that the browser sends with each call of this origin.
async function getJSON(url, options = {}) {
  const response = await fetch(url, { ...options, credentials: "same-origin" });
  const body = await response.json();
  if (response.status === 401) { $("#login").hidden = false; }
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

const postJSON = (url, body) => getJSON(url, { method: "POST", body: JSON.stringify(body),
  headers: { "Content-Type": "application/json" } });

async function drawBase() {
  const [boundaries, facilities] = await Promise.all([getJSON("/api/boundaries"), getJSON("/api/facilities")]);
  const map = $("#map");
  const govs = el("g", { id: "govs" });
  const labels = el("g");
  const select = $("#filters select[name=admin1]");
  state.govAr = Object.fromEntries(boundaries.features.filter((f) => f.properties.name_ar)
    .map((f) => [f.properties.name, f.properties.name_ar]));
  let pending = null;  // a click on a governorate filters, unless it was the first of a double-click (reset zoom)
  map.addEventListener("dblclick", () => { clearTimeout(pending); pending = null; });
  for (const feature of boundaries.features) {
    if (feature.properties.kind === "border") {
      const d = "M" + feature.geometry.coordinates.map((p) => project(p).join(",")).join("L");
      map.appendChild(el("path", { d, class: "border" }));
      continue;
    }
    const path = el("path", { d: feature.geometry.coordinates.map(ringPath).join(" "),
      class: "gov " + feature.properties.country.toLowerCase() });
    path.appendChild(el("title", { "data-gov": feature.properties.name }, govName(feature.properties.name)));
    path.addEventListener("click", (ev) => {
      if (ev.detail > 1) return;
      clearTimeout(pending);
      pending = setTimeout(() => { select.value = feature.properties.name; applyFilters(); }, 300);
    });
    govs.appendChild(path);
    const ring = feature.geometry.coordinates[0];
    const [cx, cy] = project([ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length]);
    labels.appendChild(el("text", { x: cx, y: cy, class: "gov-label", "text-anchor": "middle", "data-gov": feature.properties.name },
      govName(feature.properties.name)));
    select.appendChild(el("option", { value: feature.properties.name, "data-gov": feature.properties.name },
      govName(feature.properties.name)));
  }
  map.prepend(labels);
  map.prepend(govs);
  if (state.tiles) {
    map.prepend(el("g", { id: "tiles" }));
    govs.classList.add("over-tiles");
  }
  map.setAttribute("viewBox", `0 0 1000 ${HEIGHT}`);
  drawTiles();
  for (const f of facilities.features) {
    const [x, y] = project(f.geometry.coordinates);
    const mark = el("rect", { x: x - 3, y: y - 3, width: 6, height: 6, class: "facility", "data-x": x, "data-y": y });
    mark.appendChild(el("title", {}, `${f.properties.name} — ${f.properties.name_ar}`));
    map.appendChild(mark);
  }
  map.appendChild(el("g", { id: "points" }));
  const subSelect = $("#filters select[name=sub_type]");
  for (const sub of Object.keys(SUBTYPE_AR)) subSelect.appendChild(el("option", { value: sub, "data-sub": sub }, subName(sub)));
  const actorSelect = $("#filters select[name=actor]");
  for (const actor of ACTORS) actorSelect.appendChild(el("option", { value: actor, "data-actor": actor }, actorName(actor)));
  const tagSelect = $("#filters select[name=tag]");
  for (const tag of TAGS) tagSelect.appendChild(el("option", { value: tag, "data-tag": tag }, tagName(tag)));
  const typeSelect = $("#filters select[name=type]");
  for (const type of Object.keys(COLORS)) typeSelect.appendChild(el("option", { value: type, "data-type": type }, typeName(type)));
}

function params() {
  $("#filters [name=bbox]").value = $("#in-view").checked ? viewBbox() : "";
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
  if ($("#partners").checked) shown.set("partners", "1");
  if ($("#layers").checked) shown.set("layers", "1");
  if ($("#hotspots").checked) shown.set("hotspots", "1");
  history.replaceState(history.state, "", "?" + shown.toString());
  const request = (state.request = (state.request || 0) + 1);
  // the map needs every event of the filter: one by one up to MAP_POINTS, else the server's counts by cell
  const mapQuery = new URLSearchParams(query);
  mapQuery.set("limit", String(MAP_POINTS));
  const page = await getJSON("/api/events?" + mapQuery.toString());
  const cells = page.total > page.items.length ? await getJSON("/api/events/cells?" + query.toString()) : null;
  const shared = state.node && $("#partners").checked ? await partnerEvents(query) : [];
  const reference = $("#layers").checked ? await referenceEvents(query) : [];
  // hotspots: the 0.25° cells whose week (the filter's last, or the newest event's) stands out against their past
  const week = query.get("until") || (page.items.find((e) => e.event_date) || {}).event_date;
  const hotspots = $("#hotspots").checked && week ? await getJSON(`/api/surges?by=cell&week=${week}`) : [];
  if (request !== state.request) return;  // a newer filter was applied while this one loaded
  state.reference = reference;
  state.hotspots = hotspots.filter((s) => s.event_type == null);
  state.query = query;
  state.mapEvents = page.items;
  state.cells = cells;
  state.events = page.items.slice(0, PAGE);
  state.total = page.total;
  state.shared = shared;
  render();
  drawTimeline();
  drawTrends();
  if (state.selected) showEvent(state.selected);
}

async function referenceEvents(query) {
  // imported layers (ACLED, partners' STIX and MISP), read-only, for the filter's period and governorate
  const wanted = new URLSearchParams();
  for (const key of ["since", "until", "admin1"]) if (query.get(key)) wanted.set(key, query.get(key));
  return getJSON("/api/layers/events?" + wanted.toString());
}

async function partnerEvents(query) {
  // Partners' events held here (read-only), filtered by period, type and governorate like our own.
  const page = await getJSON("/api/shared?kind=event&limit=1000");
  const keep = (d) => (!query.get("since") || (d.event_date || "") >= query.get("since"))
    && (!query.get("until") || (d.event_date || "9999") <= query.get("until"))
    && (!query.get("type") || d.event_type === query.get("type"))
    && (!query.get("admin1") || d.admin1 === query.get("admin1"));
  return page.items.filter((item) => item.data && keep(item.data));
}

function tlpBadge(tlp) {
  return el("span", { class: "tlp", style: `color: ${TLP_COLORS[tlp] || "#fff"}` }, `TLP:${tlp}`);
}

function render() {
  drawPoints();
  const list = $("#list");
  list.replaceChildren();
  const rows = [];
  for (const e of state.events) {
    const item = el("li", { "data-id": e.event_id });
    item.appendChild(el("div", { class: "when" }, `${e.event_date || "—"} · ${govName(e.admin1)} · ${e.review_state ? t(e.review_state) : ""}`));
    const where = state.lang === "ar" ? e.location_ar || e.location : e.location || e.location_ar;
    item.appendChild(el("div", {}, `${typeName(e.event_type)} / ${subName(e.sub_event_type)} — ${where || ""}`));
    item.tabIndex = 0;  // a list item still (no button role): Enter opens it
    item.addEventListener("click", () => openEvent(e.event_id));
    item.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openEvent(e.event_id); } });
    rows.push([e.event_date || "", item]);
  }
  for (const record of state.shared) {
    const d = record.data;
    const item = el("li", { "data-shared": record.record_id, class: "partner" });
    item.appendChild(el("div", { class: "when" }, `◆ ${record.owner_org} · ${d.event_date || "—"} · ${d.admin1 || ""}`));
    item.appendChild(el("div", {}, `${typeName(d.event_type)} / ${subName(d.sub_event_type)} — ${d.location || ""}`));
    item.addEventListener("click", () => showShared(record));
    rows.push([d.event_date || "", item]);
  }
  // newest first, partners' records among ours (a stable sort keeps our own order within a day)
  if (state.shared.length) rows.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  list.append(...rows.map((row) => row[1]));
  const more = $("#more");
  more.hidden = state.events.length >= state.total;
  more.textContent = state.lang === "ar" ? `عرض ${number(Math.min(PAGE, state.total - state.events.length))} أخرى`
    : `Show ${number(Math.min(PAGE, state.total - state.events.length))} more`;
  // say exactly what is shown: the list may hold part of the filter, the map always holds all of it
  const listed = state.events.length < state.total
    ? (state.lang === "ar" ? ` · القائمة: ${number(state.events.length)} منها` : ` · list: ${number(state.events.length)} of them`) : "";
  const mapped = state.cells
    ? (state.lang === "ar" ? ` · الخريطة: جميعها في ${number(state.cells.length)} خلية` : ` · map: all of them in ${number(state.cells.length)} cells`)
    : "";
  $("#summary").textContent = (state.total ? `${number(state.total)} ${eventsWord(state.total)}${listed}${mapped}` : t("none"))
    + (state.shared.length ? ` · ${number(state.shared.length)} ${t("partnerRecords")}` : "")
    + (state.reference.length ? ` · ${number(state.reference.length)} ${t("referenceRecords")}` : "");
  drawLegend();
}

function pie(x, y, r, counts, scale) {
  // a cluster as a ring of its types, each arc as long as its share, the count in the middle
  const group = el("g", { class: "cluster" });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  let angle = -Math.PI / 2;
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  for (const [type, n] of entries) {
    const share = n / total;
    if (share >= 0.999) {
      group.appendChild(el("circle", { cx: x, cy: y, r, fill: COLORS[type] || "#555", class: "slice", "data-type": type }));
      break;
    }
    const end = angle + share * 2 * Math.PI;
    const large = share > 0.5 ? 1 : 0;
    const d = `M${x},${y} L${x + r * Math.cos(angle)},${y + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 `
      + `${x + r * Math.cos(end)},${y + r * Math.sin(end)} Z`;
    group.appendChild(el("path", { d, fill: COLORS[type] || "#555", class: "slice", "data-type": type }));
    angle = end;
  }
  group.appendChild(el("circle", { cx: x, cy: y, r: r * 0.58, class: "hole" }));
  group.appendChild(el("text", { x, y: y + 3.5 * scale, "text-anchor": "middle", "font-size": 10 * scale }, number(total)));
  group.appendChild(el("title", {}, entries.map(([type, n]) => `${typeName(type)}: ${number(n)}`).join("\n")));
  return group;
}

function drawPoints() {
  // Events that fall within a few screen pixels of each other at the current zoom form one cluster; with more
  // events than the map draws one by one, the server's counts by cell stand for them (every event counted).
  const points = $("#points");
  points.replaceChildren();
  const [vx, vy, vw] = state.view;
  const scale = vw / 1000;
  const inView = (x, y) => x >= vx && y >= vy && x <= vx + vw && y <= vy + vw * RATIO;
  if (state.cells) {
    for (const c of state.cells) {
      const [x, y] = project([c.longitude, c.latitude]).map(Number);
      if (!inView(x, y)) continue;
      const group = pie(x, y, (7 + Math.min(12, Math.sqrt(c.count) * 1.5)) * scale, c.types, scale);
      group.setAttribute("data-count", c.count);
      group.classList.add("cell");
      group.addEventListener("click", (ev) => { ev.stopPropagation(); zoomTo(x, y, Math.max(40, state.view[2] / 3)); });
      points.appendChild(group);
    }
  } else {
    const cell = 14 * scale;
    const cells = new Map();
    for (const e of state.mapEvents) {
      if (e.latitude == null) continue;
      const [x, y] = project([e.longitude, e.latitude]).map(Number);
      if (!inView(x, y)) continue;
      const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
      if (!cells.has(key)) cells.set(key, { x: 0, y: 0, events: [] });
      const c = cells.get(key);
      c.x += x; c.y += y; c.events.push(e);
    }
    for (const c of cells.values()) {
      const x = c.x / c.events.length, y = c.y / c.events.length;
      if (c.events.length === 1) {
        const e = c.events[0];
        const dot = el("circle", { cx: x, cy: y, r: (4 + Math.min(6, e.source_count)) * scale, fill: COLORS[e.event_type] || "#555",
          class: "event" + (e.event_id === state.selected ? " selected" : ""), "data-id": e.event_id, "stroke-width": scale,
          tabindex: 0, role: "button", "aria-label": `${e.event_date || ""} ${typeName(e.event_type)} ${e.location || ""}` });
        dot.appendChild(el("title", {}, `${e.event_date || ""} ${typeName(e.event_type)} — ${e.location || ""}`));
        dot.addEventListener("click", (ev) => { ev.stopPropagation(); openEvent(e.event_id); });
        dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.event_id); });
        points.appendChild(dot);
        continue;
      }
      const counts = {};
      for (const e of c.events) counts[e.event_type] = (counts[e.event_type] || 0) + 1;
      const group = pie(x, y, (8 + Math.min(10, Math.sqrt(c.events.length) * 2)) * scale, counts, scale);
      group.setAttribute("data-count", c.events.length);
      group.setAttribute("tabindex", 0);
      group.setAttribute("role", "button");
      // one place (a camp, a prison) or the deepest zoom: the cluster opens as a list instead of zooming
      const together = c.events.every((e) => e.latitude === c.events[0].latitude && e.longitude === c.events[0].longitude);
      const open = () => (together || state.view[2] <= 41 ? showCluster(c.events) : zoomTo(x, y, Math.max(40, state.view[2] / 3)));
      group.addEventListener("click", (ev) => { ev.stopPropagation(); open(); });
      group.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      points.appendChild(group);
    }
  }
  for (const item of state.shared) {
    const d = item.data;
    if (d.latitude == null) continue;
    const [x, y] = project([d.longitude, d.latitude]).map(Number);
    const size = 6 * scale;
    const mark = el("rect", { x: x - size, y: y - size, width: 2 * size, height: 2 * size, transform: `rotate(45 ${x} ${y})`,
      class: "partner-event", stroke: COLORS[d.event_type] || "#555", "stroke-width": 2 * scale, "data-shared": item.record_id });
    mark.appendChild(el("title", {}, `${item.owner_org} · TLP:${item.releasability.tlp} · ${d.event_date || ""} ${typeName(d.event_type)}`));
    mark.addEventListener("click", (ev) => { ev.stopPropagation(); showShared(item); });
    points.appendChild(mark);
  }
  for (const h of state.hotspots) {
    const [x0, y0] = project([h.longitude - 0.125, h.latitude + 0.125]).map(Number);
    const [x1, y1] = project([h.longitude + 0.125, h.latitude - 0.125]).map(Number);
    const box = el("rect", { x: x0, y: y0, width: x1 - x0, height: y1 - y0, class: "hotspot", "data-cell": h.value });
    box.appendChild(el("title", {}, `${t("hotspot")} · ${h.week}: ${number(h.count)} / ${h.expected} (p=${h.p_value.toPrecision(1)})`));
    points.prepend(box);
  }
  for (const r of state.reference) {
    if (r.latitude == null) continue;
    const [x, y] = project([r.longitude, r.latitude]).map(Number);
    if (!inView(x, y)) continue;
    const size = 6 * scale;
    const mark = el("path", { d: `M${x},${y - size} L${x + size},${y + size * 0.8} L${x - size},${y + size * 0.8} Z`,
      class: "reference-event", stroke: COLORS[r.event_type] || "#555", "data-record": r.record_id });
    mark.appendChild(el("title", {}, `${r.layer} · ${r.event_date || ""} · ${typeName(r.event_type)} — ${r.location || ""}`
      + (r.marking ? ` · ${r.marking}` : "")));
    points.appendChild(mark);
  }
}

function setView(view) {
  const w = Math.min(1000, Math.max(40, view[2]));
  state.view = [Math.min(1000 - w, Math.max(0, view[0])), Math.min(HEIGHT - w * RATIO, Math.max(0, view[1])), w];
  $("#map").setAttribute("viewBox", `${state.view[0]} ${state.view[1]} ${w} ${w * RATIO}`);
  // labels and facility marks keep their size on screen at every zoom
  const scale = w / 1000;
  document.querySelectorAll(".gov-label").forEach((n) => n.setAttribute("font-size", 11 * scale));
  document.querySelectorAll(".facility").forEach((n) => {
    const size = 6 * scale;
    n.setAttribute("x", n.dataset.x - size / 2); n.setAttribute("y", n.dataset.y - size / 2);
    n.setAttribute("width", size); n.setAttribute("height", size);
  });
  drawTiles();
  drawPoints();
}

function viewBbox() {
  const [vx, vy, vw] = state.view;
  const lonOf = (x) => BOUNDS.west + (x / 1000) * (BOUNDS.east - BOUNDS.west);
  const latOf = (y) => (Math.atan(Math.sinh(mercator(BOUNDS.north) - (y / HEIGHT) * (mercator(BOUNDS.north) - mercator(BOUNDS.south)))) * 180) / Math.PI;
  return [lonOf(vx), latOf(vy + vw * RATIO), lonOf(vx + vw), latOf(vy)].map((v) => v.toFixed(3)).join(",");
}

function zoomTo(x, y, width) { setView([x - width / 2, y - (width * RATIO) / 2, width]); }

function drawTiles() {
  // Only when the operator configured an online tile URL ({z}/{x}/{y}); the bundled map needs none.
  const layer = $("#tiles");
  if (!state.tiles || !layer) return;
  layer.replaceChildren();
  const [vx, vy, vw] = state.view;
  const pixels = $("#map").getBoundingClientRect().width || 800;
  const degreesShown = ((BOUNDS.east - BOUNDS.west) * vw) / 1000;
  const z = Math.max(1, Math.min(17, Math.round(Math.log2(((360 / degreesShown) * pixels) / 256))));
  const n = 2 ** z;
  const lonOf = (x) => BOUNDS.west + (x / 1000) * (BOUNDS.east - BOUNDS.west);
  const latOf = (y) => (Math.atan(Math.sinh(mercator(BOUNDS.north) - (y / HEIGHT) * (mercator(BOUNDS.north) - mercator(BOUNDS.south)))) * 180) / Math.PI;
  const tileX = (lon) => Math.floor(((lon + 180) / 360) * n);
  const tileY = (lat) => Math.floor(((1 - mercator(lat) / Math.PI) / 2) * n);
  const tileLon = (x) => (x / n) * 360 - 180;
  const tileLat = (y) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  for (let tx = tileX(lonOf(vx)); tx <= tileX(lonOf(vx + vw)); tx++) {
    for (let ty = tileY(latOf(vy)); ty <= tileY(latOf(vy + vw * RATIO)); ty++) {
      const [x0, y0] = project([tileLon(tx), tileLat(ty)]).map(Number);
      const [x1, y1] = project([tileLon(tx + 1), tileLat(ty + 1)]).map(Number);
      const url = state.tiles.replace("{z}", z).replace("{x}", tx).replace("{y}", ty);
      layer.appendChild(el("image", { href: url, x: x0, y: y0, width: x1 - x0, height: y1 - y0, preserveAspectRatio: "none" }));
    }
  }
}

function enableZoom() {
  const map = $("#map");
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = map.getBoundingClientRect();
    const [vx, vy, vw] = state.view;
    const x = vx + ((ev.clientX - box.left) / box.width) * vw;
    const y = vy + ((ev.clientY - box.top) / box.height) * vw * RATIO;
    zoomTo(x, y, vw * (ev.deltaY > 0 ? 1.25 : 0.8));
  }, { passive: false });
  map.addEventListener("dblclick", () => setView([...FULL_VIEW]));
  let drag = null;
  map.addEventListener("mousedown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, view: [...state.view] }; });
  window.addEventListener("mouseup", () => { drag = null; });
  map.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const box = map.getBoundingClientRect();
    const k = drag.view[2] / box.width;
    setView([drag.view[0] - (ev.clientX - drag.x) * k, drag.view[1] - (ev.clientY - drag.y) * k, drag.view[2]]);
  });
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
  if (state.shared.length) legend.appendChild(el("span", { class: "partner-key" }, "◇ " + t("partners")));
  if (state.reference.length) legend.appendChild(el("span", { class: "reference-key" }, "△ " + t("referenceLayers")));
}

async function drawTimeline() {
  // Weekly counts of the filtered events (all dates, so the selected period shows in context); drag to
  // select a period, click one week, or click outside the selection to clear it.
  const query = params();
  const since = query.get("since"), until = query.get("until");
  query.delete("since"); query.delete("until"); query.set("by", "week");
  const request = state.request;
  const counted = await getJSON("/api/stats?" + query.toString());
  if (request !== state.request) return;  // the filters changed while this loaded
  const svg = $("#timeline");
  svg.replaceChildren();
  if (!counted.length) return;
  // a time axis: every week from the first to the last, the empty ones too
  const byWeek = new Map(counted.map((w) => [w.key, w.count]));
  const weeks = [];
  for (const day = new Date(counted[0].key + "T00:00:00Z"); day.toISOString().slice(0, 10) <= counted[counted.length - 1].key;
    day.setUTCDate(day.getUTCDate() + 7)) {
    const key = day.toISOString().slice(0, 10);
    weeks.push({ key, count: byWeek.get(key) || 0 });
  }
  svg.dataset.weeks = weeks.length;
  const max = Math.max(...weeks.map((w) => w.count));
  const left = 34, span = 1000 - left - 4;  // room for the count scale
  const width = span / weeks.length;
  const xOf = (i) => (state.lang === "ar" ? 1000 - left - (i + 1) * width : left + i * width);
  const scaleX = state.lang === "ar" ? 1000 - 4 : 4;
  svg.appendChild(el("text", { x: scaleX, y: 18, class: "axis count-max", "text-anchor": state.lang === "ar" ? "end" : "start" }, number(max)));
  svg.appendChild(el("text", { x: scaleX, y: 100, class: "axis", "text-anchor": state.lang === "ar" ? "end" : "start" }, number(0)));
  svg.appendChild(el("line", { x1: state.lang === "ar" ? 1000 - left : left, x2: state.lang === "ar" ? 4 : 996, y1: 100, y2: 100, class: "baseline" }));
  // month ticks, labelled at most every few months so the labels never overlap
  const months = weeks.map((w, i) => [w.key.slice(0, 7), i]).filter(([m], i, all) => i === 0 || m !== all[i - 1][0]);
  const every = Math.max(1, Math.ceil(months.length / 10));
  months.forEach(([month, i], k) => {
    const x = xOf(i) + (state.lang === "ar" ? width : 0);
    svg.appendChild(el("line", { x1: x, x2: x, y1: 100, y2: 104, class: "tick" }));
    if (k % every === 0) {
      const anchor = x < 60 ? "start" : x > 940 ? "end" : "middle";
      svg.appendChild(el("text", { x, y: 115, class: "axis month", "text-anchor": anchor }, month));
    }
  });
  weeks.forEach((week, i) => {
    const h = max ? (week.count / max) * 82 : 0;
    const inRange = since && until && week.key >= weekStart(since) && week.key <= until;
    const bar = el("rect", { x: xOf(i) + 1, y: 100 - h, width: Math.max(1, width - 2), height: h,
      class: "bar" + (inRange ? " active" : ""), "data-week": week.key });
    bar.appendChild(el("title", {}, `${t("week")} ${week.key}: ${week.count}`));
    svg.appendChild(bar);
  });
  const weekAt = (clientX) => {
    const box = svg.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * 1000;
    const i = Math.max(0, Math.min(weeks.length - 1, Math.floor(((state.lang === "ar" ? 1000 - x : x) - left) / width)));
    return { i, key: weeks[i].key };
  };
  let start = null, brush = null;
  svg.onmousedown = (ev) => { start = weekAt(ev.clientX); brush = el("rect", { y: 0, height: 100, class: "brush" }); svg.appendChild(brush); };
  svg.onmousemove = (ev) => {
    if (!start) return;
    const now = weekAt(ev.clientX);
    const lo = Math.min(start.i, now.i), hi = Math.max(start.i, now.i);
    const x0 = Math.min(xOf(lo), xOf(hi));
    brush.setAttribute("x", x0);
    brush.setAttribute("width", Math.abs(xOf(hi) - xOf(lo)) + width);
  };
  svg.onmouseup = (ev) => {
    if (!start) return;
    const end = weekAt(ev.clientX);
    const lo = weeks[Math.min(start.i, end.i)].key, hi = weeks[Math.max(start.i, end.i)].key;
    start = null;
    const last = new Date(hi + "T00:00:00Z");
    last.setUTCDate(last.getUTCDate() + 6);
    const selected = since === lo && until === last.toISOString().slice(0, 10);
    $("#filters [name=since]").value = selected ? "" : lo;
    $("#filters [name=until]").value = selected ? "" : last.toISOString().slice(0, 10);
    state.selected = null;
    applyFilters();
  };
}

function weekStart(day) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
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

// Each call draws the event page off-screen and shows it only if no later call began meanwhile: two calls
// at once (a list refresh and a review action) used to draw two histories and two action boxes.
let latestDrawing = 0;

function openEvent(id) {
  // a view of its own in the browser's history: Back closes it again
  const query = new URLSearchParams(location.search);
  query.set("event", id);
  history.pushState({ event: id }, "", "?" + query.toString());
  showEvent(id);
}

function closeEvent() {
  latestDrawing++;
  state.selected = null;
  $("#detail").hidden = true;
  $("#detail").replaceChildren();
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  const query = new URLSearchParams(location.search);
  query.delete("event");
  history.replaceState(null, "", "?" + query.toString());
}

function closeButton() {
  const close = el("button", { type: "button", class: "close", "aria-label": state.lang === "ar" ? "إغلاق" : "Close" }, "×");
  close.addEventListener("click", () => (history.state && history.state.event ? history.back() : closeEvent()));
  return close;
}

function showCluster(events) {
  // events at one place (a camp, a prison) or too close to part at the deepest zoom: listed, each opening
  const detail = $("#detail");
  const list = el("ul", { class: "cluster-list" });
  for (const e of [...events].sort((a, b) => ((a.event_date || "") < (b.event_date || "") ? 1 : -1))) {
    const item = el("li", { tabindex: 0, "data-id": e.event_id },
      `${e.event_date || "—"} · ${typeName(e.event_type)} / ${subName(e.sub_event_type)} — ${e.location || ""}`);
    item.addEventListener("click", () => openEvent(e.event_id));
    item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.event_id); });
    list.appendChild(item);
  }
  detail.replaceChildren(closeButton(), el("h2", {}, `${number(events.length)} ${eventsWord(events.length)}`), list);
  detail.hidden = false;
}

async function loadMore() {
  const offset = state.events.length;
  let next = state.mapEvents.slice(offset, offset + PAGE);
  if (!next.length) {
    const query = new URLSearchParams(state.query);
    query.set("limit", String(PAGE));
    query.set("offset", String(offset));
    next = (await getJSON("/api/events?" + query.toString())).items;
  }
  state.events = state.events.concat(next);
  render();
}

async function showEvent(id) {
  const drawing = ++latestDrawing;
  state.selected = id;
  document.querySelectorAll(".event").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  document.querySelectorAll("#list li").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  const e = await getJSON("/api/events/" + encodeURIComponent(id));
  const detail = el("div");
  detail.appendChild(el("h2", {}, `${typeName(e.event_type)} / ${subName(e.sub_event_type)}`));
  const dl = el("dl");
  // each value takes the direction of its own first letter: "12.1 km · Sinjar–al-Hol" stays in order in Arabic
  const row = (k, v) => { dl.append(el("dt", {}, t(k)), el("dd", { dir: "auto" }, v == null || v === "" ? "—" : String(v))); };
  row("date", `${e.event_date || "—"} (${TIME_PRECISION[state.lang][e.time_precision] || "—"})`);
  const place = state.lang === "ar" ? [e.location_ar || e.location, govName(e.admin1)] : [e.location || e.location_ar, e.admin1];
  row("place", `${place.filter(Boolean).join("، ")} (${GEO_PRECISION[state.lang][e.geo_precision] || "—"})`);
  row("actors", [e.actor1, e.actor2].filter(Boolean).map(actorName).join(state.lang === "ar" ? " ضد " : " vs "));
  const counts = ["fatalities", "wounded", "arrested", "escaped", "transferred"].filter((k) => e[k] != null)
    .map((k) => `${e[k]} ${t(k)}`).join("، ");
  row("counts", counts);
  row("tags", (e.tags || []).map(tagName).join(state.lang === "ar" ? "، " : ", "));
  row("border", e.border_km != null ? `${e.border_km} km · ${e.border_sector || ""}` : "");
  row("confidence", e.confidence);
  row("review", t(e.review_state));
  row("sources", e.source_count);
  detail.appendChild(dl);
  for (const m of e.mentions) {
    const heading = el("h3", {}, `${m.source || m.doc_id}${m.published ? " · " + m.published : ""}`);
    if (m.url && /^https?:\/\//.test(m.url)) {
      heading.append(" · ", el("a", { href: m.url, target: "_blank", rel: "noopener noreferrer", class: "source-link" },
        state.lang === "ar" ? "المقال الأصلي" : "original article"));
    }
    detail.appendChild(heading);
    const full = el("button", { type: "button", class: "full-report", "data-doc": m.doc_id }, t("report"));
    full.addEventListener("click", async () => {
      const report = await getJSON("/api/reports/" + encodeURIComponent(m.doc_id));
      const spans = (m.evidence || []).map((ev) => ({ field: "evidence", start: ev.start, end: ev.end }));
      const block = highlighted(report.text, spans);
      block.classList.add("report-text");
      full.replaceWith(block);
    });
    detail.appendChild(full);
    for (const ev of m.evidence) {
      const spans = Object.entries(m.trace || {}).map(([field, s]) => ({ field, start: s.start == null ? null : s.start - ev.start,
        end: s.end == null ? null : s.end - ev.start }));
      detail.appendChild(highlighted(ev.text, spans));
    }
  }
  if (state.me && state.me.role !== "viewer") detail.appendChild(reviewActions(e));
  if (state.node) await sharingPanel(detail, e);
  const entries = await getJSON(`/api/events/${encodeURIComponent(id)}/history`);
  detail.appendChild(el("h3", {}, t("history")));
  const list = el("ol", { class: "history" });
  const reviewer = state.me && state.me.role !== "viewer";
  for (const h of entries) {
    const item = el("li", {}, `${h.at.slice(0, 16).replace("T", " ")} · ${h.actor} · ${h.action}`
      + (h.detail.field ? ` ${h.detail.field}: ${h.detail.from ?? "—"} → ${h.detail.to ?? "—"}` : "")
      + (h.detail.reason ? ` (${h.detail.reason})` : ""));
    if (reviewer && UNDOABLE.has(h.action)) {
      const undo = el("button", { type: "button", "data-undo": h.history_id }, t("undo"));
      undo.addEventListener("click", async () => {
        try {
          await postJSON(`/api/events/${encodeURIComponent(id)}/undo`, { history_id: h.history_id });
          await applyFilters();
          showEvent(id);
        } catch (error) { item.appendChild(el("span", { class: "error", role: "alert" }, " " + error.message)); }
      });
      item.append(" ", undo);
    }
    list.appendChild(item);
  }
  detail.appendChild(list);
  if (drawing !== latestDrawing) return;  // a later call draws the page
  const shown = $("#detail");
  shown.replaceChildren(closeButton(), ...detail.childNodes);
  shown.hidden = false;
  $("aside").scrollTop = 0;
}

function reviewActions(e) {
  const box = el("div", { class: "actions" });
  const act = async (url, body) => { await postJSON(url, body); await applyFilters(); showEvent(e.event_id); };
  const reason = el("input", { placeholder: t("reason"), name: "reason" });
  const verify = el("button", { type: "button", "data-action": "verify" }, t("verify"));
  verify.addEventListener("click", () => act(`/api/events/${e.event_id}/review-state`, { state: "verified", reason: reason.value || null }));
  const reject = el("button", { type: "button", "data-action": "reject" }, t("reject"));
  reject.addEventListener("click", () => act(`/api/events/${e.event_id}/review-state`, { state: "rejected", reason: reason.value || null }));
  const field = el("select", { name: "field", "aria-label": t("field") });
  for (const name of ["fatalities", "wounded", "arrested", "escaped", "transferred", "event_date", "sub_event_type",
    "actor1", "actor2", "location", "location_ar", "tags"]) field.appendChild(el("option", { value: name }, name));
  const value = el("input", { placeholder: t("value"), name: "value" });
  const edit = el("button", { type: "button", "data-action": "edit" }, t("edit"));
  edit.addEventListener("click", () => act(`/api/events/${e.event_id}/edits`, { field: field.value, value: value.value, reason: reason.value || null }));
  box.append(verify, reject, reason, field, value, edit);
  return box;
}

async function sharingPanel(detail, e) {
  // Who outside this node may see the event, and partners' comments and corroborations on it.
  const current = await getJSON(`/api/releases/event/${encodeURIComponent(e.event_id)}`);
  const rel = current.releasability;
  detail.appendChild(el("h3", {}, t("release")));
  const summary = el("p", { class: "release-state" });
  if (current.version === 0 || rel.distribution === "owner") summary.append(tlpBadge(rel.tlp), " ", t("notReleased"));
  else {
    const to = rel.distribution === "partners" ? rel.partners.join(", ") : rel.distribution === "group" ? rel.group : t("dist_all");
    summary.append(tlpBadge(rel.tlp), ` → ${to} · ${t("version")} ${current.version}`);
    if (current.retracted) summary.append(` · ${t("retracted")}`);
  }
  detail.appendChild(summary);
  if (state.me && state.me.role !== "viewer") detail.appendChild(releaseForm(e, rel));
  const notes = await getJSON(`/api/events/${encodeURIComponent(e.event_id)}/annotations`);
  if (notes.length) {
    detail.appendChild(el("h3", {}, t("notes")));
    const list = el("ul", { class: "notes" });
    for (const n of notes) list.appendChild(el("li", {}, `${n.org} · ${t(n.note)} · ${n.at.slice(0, 10)}: ${n.text}`));
    detail.appendChild(list);
  }
}

function releaseForm(e, rel) {
  const form = el("form", { class: "actions release-form" });
  const distribution = el("select", { name: "distribution", "aria-label": t("distribution") });
  for (const d of ["owner", "partners", "group", "all"]) distribution.appendChild(el("option", { value: d }, t("dist_" + d)));
  distribution.value = rel.distribution;
  const tlp = el("select", { name: "tlp", "aria-label": "TLP" });
  for (const level of Object.keys(TLP_COLORS)) tlp.appendChild(el("option", { value: level }, "TLP:" + level));
  tlp.value = rel.tlp;
  const partners = el("input", { name: "partners", placeholder: t("recipients"), value: rel.partners.join(",") });
  const group = el("input", { name: "group", placeholder: t("group"), value: rel.group || "" });
  const coarsen = el("input", { name: "coarsen", placeholder: t("coarsen"),
    value: Object.entries(rel.coarsen).map(([org, level]) => `${org}=${level}`).join(",") });
  const reshare = el("input", { type: "checkbox", name: "reshare" });
  reshare.checked = rel.reshare;
  const reshareLabel = el("label", {});
  reshareLabel.append(reshare, " ", t("reshare"));
  const message = el("span", { class: "form-error", role: "alert" });
  const send = el("button", { type: "submit", "data-action": "release" }, t("doRelease"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const list = (text) => text.split(",").map((part) => part.trim()).filter(Boolean);
    const body = { distribution: distribution.value, tlp: tlp.value, reshare: reshare.checked,
      partners: distribution.value === "partners" ? list(partners.value) : [],
      group: distribution.value === "group" ? group.value.trim() || null : null,
      coarsen: Object.fromEntries(list(coarsen.value).map((pair) => pair.split("=").map((part) => part.trim()))) };
    try {
      await getJSON(`/api/releases/event/${encodeURIComponent(e.event_id)}`, { method: "PUT", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" } });
      showEvent(e.event_id);
    } catch (error) { message.textContent = error.message; }
  });
  const retract = el("button", { type: "button", "data-action": "retract" }, t("retract"));
  retract.addEventListener("click", async () => {
    try { await postJSON(`/api/retractions/event/${encodeURIComponent(e.event_id)}`, {}); showEvent(e.event_id); }
    catch (error) { message.textContent = error.message; }
  });
  form.append(distribution, tlp, partners, group, coarsen, reshareLabel, send, retract, message);
  return form;
}

function showShared(item) {
  // A partner's event: what its owner released to us, read-only; analysts may comment or corroborate.
  latestDrawing += 1;  // an event page still being drawn does not replace this one
  state.selected = null;
  const d = item.data;
  const detail = $("#detail");
  detail.replaceChildren();
  detail.hidden = false;
  $("aside").scrollTop = 0;
  detail.appendChild(el("h2", {}, `${typeName(d.event_type)} / ${subName(d.sub_event_type)}`));
  const note = el("p", { class: "read-only" });
  note.append(tlpBadge(item.releasability.tlp), ` ${t("readOnly")} · ${t("owner")} ${item.owner_org}`);
  detail.appendChild(note);
  const dl = el("dl");
  const row = (k, v) => { dl.append(el("dt", {}, t(k)), el("dd", {}, v == null || v === "" ? "—" : String(v))); };
  row("date", d.event_date);
  row("place", `${d.location || "—"} · ${d.admin1 || ""} (${t("precision")} ${d.geo_precision || "—"})`);
  row("level", t("level_" + (d.location_level || "point")));
  row("actors", [d.actor1, d.actor2].filter(Boolean).join(state.lang === "ar" ? " ضد " : " vs "));
  row("counts", ["fatalities", "wounded", "arrested", "escaped", "transferred"].filter((k) => d[k] != null)
    .map((k) => `${d[k]} ${t(k)}`).join("، "));
  row("tags", (d.tags || []).join(", "));
  row("sources", d.source_count);
  row("version", item.version);
  detail.appendChild(dl);
  for (const ev of d.evidence || []) {
    detail.appendChild(el("h3", {}, `${ev.source || ""}${ev.published ? " · " + ev.published : ""}`));
    detail.appendChild(el("blockquote", {}, ev.text));
  }
  if (state.me && state.me.role !== "viewer") {
    const form = el("form", { class: "actions comment-form" });
    const kind = el("select", { name: "note", "aria-label": t("notes") });
    for (const n of ["comment", "corroboration"]) kind.appendChild(el("option", { value: n }, t(n)));
    const text = el("input", { name: "text", placeholder: t("comment"), required: "" });
    const sent = el("span", { class: "form-error", role: "status" });
    form.append(kind, text, el("button", { type: "submit", "data-action": "comment" }, t("send")), sent);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        await postJSON(`/api/shared/${encodeURIComponent(item.origin)}/event/${encodeURIComponent(item.record_id)}/annotations`,
          { note: kind.value, text: text.value });
        text.value = "";
        sent.textContent = "✓";
      } catch (error) { sent.textContent = error.message; }
    });
    detail.appendChild(form);
  }
}

async function drawTrends() {
  // small multiples: the busiest governorates' weeks, surges in red, an imported layer's weeks as a line
  const panel = $("#trends");
  if (panel.hidden) return;
  const query = new URLSearchParams({ by: "admin1", weeks: "12" });
  const filters = params();
  // the twelve weeks up to the filter's end, or up to the newest event (a quiet archive shows its own weeks)
  const newest = filters.get("until") || (state.mapEvents.find((e) => e.event_date) || {}).event_date;
  if (newest) query.set("until", newest);
  if (filters.get("type")) query.set("type", filters.get("type"));
  const ours = await getJSON("/api/trends?" + query.toString());
  const layerQuery = new URLSearchParams(query);
  layerQuery.set("layer", "acled");
  const theirs = $("#layers").checked ? await getJSON("/api/trends?" + layerQuery.toString()) : { series: [] };
  const reference = new Map(theirs.series.filter((s) => s.event_type == null).map((s) => [s.value, s.counts]));
  panel.replaceChildren(el("h2", {}, t("trendsTitle")));
  const series = ours.series.filter((s) => s.event_type == null).slice(0, 8);
  const max = Math.max(1, ...series.flatMap((s) => [...s.counts, ...(reference.get(s.value) || [])]));
  for (const s of series) {
    const figure = el("figure", { class: "multiple", "data-area": s.value });
    figure.appendChild(el("figcaption", {}, `${govName(s.value)} · ${number(s.counts.reduce((a, b) => a + b, 0))}`));
    const svg = el("svg", { viewBox: "0 0 120 40", role: "img", "aria-label": `${govName(s.value)}: ${s.counts.join(", ")}` });
    const width = 120 / s.counts.length;
    s.counts.forEach((n, i) => {
      const x = state.lang === "ar" ? 120 - (i + 1) * width : i * width;
      const surge = s.surges.includes(ours.weeks[i]);
      const bar = el("rect", { x: x + 0.5, y: 40 - (n / max) * 38, width: width - 1, height: (n / max) * 38,
        class: "trend-bar" + (surge ? " surge" : ""), "data-week": ours.weeks[i] });
      bar.appendChild(el("title", {}, `${ours.weeks[i]}: ${n}` + (surge ? ` (${t("surge")})` : "")));
      svg.appendChild(bar);
    });
    const layer = reference.get(s.value);
    if (layer) {
      const points = layer.map((n, i) => `${(state.lang === "ar" ? 120 - (i + 0.5) * width : (i + 0.5) * width).toFixed(1)},`
        + `${(40 - (n / max) * 38).toFixed(1)}`).join(" ");
      svg.appendChild(el("polyline", { points, class: "reference-line" }));
    }
    figure.appendChild(svg);
    panel.appendChild(figure);
  }
}

async function drawAlerts() {
  // what the signed-in user's rules delivered (the dashboard channel and every other), newest first
  const alerts = await getJSON("/api/alerts?limit=50").catch(() => []);
  $("#alerts-count").textContent = alerts.length ? `(${number(alerts.length)})` : "";
  const panel = $("#alerts");
  if (panel.hidden) return;
  panel.replaceChildren(el("h2", {}, t("alertsTitle")));
  if (!alerts.length) panel.appendChild(el("p", {}, t("noAlerts")));
  const list = el("ul", { class: "alert-list" });
  for (const a of alerts) {
    const item = el("li", { "data-key": a.key, dir: "auto" }, `${a.delivered_at.slice(0, 16).replace("T", " ")} · ${a.rule} · ${a.alert.summary}`);
    const id = a.alert.event_id || (a.alert.event_ids || [])[0];
    if (id) {
      item.tabIndex = 0;
      item.addEventListener("click", () => openEvent(id));
      item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(id); });
    }
    list.appendChild(item);
  }
  panel.appendChild(list);
}

async function exportCSV() {
  const query = params();
  query.set("format", "acled");
  const response = await fetch("/api/export?" + query.toString(), { credentials: "same-origin" });
  const link = el("a", { href: URL.createObjectURL(await response.blob()), download: "rasad-events.acled.csv" });
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function translate() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("option[data-type]").forEach((n) => { n.textContent = typeName(n.dataset.type); });
  document.querySelectorAll("option[data-sub]").forEach((n) => { n.textContent = subName(n.dataset.sub); });
  document.querySelectorAll("[data-gov]").forEach((n) => { n.textContent = govName(n.dataset.gov); });
  document.querySelectorAll("option[data-actor]").forEach((n) => { n.textContent = actorName(n.dataset.actor); });
  document.querySelectorAll("option[data-tag]").forEach((n) => { n.textContent = tagName(n.dataset.tag); });
  $("#lang").textContent = t("lang");
}

async function main() {
  restoreFromURL();
  translate();
  $("#login").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await postJSON("/api/session", { token: new FormData($("#login")).get("token") });
      location.reload();
    } catch (error) { $("#summary").textContent = error.message; }
  });
  state.me = await getJSON("/api/me");
  const node = getJSON("/api/node").catch(() => null);  // null: this store shares nothing yet
  const config = await getJSON("/api/config");
  state.tiles = config.tiles;
  PAGE = config.list_page || PAGE;
  MAP_POINTS = config.map_points || MAP_POINTS;
  $("#login").hidden = true;
  state.node = await node;
  $("#partners-toggle").hidden = !state.node;
  $("#partners").checked = new URLSearchParams(location.search).get("partners") === "1";
  $("#partners").addEventListener("change", () => applyFilters());
  const layers = await getJSON("/api/layers");
  $("#layers-toggle").hidden = !layers.length;
  $("#layers").checked = layers.length > 0 && new URLSearchParams(location.search).get("layers") === "1";
  $("#layers").addEventListener("change", () => applyFilters());
  $("#hotspots").checked = new URLSearchParams(location.search).get("hotspots") === "1";
  $("#hotspots").addEventListener("change", () => applyFilters());
  await drawBase();
  enableZoom();
  $("#export").addEventListener("click", exportCSV);
  $("#in-view").addEventListener("change", () => applyFilters());
  translate();
  restoreFromURL();
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.selected = null; applyFilters(); });
  $("#clear").addEventListener("click", () => { $("#filters").reset(); state.selected = null; applyFilters(); });
  $("#lang").addEventListener("click", () => { state.lang = state.lang === "ar" ? "en" : "ar"; translate(); applyFilters(); });
  $("#more").addEventListener("click", loadMore);
  $("#alerts-button").addEventListener("click", () => {
    const panel = $("#alerts");
    panel.hidden = !panel.hidden;
    $("#alerts-button").setAttribute("aria-expanded", String(!panel.hidden));
    drawAlerts();
  });
  drawAlerts();
  $("#trends-button").addEventListener("click", () => {
    const panel = $("#trends");
    panel.hidden = !panel.hidden;
    $("#trends-button").setAttribute("aria-expanded", String(!panel.hidden));
    drawTrends();
  });
  // on a phone the filters live in a drawer the map does not give its room to
  $("#filters-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("#filters-toggle").setAttribute("aria-expanded", String(open));
  });
  $("#filters").addEventListener("submit", () => {
    document.body.classList.remove("filters-open");
    $("#filters-toggle").setAttribute("aria-expanded", "false");
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !$("#detail").hidden) {
      if (history.state && history.state.event) history.back(); else closeEvent();
    }
  });
  window.addEventListener("popstate", (ev) => {
    if (ev.state && ev.state.event) showEvent(ev.state.event); else closeEvent();
  });
  await applyFilters();
}

main().catch((error) => { $("#summary").textContent = error.message; });
