// Rasad dashboard: an offline map of Iraq and Syria (Leaflet over bundled layers), a weekly timeline, a list and the
// event page.
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
        mergeInto: "دمج حدث آخر في هذا (معرّفه)", merge: "دمج", split: "فصل التقارير المحددة في حدث جديد",
        digits: "أرقام ٠١٢", sourcesDiffer: "المصادر تختلف", reviewQueue: "قائمة المراجعة", views: "عروضي", chooseView: "اختر عرضاً", viewName: "اسم العرض",
        saveView: "احفظ العرض", shortcuts: "اختصارات: v تأكيد · r رفض · n التالي · p السابق",
        history: "السجل", undo: "تراجع", reason: "السبب", state: "الحالة", subType: "النوع الفرعي", actor: "الطرف",
        inView: "ضمن الخريطة المعروضة", report: "النص الكامل", partners: "سجلات الشركاء", owner: "المالك",
        level: "دقة الموقع", level_point: "النقطة", level_admin2: "القضاء", level_admin1: "المحافظة", release: "الإتاحة للشركاء",
        distribution: "التوزيع", dist_owner: "المالك فقط", dist_partners: "شركاء محددون", dist_group: "مجموعة",
        dist_all: "كل الشركاء", recipients: "الشركاء: IQ,SDF", group: "المجموعة", coarsen: "تعميم: SY=admin1",
        reshare: "يجوز إعادة المشاركة", doRelease: "إتاحة", retract: "سحب", retracted: "مسحوب", notes: "ملاحظات الشركاء",
        comment: "تعليق", corroboration: "تأكيد", send: "إرسال", readOnly: "سجل شريك: للقراءة فقط", version: "الإصدار",
        notReleased: "غير متاح لأحد خارج هذه العقدة", partnerRecords: "سجل من الشركاء",
        referenceLayers: "الطبقات المرجعية (ACLED وغيرها)", referenceRecords: "سجل مرجعي", filtersButton: "المرشّحات",
        trends: "الاتجاهات", trendsBy: "حسب", by_admin1: "المحافظة", by_admin2: "القضاء", by_sector: "قطاع الحدود",
        by_facility: "المنشأة", by_actor: "الطرف", trendsSpan: "المدة", weeks: "أسبوعاً", trendTable: "جدول الأسابيع", lastFourWeeks: "آخر أربعة أسابيع مقابل الأربعة قبلها", trendsTitle: "الأحداث أسبوعياً حسب", surge: "ارتفاع لافت",
        hotspots: "بؤر الأسبوع", hotspot: "بؤرة",
        alerts: "التنبيهات", alertsTitle: "تنبيهاتي", noAlerts: "لا تنبيهات بعد",
        rulesTitle: "قواعدي", newRule: "قاعدة جديدة", ruleName: "الاسم", channel: "القناة", channelDashboard: "لوحة المتابعة",
        channelEmail: "بريد إلكتروني", channelWebhook: "رابط ويب (webhook)", target: "العنوان أو الرابط", secret: "مفتاح التوقيع",
        kind: "ما يُنبَّه عنه", kindEvent: "كل حدث جديد", kindSurge: "كل ارتفاع لافت", kindThreshold: "عدد أحداث في الأسبوع",
        threshold: "العتبة (أحداث في الأسبوع)", facility: "قرب منشأة",
        radius: "نصف القطر (كم)", quietHours: "ساعات الهدوء (22-6)", addRule: "أضف القاعدة", removeRule: "احذف",
        anyFacility: "أي مكان" },
  en: { title: "Rasad", subtitle: "verified security events on the Iraq–Syria border", since: "From", until: "To",
        type: "Type", admin1: "Governorate", search: "Search", apply: "Apply", clear: "Clear", all: "All",
        events: "events", shown: "shown", date: "Date", place: "Place", actors: "Actors", counts: "Counts",
        precision: "Precision", sources: "Sources", confidence: "Confidence", border: "Distance to border", back: "Back",
        fatalities: "killed", wounded: "wounded", arrested: "arrested", escaped: "escaped", transferred: "transferred",
        tags: "Tags", week: "week", none: "No events match the filters", lang: "العربية", evidence: "Evidence",
        tag: "Tag", review: "Review", unreviewed: "unreviewed", verified: "verified", rejected: "rejected",
        minConfidence: "Min. confidence", maxBorder: "km from border", export: "Export ACLED", token: "API token",
        signIn: "Sign in", verify: "Verify", reject: "Reject", edit: "Edit", field: "Field", value: "Value",
        mergeInto: "Merge another event into this one (its ID)", merge: "Merge", split: "Split the checked reports off",
        digits: "Digits ٠١٢", sourcesDiffer: "Sources differ", reviewQueue: "Review queue", views: "My views", chooseView: "choose a view", viewName: "View name",
        saveView: "Save the view", shortcuts: "Keys: v verify · r reject · n next · p previous",
        history: "History", undo: "Undo", reason: "Reason", state: "State", subType: "Sub-type", actor: "Actor",
        inView: "within the map view", report: "Full report", partners: "Partners' records", owner: "Owner",
        level: "Location level", level_point: "point", level_admin2: "district", level_admin1: "governorate", release: "Release to partners",
        distribution: "Distribution", dist_owner: "owner only", dist_partners: "named partners", dist_group: "group",
        dist_all: "all partners", recipients: "partners: IQ,SDF", group: "group", coarsen: "coarsen: SY=admin1",
        reshare: "may be re-shared", doRelease: "Release", retract: "Retract", retracted: "retracted", notes: "Partners' notes",
        comment: "Comment", corroboration: "Corroborate", send: "Send", readOnly: "A partner's record: read-only",
        version: "Version", notReleased: "not released beyond this node", partnerRecords: "partners' records",
        referenceLayers: "Reference layers (ACLED…)", referenceRecords: "reference records", filtersButton: "Filters",
        trends: "Trends", trendsTitle: "Events a week, by", surge: "surge", trendsBy: "by",
        by_admin1: "governorate", by_admin2: "district", by_sector: "border sector", by_facility: "facility",
        by_actor: "actor", trendsSpan: "span", weeks: "weeks", trendTable: "Table of the weeks",
        lastFourWeeks: "the last four weeks against the four before",
        hotspots: "the week's hotspots", hotspot: "hotspot",
        alerts: "Alerts", alertsTitle: "My alerts", noAlerts: "No alert yet",
        rulesTitle: "My rules", newRule: "New rule", ruleName: "Name", channel: "Channel", channelDashboard: "dashboard",
        channelEmail: "e-mail", channelWebhook: "webhook", target: "Address or URL", secret: "Signing key",
        kind: "Alert on", kindEvent: "each new event", kindSurge: "each surge", kindThreshold: "a number of events a week",
        threshold: "Threshold (events a week)", facility: "Near a facility",
        radius: "Radius (km)", quietHours: "Quiet hours (22-6)", addRule: "Add the rule", removeRule: "Remove",
        anyFacility: "anywhere" },
};
const TYPE_AR = { "Battles": "معارك", "Explosions/Remote violence": "تفجيرات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية" };
const SUBTYPE_AR = { "Armed clash": "اشتباك مسلح", "Government regains territory": "استعادة الحكومة لأراض",
  "Non-state actor overtakes territory": "سيطرة جماعة مسلحة على أراض", "Air/drone strike": "غارة جوية/بمسيّرة",
  "Suicide bomb": "تفجير انتحاري", "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
  "Remote explosive/landmine/IED": "عبوة ناسفة/لغم", "Grenade": "قنبلة يدوية", "Chemical weapon": "سلاح كيميائي", "Attack": "هجوم", "Sexual violence": "عنف جنسي", "Abduction/forced disappearance": "خطف/إخفاء قسري",
  "Arrests": "اعتقالات", "Agreement": "اتفاق", "Disrupted weapons use": "إحباط استخدام أسلحة",
  "Looting/property destruction": "نهب/تدمير ممتلكات", "Other": "أخرى", "Peaceful protest": "احتجاج سلمي" };
// Okabe–Ito's palette, told apart with every common kind of colour blindness; the map adds a shape per type
const COLORS = { "Battles": "#D55E00", "Explosions/Remote violence": "#E69F00", "Violence against civilians": "#CC79A7",
  "Protests": "#0072B2", "Riots": "#56B4E9", "Strategic developments": "#009E73" };
const BOUNDS = { west: 35.5, east: 48.8, south: 29.0, north: 37.5 };
const ACTORS = ["Islamic State", "Military Forces of Iraq", "Police Forces of Iraq", "Iraqi Counter-Terrorism Service",
  "Popular Mobilization Forces", "Iraqi Border Guards", "Peshmerga", "Unidentified Armed Group", "Military Forces of Syria",
  "Syrian Democratic Forces", "Asayish", "International Coalition", "Military Forces of the United States", "Civilians",
  "Military Forces of Turkey", "Military Forces of Israel", "Military Forces of Russia", "PKK: Kurdistan Workers Party", "SNA: Syrian National Army",
  "YBS: Sinjar Resistance Units", "Hayat Tahrir al-Sham", "Hurras al-Din", "Military Forces of Iran",
  "Islamic Resistance in Iraq", "Arab Tribal Forces", "Druze Militias"];
const TAGS = ["detainee_transfer", "prison_escape", "attempt", "camp", "border", "infiltration", "border_closure",
  "foiled_plot", "security_operation", "vbied", "ied", "suicide", "coalition"];
const ACTOR_AR = { "Islamic State": "تنظيم الدولة الإسلامية", "Military Forces of Iraq": "القوات المسلحة العراقية",
  "Police Forces of Iraq": "الشرطة العراقية", "Iraqi Counter-Terrorism Service": "جهاز مكافحة الإرهاب العراقي",
  "Popular Mobilization Forces": "الحشد الشعبي", "Iraqi Border Guards": "حرس الحدود العراقي", "Peshmerga": "البيشمركة",
  "Unidentified Armed Group": "جماعة مسلحة مجهولة", "Military Forces of Syria": "القوات الحكومية السورية",
  "Syrian Democratic Forces": "قوات سوريا الديمقراطية", "Asayish": "الأسايش", "International Coalition": "التحالف الدولي",
  "Military Forces of the United States": "القوات الأمريكية", "Civilians": "مدنيون", "Military Forces of Turkey": "القوات التركية",
  "Military Forces of Israel": "القوات الإسرائيلية", "Military Forces of Russia": "القوات الروسية",
  "PKK: Kurdistan Workers Party": "حزب العمال الكردستاني", "SNA: Syrian National Army": "الجيش الوطني السوري", "YBS: Sinjar Resistance Units": "وحدات مقاومة سنجار",
  "Hayat Tahrir al-Sham": "هيئة تحرير الشام", "Hurras al-Din": "تنظيم حراس الدين",
  "Military Forces of Iran": "القوات الإيرانية", "Islamic Resistance in Iraq": "المقاومة الإسلامية في العراق",
  "Arab Tribal Forces": "قوات العشائر العربية", "Druze Militias": "الفصائل الدرزية" };
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
const TLP_COLORS = { CLEAR: "#ffffff", GREEN: "#33ff00", AMBER: "#ffc000", "AMBER+STRICT": "#ffc000", RED: "#ff2b2b" };
const state = { lang: "ar", openTlp: null, events: [], shared: [], reference: [], hotspots: [], node: null, selected: null,
  me: null };

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
// Latin digits by default, as the region's security outlets print them; Arabic-Indic (٠١٢٣) where the user chooses
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const number = (n) => (state.digits === "arab" ? String(n).replace(/[0-9]/g, (d) => ARABIC_DIGITS[d]) : String(n));
// "event" or "events" and its Arabic plural (1 حدث، 2 حدثان، 3–10 أحداث، 11+ حدثاً)
const eventsWord = (n) => (state.lang === "ar" ? (n === 1 ? "حدث" : n === 2 ? "حدثان" : n % 100 >= 3 && n % 100 <= 10 ? "أحداث" : "حدثاً")
  : (n === 1 ? "event" : "events"));

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

// The map: Leaflet (vendored, see static/vendor/VERSIONS) over bundled layers only: governorates and the border,
// sub-districts, rivers, lakes, terrain and towns from /api/basemap; no tile server unless the operator gives one.
let map = null;
const mapLayers = {};
const FULL_BOUNDS = [[BOUNDS.south, BOUNDS.west], [BOUNDS.north, BOUNDS.east]];
// each type has a shape as well as a colour (Okabe–Ito, told apart with every kind of colour blindness)
const SHAPES = { "Battles": "circle", "Explosions/Remote violence": "triangle", "Violence against civilians": "diamond",
  "Protests": "hexagon", "Riots": "star", "Strategic developments": "square" };
const SHAPE_PATHS = {
  circle: "M0,-7 A7,7 0 1 1 0,7 A7,7 0 1 1 0,-7 Z", square: "M-6,-6 H6 V6 H-6 Z", triangle: "M0,-8 L7.5,6 L-7.5,6 Z",
  diamond: "M0,-8 L8,0 L0,8 L-8,0 Z", hexagon: "M-7,0 L-3.5,-6.5 L3.5,-6.5 L7,0 L3.5,6.5 L-3.5,6.5 Z",
  star: "M0,-8 L2,-2.5 L8,-2.5 L3,1 L5,7 L0,3.5 L-5,7 L-3,1 L-8,-2.5 L-2,-2.5 Z" };
// town labels by importance: capitals from afar, sub-district seats only close up
const TOWN_ZOOM = { 1: 5, 2: 6, 3: 7, 4: 7, 5: 8, 6: 9 };
const svgEl = (tag, attrs = {}, text) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

function shapeSVG(type, size, attrs = {}) {
  // built as nodes, never as markup: nothing of a report is ever parsed as HTML
  const svg = svgEl("svg", { width: size, height: size, viewBox: "-9 -9 18 18", "aria-hidden": "true", ...attrs });
  svg.appendChild(svgEl("path", { d: SHAPE_PATHS[SHAPES[type] || "circle"], fill: COLORS[type] || "#555" }));
  return svg;
}

function pieSVG(counts, size, attrs) {
  // a cluster as a ring of its types, each arc as long as its share, the count in the middle
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const r = 10;
  const svg = svgEl("svg", { width: size, height: size, viewBox: "-11 -11 22 22", ...attrs });
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  svg.appendChild(svgEl("title", {}, entries.map(([type, n]) => `${typeName(type)}: ${number(n)}`).join("\n")));
  let angle = -Math.PI / 2;
  for (const [type, n] of entries) {
    const share = n / total;
    if (share >= 0.999) {
      svg.appendChild(svgEl("circle", { r, fill: COLORS[type] || "#555", class: "slice", "data-type": type }));
      break;
    }
    const end = angle + share * 2 * Math.PI;
    const d = `M0,0 L${(r * Math.cos(angle)).toFixed(2)},${(r * Math.sin(angle)).toFixed(2)} A${r},${r} 0 `
      + `${share > 0.5 ? 1 : 0} 1 ${(r * Math.cos(end)).toFixed(2)},${(r * Math.sin(end)).toFixed(2)} Z`;
    svg.appendChild(svgEl("path", { d, fill: COLORS[type] || "#555", class: "slice", "data-type": type }));
    angle = end;
  }
  svg.appendChild(svgEl("circle", { r: r * 0.58, class: "hole" }));
  svg.appendChild(svgEl("text", { y: 3.3, "text-anchor": "middle" }, number(total)));
  return svg;
}

function outlined(kind, color, size, attrs) {
  // a partner's record (a hollow diamond) or a reference layer's (a hollow triangle), in its type's colour
  const svg = svgEl("svg", { width: size, height: size, viewBox: "-9 -9 18 18", ...attrs });
  svg.appendChild(svgEl("path", { d: SHAPE_PATHS[kind], fill: "#fff", "fill-opacity": kind === "triangle" ? ".6" : "1",
    stroke: color, "stroke-width": kind === "triangle" ? 2 : 2.5 }));
  return svg;
}

function pane(name, zIndex) {
  const created = map.createPane(name);
  created.style.zIndex = zIndex;
  created.id = name;  // the tests and the print stylesheet find layers by their pane
  return created;
}

async function drawBase() {
  const [boundaries, facilities, basemap, units] = await Promise.all([getJSON("/api/boundaries"),
    getJSON("/api/facilities"), getJSON("/api/basemap"), getJSON("/api/units")]);
  map = L.map("map", { zoomControl: true, doubleClickZoom: false, minZoom: 4, maxZoom: 13, zoomSnap: 0.5,
    maxBounds: [[BOUNDS.south - 4, BOUNDS.west - 6], [BOUNDS.north + 4, BOUNDS.east + 6]], attributionControl: true,
    keyboard: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(`OCHA COD-AB; ${basemap.attribution || ""}`);
  map.fitBounds(FULL_BOUNDS);
  pane("terrain", 250); pane("govs", 300); pane("units", 320); pane("water", 340); pane("labels", 460);
  pane("points", 610);
  if (state.tiles) {
    L.tileLayer(state.tiles, { maxZoom: 17, attribution: "" }).addTo(map);
    $("#govs").classList.add("over-tiles");
  }
  const select = $("#filters select[name=admin1]");
  state.govAr = Object.fromEntries(boundaries.features.filter((f) => f.properties.name_ar)
    .map((f) => [f.properties.name, f.properties.name_ar]));
  let pending = null;  // a click on a governorate filters, unless it was the first of a double-click (reset zoom)
  map.on("dblclick", () => { clearTimeout(pending); pending = null; map.fitBounds(FULL_BOUNDS); });
  const govRenderer = L.svg({ pane: "govs" });
  L.geoJSON(boundaries, { pane: "govs", renderer: govRenderer,
    style: (f) => ({ className: f.properties.kind === "border" ? "border" : "gov " + f.properties.country.toLowerCase() }),
    onEachFeature: (feature, layer) => {
      if (feature.properties.kind === "border") return;
      layer.on("click", (ev) => {
        if (ev.originalEvent.detail > 1) return;
        clearTimeout(pending);
        pending = setTimeout(() => { select.value = feature.properties.name; applyFilters(); }, 300);
      });
      const centre = layer.getBounds().getCenter();
      L.marker(centre, { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "gov-label-icon", iconSize: null, html: el("span",
          { class: "gov-label", "data-gov": feature.properties.name }, govName(feature.properties.name)) }) }).addTo(map);
      select.appendChild(el("option", { value: feature.properties.name, "data-gov": feature.properties.name },
        govName(feature.properties.name)));
    } }).addTo(map);
  mapLayers.units = L.geoJSON(units, { pane: "units", renderer: L.svg({ pane: "units" }), interactive: false,
    style: () => ({ className: "unit" }) });
  L.geoJSON({ type: "FeatureCollection", features: basemap.regions.map((r) => ({ type: "Feature", geometry: r.geometry,
    properties: r })) }, { pane: "terrain", renderer: L.svg({ pane: "terrain" }), interactive: false,
    style: () => ({ className: "terrain" }) }).addTo(map);
  const water = L.svg({ pane: "water" });
  L.geoJSON({ type: "FeatureCollection", features: basemap.lakes.map((r) => ({ type: "Feature", geometry: r.geometry,
    properties: r })) }, { pane: "water", renderer: water, style: () => ({ className: "lake" }),
    onEachFeature: (f, layer) => layer.bindTooltip(() => (state.lang === "ar" && f.properties.name_ar) || f.properties.name || "", { sticky: true }) }).addTo(map);
  L.geoJSON({ type: "FeatureCollection", features: basemap.rivers.map((r) => ({ type: "Feature", geometry: r.geometry,
    properties: r })) }, { pane: "water", renderer: water, style: () => ({ className: "river" }),
    onEachFeature: (f, layer) => layer.bindTooltip(() => (state.lang === "ar" && f.properties.name_ar) || f.properties.name || "", { sticky: true }) }).addTo(map);
  mapLayers.towns = {};
  for (const town of basemap.towns) {
    const group = (mapLayers.towns[town.rank] ||= L.layerGroup());
    L.marker([town.latitude, town.longitude], { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: `town rank-${town.rank}`, iconSize: null, html: townLabel(town) }) }).addTo(group);
  }
  for (const f of facilities.features) {
    const [lon, lat] = f.geometry.coordinates;
    L.marker([lat, lon], { pane: "labels", keyboard: false, title: `${f.properties.name} — ${f.properties.name_ar}`,
      icon: L.divIcon({ className: "facility", iconSize: [7, 7] }) }).addTo(map);
  }
  map.on("zoomend", showBaseByZoom);
  showBaseByZoom();
  const subSelect = $("#filters select[name=sub_type]");
  for (const sub of Object.keys(SUBTYPE_AR)) subSelect.appendChild(el("option", { value: sub, "data-sub": sub }, subName(sub)));
  const actorSelect = $("#filters select[name=actor]");
  for (const actor of ACTORS) actorSelect.appendChild(el("option", { value: actor, "data-actor": actor }, actorName(actor)));
  const tagSelect = $("#filters select[name=tag]");
  for (const tag of TAGS) tagSelect.appendChild(el("option", { value: tag, "data-tag": tag }, tagName(tag)));
  const typeSelect = $("#filters select[name=type]");
  for (const type of Object.keys(COLORS)) typeSelect.appendChild(el("option", { value: type, "data-type": type }, typeName(type)));
}

function townLabel(town) {
  const label = el("div", { class: "town-mark" });
  label.append(el("i"), el("span", { "data-name": town.name || "", "data-name-ar": town.name_ar || town.name || "" },
    (state.lang === "ar" ? town.name_ar : town.name) || town.name || ""));
  return label;
}

function showBaseByZoom() {
  // towns appear by rank as the map closes in; sub-district outlines from the zoom of a governorate
  const zoom = map.getZoom();
  for (const [rank, group] of Object.entries(mapLayers.towns)) {
    if (zoom >= TOWN_ZOOM[rank]) group.addTo(map); else group.remove();
  }
  if (zoom >= 8) mapLayers.units.addTo(map); else mapLayers.units.remove();
}

function translateMap() {
  document.querySelectorAll(".town span[data-name]").forEach((n) => { n.textContent = state.lang === "ar" ? n.dataset.nameAr : n.dataset.name; });
}

function eventMarker(e) {
  const label = `${e.event_date || ""} ${typeName(e.event_type)} ${e.location || ""}`;
  const size = 14 + Math.min(6, e.source_count || 1) * 1.5;
  const marker = L.marker([e.latitude, e.longitude], { pane: "points", keyboard: true, title: label, alt: label, event: e,
    icon: L.divIcon({ className: "event-icon", iconSize: [size, size],
      html: shapeSVG(e.event_type, size, { class: "event" + (e.event_id === state.selected ? " selected" : ""), "data-id": e.event_id }) }) });
  marker.on("click", () => openEvent(e.event_id));
  marker.on("keypress", (ev) => { if (ev.originalEvent.key === "Enter") openEvent(e.event_id); });
  return marker;
}

function drawPoints() {
  // Every event of the filter: one by one (clustered by Leaflet.markercluster, each cluster a ring of its types),
  // or, past MAP_POINTS, the server's counts by cell (every event counted).
  if (mapLayers.points) mapLayers.points.remove();
  const group = (mapLayers.points = L.layerGroup().addTo(map));
  if (state.cells) {
    for (const c of state.cells) {
      const size = 26 + Math.min(24, Math.sqrt(c.count) * 2);
      const marker = L.marker([c.latitude, c.longitude], { pane: "points", keyboard: true, title: `${number(c.count)} ${eventsWord(c.count)}`,
        icon: L.divIcon({ className: "cluster-icon", iconSize: [size, size],
          html: pieSVG(c.types, size, { class: "cluster cell", "data-count": c.count }) }) });
      const closer = () => map.setView([c.latitude, c.longitude], Math.min(map.getMaxZoom(), map.getZoom() + 2));
      marker.on("click", closer);
      marker.on("keypress", (ev) => { if (ev.originalEvent.key === "Enter") closer(); });
      group.addLayer(marker);
    }
  } else {
    const clusters = L.markerClusterGroup({ clusterPane: "points", maxClusterRadius: 36, showCoverageOnHover: false,
      zoomToBoundsOnClick: false, spiderfyOnMaxZoom: false, chunkedLoading: true,
      iconCreateFunction: (cluster) => {
        const counts = {};
        for (const m of cluster.getAllChildMarkers()) counts[m.options.event.event_type] = (counts[m.options.event.event_type] || 0) + 1;
        const n = cluster.getChildCount();
        const size = 28 + Math.min(20, Math.sqrt(n) * 3);
        return L.divIcon({ className: "cluster-icon", iconSize: [size, size], html: pieSVG(counts, size, { class: "cluster", "data-count": n }) });
      } });
    // one place (a camp, a prison) or the deepest zoom: the cluster opens as a list instead of zooming
    clusters.on("clusterclick", (ev) => {
      const events = ev.layer.getAllChildMarkers().map((m) => m.options.event);
      const together = events.every((e) => e.latitude === events[0].latitude && e.longitude === events[0].longitude);
      if (together || map.getZoom() >= map.getMaxZoom()) showCluster(events); else ev.layer.zoomToBounds({ padding: [40, 40] });
    });
    clusters.on("clusterkeypress", (ev) => { if (ev.originalEvent.key === "Enter") clusters.fire("clusterclick", { layer: ev.layer }); });
    clusters.addLayers(state.mapEvents.filter((e) => e.latitude != null).map(eventMarker));
    group.addLayer(clusters);
  }
  const vectors = L.svg({ pane: "points" });
  for (const h of state.hotspots) {
    const box = L.rectangle([[h.latitude - 0.125, h.longitude - 0.125], [h.latitude + 0.125, h.longitude + 0.125]],
      { pane: "points", renderer: vectors, className: "hotspot", interactive: true });
    box.bindTooltip(`${t("hotspot")} · ${h.week}: ${number(h.count)} / ${h.expected} (p=${h.p_value.toPrecision(1)})`);
    box.on("add", () => box.getElement().setAttribute("data-cell", h.value));
    group.addLayer(box);
  }
  for (const item of state.shared) {
    const d = item.data;
    if (d.latitude == null) continue;
    const title = `${item.owner_org} · TLP:${item.releasability.tlp} · ${d.event_date || ""} ${typeName(d.event_type)}`;
    const marker = L.marker([d.latitude, d.longitude], { pane: "points", keyboard: true, title,
      icon: L.divIcon({ className: "partner-icon", iconSize: [16, 16],
        html: outlined("diamond", COLORS[d.event_type] || "#555", 16, { class: "partner-event", "data-shared": item.record_id }) }) });
    marker.on("click", () => showShared(item));
    marker.on("keypress", (ev) => { if (ev.originalEvent.key === "Enter") showShared(item); });
    group.addLayer(marker);
  }
  for (const r of state.reference) {
    if (r.latitude == null) continue;
    const title = `${r.layer} · ${r.event_date || ""} · ${typeName(r.event_type)} — ${r.location || ""}` + (r.marking ? ` · ${r.marking}` : "");
    group.addLayer(L.marker([r.latitude, r.longitude], { pane: "points", keyboard: false, title,
      icon: L.divIcon({ className: "reference-icon", iconSize: [14, 14],
        html: outlined("triangle", COLORS[r.event_type] || "#555", 14, { class: "reference-event", "data-record": r.record_id }) }) }));
  }
}

function viewBbox() {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(",");
}

function resetFilters() {
  // a hidden input keeps what a script set through a form's reset: the queue, sort and order are cleared by hand
  $("#filters").reset();
  for (const input of document.querySelectorAll("#filters input[type=hidden]")) input.value = "";
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
  state.digits = query.get("digits") === "arab" ? "arab" : "latn";
  if (query.get("event")) state.selected = query.get("event");
}

async function applyFilters() {
  echoDates();
  const query = params();
  const shown = new URLSearchParams(query);
  if (state.lang !== "ar") shown.set("lang", state.lang);
  if (state.digits === "arab") shown.set("digits", "arab");
  if (state.selected) shown.set("event", state.selected);
  if ($("#partners").checked) shown.set("partners", "1");
  if ($("#layers").checked) shown.set("layers", "1");
  if ($("#hotspots").checked) shown.set("hotspots", "1");
  history.replaceState(history.state, "", "?" + shown.toString());
  const request = (state.request = (state.request || 0) + 1);
  // the map needs every event of the filter: one by one up to MAP_POINTS, else the server's counts by cell; the
  // first list page says how many there are, so a large filter never fetches MAP_POINTS rows it will not draw
  const listQuery = new URLSearchParams(query);
  listQuery.set("limit", String(PAGE));
  const first = getJSON("/api/events?" + listQuery.toString());
  const shared = state.node && $("#partners").checked ? partnerEvents(query) : Promise.resolve([]);
  const reference = $("#layers").checked ? referenceEvents(query) : Promise.resolve([]);
  const page = await first;
  if (page.total > page.items.length && page.total <= MAP_POINTS) {
    const mapQuery = new URLSearchParams(query);
    mapQuery.set("limit", String(MAP_POINTS));
    page.items = (await getJSON("/api/events?" + mapQuery.toString())).items;
  }
  const cells = page.total > page.items.length ? await getJSON("/api/events/cells?" + query.toString()) : null;
  // hotspots: the 0.25° cells whose week (the filter's last, or the newest event's) stands out against their past
  const week = query.get("until") || (page.items.find((e) => e.event_date) || {}).event_date;
  const hotspots = $("#hotspots").checked && week ? await getJSON(`/api/surges?by=cell&week=${week}`) : [];
  const [sharedRecords, referenceRecords] = await Promise.all([shared, reference]);
  if (request !== state.request) return;  // a newer filter was applied while this one loaded
  state.reference = referenceRecords;
  state.hotspots = hotspots.filter((s) => s.event_type == null);
  state.query = query;
  state.mapEvents = page.items;
  state.cells = cells;
  state.events = page.items.slice(0, PAGE);
  state.total = page.total;
  state.shared = sharedRecords;
  render();
  drawTimeline();
  drawTrends();
  if (state.selected) showEvent(state.selected);
}

async function drawViews() {
  // the user's saved views: choosing one opens it (its link is shareable); saving keeps the URL's view by name
  const select = $("#views [name=view]");
  const views = await getJSON("/api/views").catch(() => []);
  select.replaceChildren(el("option", { value: "", "data-i18n": "chooseView" }, t("chooseView")),
    ...views.map((v) => el("option", { value: v.query, "data-view": v.view_id }, v.name)));
}

function viewsForm() {
  const form = $("#views");
  form.elements.view.addEventListener("change", () => { if (form.elements.view.value) location.search = "?" + form.elements.view.value; });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const status = form.querySelector("[role=status]");
    const query = new URLSearchParams(location.search);
    query.delete("event");  // a view is filters, not an open event
    try {
      await postJSON("/api/views", { name: form.elements.name.value.trim(), query: query.toString() });
      status.textContent = "✓";
      form.elements.name.value = "";
      drawViews();
    } catch (error) { status.textContent = error.message; }
  });
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

const TLP_ORDER = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

function markPrint() {
  // printed, every page carries the strictest TLP of what it shows: partners' records in the list, the open
  // event's release or the open partner record (a fixed element repeats on each printed page)
  const levels = state.shared.map((r) => r.releasability.tlp).concat(state.openTlp ? [state.openTlp] : []);
  const strictest = levels.sort((a, b) => TLP_ORDER.indexOf(b) - TLP_ORDER.indexOf(a))[0];
  $("#print-tlp").textContent = strictest ? `TLP:${strictest}` : "";
  $("#print-tlp").style.color = TLP_COLORS[strictest] || "#fff";
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
    item.appendChild(el("div", { class: "when" }, `${number(e.event_date || "—")} · ${govName(e.admin1)} · ${e.review_state ? t(e.review_state) : ""}`));
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
  markPrint();
}

function drawLegend() {
  const legend = $("#legend");
  legend.replaceChildren();
  for (const type of Object.keys(COLORS)) {
    const item = el("span", { "data-type": type });
    item.append(shapeSVG(type, 12), " " + typeName(type));
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
  const byWeek = new Map(counted.map((w) => [w.key, w]));
  const weeks = [];
  for (const day = new Date(counted[0].key + "T00:00:00Z"); day.toISOString().slice(0, 10) <= counted[counted.length - 1].key;
    day.setUTCDate(day.getUTCDate() + 7)) {
    const key = day.toISOString().slice(0, 10);
    weeks.push({ key, count: (byWeek.get(key) || {}).count || 0, fatalities: (byWeek.get(key) || {}).fatalities || 0 });
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
      svg.appendChild(el("text", { x, y: 115, class: "axis month", "text-anchor": anchor, "data-month": month }, monthName(month)));
    }
  });
  // the fatalities beside the events: a line on a scale of its own (the week's highest toll at the top)
  const killedMax = Math.max(...weeks.map((w) => w.fatalities));
  if (killedMax) {
    const points = weeks.map((w, i) => `${(xOf(i) + width / 2).toFixed(1)},${(100 - (w.fatalities / killedMax) * 82).toFixed(1)}`);
    svg.appendChild(el("polyline", { points: points.join(" "), class: "fatalities-line" }));
    svg.appendChild(el("text", { x: state.lang === "ar" ? 4 : 996, y: 18, class: "axis killed-max",
      "text-anchor": state.lang === "ar" ? "start" : "end" }, `${number(killedMax)} ${t("fatalities")}`));
  }
  weeks.forEach((week, i) => {
    const h = max ? (week.count / max) * 82 : 0;
    const inRange = since && until && week.key >= weekStart(since) && week.key <= until;
    const bar = el("rect", { x: xOf(i) + 1, y: 100 - h, width: Math.max(1, width - 2), height: h,
      class: "bar" + (inRange ? " active" : ""), "data-week": week.key });
    bar.appendChild(el("title", {}, `${t("week")} ${week.key}: ${week.count}` + (week.fatalities ? ` · ${week.fatalities} ${t("fatalities")}` : "")));
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

function monthName(month) {
  // a month in the UI's language and digits: "تشرين الأول 2025" (the Levantine and Iraqi names), "Oct 2025"
  const locale = state.lang === "ar" ? "ar-IQ" : "en-GB";
  return new Intl.DateTimeFormat(`${locale}-u-nu-${state.digits === "arab" ? "arab" : "latn"}`,
    { month: state.lang === "ar" ? "long" : "short", year: "numeric", timeZone: "UTC" }).format(new Date(month + "-01T00:00:00Z"));
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
  state.openTlp = null;
  markPrint();
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
  state.openTlp = null;  // its release's, once read
  document.querySelectorAll(".event").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  document.querySelectorAll("#list li").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
  const e = await getJSON("/api/events/" + encodeURIComponent(id));
  const detail = el("div");
  detail.appendChild(el("h2", {}, `${typeName(e.event_type)} / ${subName(e.sub_event_type)}`));
  const dl = el("dl");
  // each value takes the direction of its own first letter: "12.1 km · Sinjar–al-Hol" stays in order in Arabic
  const row = (k, v) => { dl.append(el("dt", {}, t(k)), el("dd", { dir: "auto" }, v == null || v === "" ? "—" : String(v))); };
  row("date", `${number(e.event_date || "—")} (${TIME_PRECISION[state.lang][e.time_precision] || "—"})`);
  const place = state.lang === "ar" ? [e.location_ar || e.location, govName(e.admin1)] : [e.location || e.location_ar, e.admin1];
  row("place", `${place.filter(Boolean).join("، ")} (${GEO_PRECISION[state.lang][e.geo_precision] || "—"})`);
  row("actors", [e.actor1, e.actor2].filter(Boolean).map(actorName).join(state.lang === "ar" ? " ضد " : " vs "));
  const counts = ["fatalities", "wounded", "arrested", "escaped", "transferred"].filter((k) => e[k] != null)
    .map((k) => `${number(e[k])} ${t(k)}`).join("، ");
  row("counts", counts);
  // where the sources disagree on a figure or the day, say so: the fused value is the lowest credible one
  const differ = ["fatalities", "wounded", "arrested", "escaped", "transferred", "event_date"].map((k) => {
    const values = [...new Set(e.mentions.map((m) => m[k]).filter((v) => v != null))];
    return values.length > 1 ? `${t(k === "event_date" ? "date" : k)}: ${values.map(number).join(" / ")}` : null;
  }).filter(Boolean);
  if (differ.length) {
    dl.append(el("dt", { class: "conflict" }, t("sourcesDiffer")), el("dd", { class: "conflict", dir: "auto" }, differ.join("؛ ")));
  }
  row("tags", (e.tags || []).map(tagName).join(state.lang === "ar" ? "، " : ", "));
  row("border", e.border_km != null ? `${e.border_km} km · ${e.border_sector || ""}` : "");
  row("confidence", e.confidence);
  row("review", t(e.review_state));
  row("sources", e.source_count);
  detail.appendChild(dl);
  for (const m of e.mentions) {
    const heading = el("h3", {}, `${m.source || m.doc_id}${m.published ? " · " + m.published : ""}`);
    if (state.me && state.me.role !== "viewer" && e.mentions.length > 1) {
      heading.prepend(el("input", { type: "checkbox", name: "mention", value: m.mention_id, "aria-label": t("split") }), " ");
    }
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
          state.selected = id;
          await applyFilters();  // redraws the open event, once
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

// what an analyst may edit: every field the API's edit takes (store/review.py EDITABLE)
const EDITABLE = ["fatalities", "wounded", "arrested", "escaped", "transferred", "event_date", "time_precision",
  "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location", "location_ar",
  "latitude", "longitude", "geo_precision", "tags"];

function reviewActions(e) {
  // every action says what went wrong beside it (role=alert) and changes nothing then
  const box = el("div", { class: "actions" });
  const status = el("p", { class: "review-error", role: "alert" });
  const act = async (url, body) => {
    status.textContent = "";
    try {
      await postJSON(url, body);
    } catch (error) { status.textContent = error.message; return; }
    state.selected = e.event_id;
    await applyFilters();  // which redraws the open event once: the page is rebuilt once per action
  };
  const reason = el("input", { placeholder: t("reason"), name: "reason", "aria-label": t("reason") });
  const verify = el("button", { type: "button", "data-action": "verify" }, t("verify"));
  verify.addEventListener("click", () => act(`/api/events/${e.event_id}/review-state`, { state: "verified", reason: reason.value || null }));
  const reject = el("button", { type: "button", "data-action": "reject" }, t("reject"));
  reject.addEventListener("click", () => act(`/api/events/${e.event_id}/review-state`, { state: "rejected", reason: reason.value || null }));
  const field = el("select", { name: "field", "aria-label": t("field") });
  for (const name of EDITABLE) field.appendChild(el("option", { value: name }, name));
  const value = el("input", { placeholder: t("value"), name: "value", "aria-label": t("value") });
  const edit = el("button", { type: "button", "data-action": "edit" }, t("edit"));
  edit.addEventListener("click", () => act(`/api/events/${e.event_id}/edits`, { field: field.value, value: value.value, reason: reason.value || null }));
  const other = el("input", { name: "other_event_id", placeholder: "evt_…", "aria-label": t("mergeInto") });
  const merge = el("button", { type: "button", "data-action": "merge" }, t("merge"));
  merge.addEventListener("click", () => act(`/api/events/${e.event_id}/merge`, { other_event_id: other.value.trim(), reason: reason.value || null }));
  const split = el("button", { type: "button", "data-action": "split" }, t("split"));
  split.addEventListener("click", () => {
    const ids = [...document.querySelectorAll("#detail input[name=mention]:checked")].map((n) => n.value);
    act(`/api/events/${e.event_id}/split`, { mention_ids: ids, reason: reason.value || null });
  });
  box.append(verify, reject, reason, el("br"), field, value, edit, el("br"), other, merge,
    ...(e.mentions.length > 1 ? [el("br"), split] : []), status, el("p", { class: "shortcuts" }, t("shortcuts")));
  return box;
}

function reviewKeys(ev) {
  // the review queue's keys, on an open event, outside any field: v verify, r reject, n / p the next or previous
  if ($("#detail").hidden || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement && document.activeElement.tagName)) return;
  const action = { v: "verify", r: "reject" }[ev.key];
  if (action) {
    const button = $(`#detail [data-action=${action}]`);
    if (button) { ev.preventDefault(); button.click(); }
    return;
  }
  if (ev.key === "n" || ev.key === "p") {
    const ids = state.events.map((e) => e.event_id);
    const next = ids[ids.indexOf(state.selected) + (ev.key === "n" ? 1 : -1)];
    if (next) { ev.preventDefault(); openEvent(next); }
  }
}

async function sharingPanel(detail, e) {
  // Who outside this node may see the event, and partners' comments and corroborations on it.
  const current = await getJSON(`/api/releases/event/${encodeURIComponent(e.event_id)}`);
  const rel = current.releasability;
  state.openTlp = rel.tlp;
  markPrint();
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
  state.openTlp = item.releasability.tlp;
  markPrint();
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
  // small multiples (uPlot, vendored): each area's weeks on a time axis, each bar stacked by event type in the map's
  // colours, a surge's week marked with a red triangle, an imported layer's weeks as a dashed line; each chart
  // keeps a table of its weeks (a button a week) for the keyboard and screen readers
  const panel = $("#trends");
  if (panel.hidden) return;
  const by = state.trendsBy || "admin1";
  const span = state.trendsWeeks || 12;
  const query = new URLSearchParams({ by, weeks: String(span) });
  const filters = params();
  // the weeks up to the filter's end, or up to the newest event (a quiet archive shows its own weeks)
  const newest = filters.get("until") || (state.mapEvents.find((e) => e.event_date) || {}).event_date;
  if (newest) query.set("until", newest);
  if (filters.get("type")) query.set("type", filters.get("type"));
  const ours = await getJSON("/api/trends?" + query.toString());
  const layerQuery = new URLSearchParams(query);
  layerQuery.set("layer", "acled");
  const theirs = $("#layers").checked && by !== "sector" ? await getJSON("/api/trends?" + layerQuery.toString()) : { series: [] };
  const reference = new Map(theirs.series.filter((s) => s.event_type == null).map((s) => [s.value, s.counts]));
  const choose = el("select", { name: "trends-by", "aria-label": t("trendsBy") });
  for (const unit of ["admin1", "admin2", "sector", "facility", "actor"]) choose.appendChild(el("option", { value: unit }, t("by_" + unit)));
  choose.value = by;
  choose.addEventListener("change", () => { state.trendsBy = choose.value; drawTrends(); });
  const length = el("select", { name: "trends-weeks", "aria-label": t("trendsSpan") });
  for (const weeks of [12, 26, 52]) length.appendChild(el("option", { value: String(weeks) }, `${number(weeks)} ${t("weeks")}`));
  length.value = String(span);
  length.addEventListener("change", () => { state.trendsWeeks = Number(length.value); drawTrends(); });
  const heading = el("h2", {}, t("trendsTitle") + " ");
  heading.append(choose, " ", length);
  const kinds = Object.keys(COLORS).filter((type) => ours.series.some((s) => s.event_type === type));
  const legend = el("p", { class: "trend-legend" });
  for (const type of kinds) {
    const key = el("span", { class: "trend-key" });
    key.append(el("i", { style: `background:${COLORS[type]}`, "aria-hidden": "true" }), typeName(type));
    legend.append(key, " ");
  }
  if (reference.size) legend.append(el("span", { class: "trend-key reference-key" }, "- - " + t("referenceLayers")));
  legend.append(el("span", { class: "trend-key killed-key" }, "— " + t("fatalities")));
  panel.replaceChildren(heading, legend);
  const series = ours.series.filter((s) => s.event_type == null).slice(0, 8);
  const areaName = (value) => (by === "admin1" ? govName(value) : by === "actor" ? actorName(value) : value);
  // the last four weeks against the four before: what an analyst reads first
  const change = (counts) => {
    const recent = counts.slice(-4).reduce((a, b) => a + b, 0);
    const before = counts.slice(-8, -4).reduce((a, b) => a + b, 0);
    if (!before) return recent ? " · ▲" : "";
    const percent = Math.round(((recent - before) / before) * 100);
    return ` · ${percent >= 0 ? "▲" : "▼"} ${number(Math.abs(percent))}%`;
  };
  const xs = ours.weeks.map((week) => Date.parse(week + "T00:00:00Z") / 1000);
  const max = Math.max(1, ...series.flatMap((s) => [...s.counts, ...(reference.get(s.value) || [])]));
  const brush = (s, i) => {
    // a week of an area filters everything to that week (and to the governorate or actor)
    const monday = new Date(ours.weeks[i] + "T00:00:00Z");
    $("#filters [name=since]").value = ours.weeks[i];
    $("#filters [name=until]").value = new Date(monday.getTime() + 6 * 86400000).toISOString().slice(0, 10);
    if (by === "admin1") $("#filters [name=admin1]").value = s.value;
    if (by === "actor") $("#filters [name=actor]").value = s.value;
    state.selected = null;
    applyFilters();
  };
  for (const s of series) {
    const figure = el("figure", { class: "multiple", "data-area": s.value, "data-surges": s.surges.join(" ") });
    const killed = s.fatalities || [];
    const killedTotal = killed.reduce((a, b) => a + b, 0);
    figure.appendChild(el("figcaption", { dir: "auto", title: t("lastFourWeeks") },
      `${areaName(s.value)} · ${number(s.counts.reduce((a, b) => a + b, 0))}${change(s.counts)}`
      + (killedTotal ? ` · ${number(killedTotal)} ${t("fatalities")}` : "")));
    const chart = el("div", { class: "trend-chart", role: "img", "aria-label": `${areaName(s.value)}: ${s.counts.map(number).join(", ")}` });
    figure.appendChild(chart);
    figure.appendChild(trendTable(s, ours.weeks, (i) => brush(s, i)));
    panel.appendChild(figure);
    const byType = kinds.map((type) => (ours.series.find((x) => x.value === s.value && x.event_type === type) || {}).counts
      || ours.weeks.map(() => 0));
    // stacked: each type's bar stands on those before it; drawn from the tallest sum down, so each shows its part
    const stacked = byType.map((_, k) => ours.weeks.map((__, i) => byType.slice(0, k + 1).reduce((sum, c) => sum + c[i], 0)));
    const order = kinds.map((_, k) => k).reverse();
    const layer = reference.get(s.value);
    // the week's dead beside its events: a line on a scale of its own (its highest week at the top)
    const data = [xs, ...order.map((k) => stacked[k]), ...(layer ? [layer] : []), ...(killedTotal ? [killed] : [])];
    const plot = new uPlot({
      width: Math.max(160, chart.clientWidth || 260), height: 120,
      legend: { show: false }, cursor: { y: false, points: { show: false } }, select: { show: false },
      scales: { x: { time: true, dir: state.lang === "ar" ? -1 : 1 }, y: { range: [0, max] },
        killed: { range: [0, Math.max(1, ...killed) * 1.1] } },
      axes: [
        { values: (u, splits) => splits.map((ts) => weekLabel(ts, span)), size: 28, gap: 2, font: "11px sans-serif" },
        { side: state.lang === "ar" ? 1 : 3, size: 30, gap: 2, font: "11px sans-serif",
          values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? number(v) : "")) },
      ],
      series: [{}, ...order.map((k) => ({ label: typeName(kinds[k]), fill: COLORS[kinds[k]], stroke: COLORS[kinds[k]], width: 0,
        paths: uPlot.paths.bars({ size: [0.8, 40] }), points: { show: false } })),
      ...(layer ? [{ label: t("referenceLayers"), stroke: "#333", dash: [4, 3], width: 1.5, points: { show: false } }] : []),
      ...(killedTotal ? [{ label: t("fatalities"), scale: "killed", stroke: "#1a1a1a", width: 1.5,
        points: { show: false } }] : [])],
      hooks: { draw: [(u) => markSurges(u, s, ours.weeks)] },
    }, data, chart);
    figure._plot = plot;
    chart.addEventListener("click", () => { if (plot.cursor.idx != null) brush(s, plot.cursor.idx); });
  }
}

function trendTable(s, weeks, brush) {
  // the chart's weeks as a table, one button a week that brushes the dashboard to it
  const details = el("details", { class: "trend-table" });
  details.appendChild(el("summary", {}, t("trendTable")));
  const table = el("table");
  const head = el("tr");
  head.append(el("th", { scope: "col" }, t("week")), el("th", { scope: "col" }, t("events")),
    el("th", { scope: "col" }, t("fatalities")));
  table.appendChild(head);
  weeks.forEach((week, i) => {
    const surge = s.surges.includes(week);
    const row = el("tr", { class: "trend-week" + (surge ? " surge" : ""), "data-week": week });
    const button = el("button", { type: "button" }, weekLabel(Date.parse(week + "T00:00:00Z") / 1000, 52, true));
    button.addEventListener("click", () => brush(i));
    const cell = el("th", { scope: "row" });
    cell.appendChild(button);
    row.append(cell, el("td", {}, number(s.counts[i]) + (surge ? ` (${t("surge")})` : "")),
      el("td", {}, number((s.fatalities || [])[i] || 0)));
    table.appendChild(row);
  });
  details.appendChild(table);
  return details;
}

function markSurges(u, s, weeks) {
  // a red triangle above each surge week's bar
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = "#b91c1c";
  weeks.forEach((week, i) => {
    if (!s.surges.includes(week)) return;
    const x = u.valToPos(u.data[0][i], "x", true);
    const y = u.valToPos(s.counts[i], "y", true) - 4 * devicePixelRatio;
    const r = 5 * devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - r, y - 1.6 * r);
    ctx.lineTo(x + r, y - 1.6 * r);
    ctx.closePath();
    ctx.fill();
  });
  ctx.restore();
}

function weekLabel(seconds, span, full = false) {
  // a week's Monday in the UI's language and digits: "3 Mar" over a few months, "Mar 2025" over a year
  const locale = `${state.lang === "ar" ? "ar-IQ" : "en-GB"}-u-nu-${state.digits === "arab" ? "arab" : "latn"}`;
  const options = full ? { day: "numeric", month: "short", year: "numeric" }
    : span > 26 ? { month: "short", year: "2-digit" } : { day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(seconds * 1000));
}

let alertsDrawing = 0;

async function drawAlerts() {
  // what the signed-in user's rules delivered (the dashboard channel and every other), newest first, then the
  // user's rules and a form for a new one; drawn off-screen and shown only if no later call began meanwhile
  const drawing = ++alertsDrawing;
  const alerts = await getJSON("/api/alerts?limit=50").catch(() => []);
  $("#alerts-count").textContent = alerts.length ? `(${number(alerts.length)})` : "";
  if ($("#alerts").hidden) return;
  const panel = el("div");
  panel.appendChild(el("h2", {}, t("alertsTitle")));
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
  const rules = await getJSON("/api/alerts/rules").catch(() => []);
  panel.appendChild(el("h3", {}, t("rulesTitle")));
  const ruleList = el("ul", { class: "rule-list" });
  for (const rule of rules) {
    const spec = rule.spec;
    const what = [spec.kind === "surge" ? t("kindSurge") : spec.kind === "threshold" ? `≥ ${spec.threshold} / ${t("week")}`
      : t("kindEvent"), ...(spec.admin1 || []).map(govName),
      ...(spec.event_types || []).map(typeName), spec.facility ? `${spec.facility} (${spec.radius_km} km)` : ""].filter(Boolean);
    const item = el("li", { "data-rule": rule.rule_id, dir: "auto" }, `${rule.name} · ${spec.channel} · ${what.join(", ")} `);
    const remove = el("button", { type: "button", "data-action": "remove-rule" }, t("removeRule"));
    remove.addEventListener("click", async () => {
      await fetch(`/api/alerts/rules/${rule.rule_id}`, { method: "DELETE", credentials: "same-origin" });
      drawAlerts();
    });
    item.appendChild(remove);
    ruleList.appendChild(item);
  }
  panel.appendChild(ruleList);
  panel.appendChild(await ruleForm());
  if (drawing === alertsDrawing) $("#alerts").replaceChildren(...panel.childNodes);
}

async function ruleForm() {
  // a rule as the API takes it; a refusal (a bad address, an unknown facility) is said beside the form
  const form = el("form", { class: "rule-form" });
  const field = (label, control) => { const wrap = el("label", {}, t(label) + " "); wrap.appendChild(control); return wrap; };
  const choice = (name, options) => {
    const select = el("select", { name });
    for (const [value, label] of options) select.appendChild(el("option", { value }, label));
    return select;
  };
  const facilities = (await getJSON("/api/facilities")).features.map((f) => f.properties);
  form.append(el("h3", {}, t("newRule")),
    field("ruleName", el("input", { name: "name", required: "", maxlength: "200" })),
    field("channel", choice("channel", [["dashboard", t("channelDashboard")], ["email", t("channelEmail")],
      ["webhook", t("channelWebhook")]])),
    field("target", el("input", { name: "target" })),
    field("secret", el("input", { name: "secret", type: "password", autocomplete: "off" })),
    field("kind", choice("kind", [["event", t("kindEvent")], ["surge", t("kindSurge")], ["threshold", t("kindThreshold")]])),
    field("threshold", el("input", { name: "threshold", type: "number", min: "1", step: "1" })),
    field("admin1", choice("admin1", [["", t("all")], ...Object.keys(state.govAr || {}).map((g) => [g, govName(g)])])),
    field("type", choice("event_type", [["", t("all")], ...Object.keys(COLORS).map((type) => [type, typeName(type)])])),
    field("actor", choice("actor", [["", t("all")], ...ACTORS.map((actor) => [actor, actorName(actor)])])),
    field("tag", choice("tag", [["", t("all")], ...TAGS.map((tag) => [tag, tagName(tag)])])),
    field("facility", choice("facility", [["", t("anyFacility")],
      ...facilities.map((f) => [f.name, state.lang === "ar" ? f.name_ar || f.name : f.name])])),
    field("radius", el("input", { name: "radius_km", type: "number", min: "1", max: "500", value: "15" })),
    field("minConfidence", el("input", { name: "min_confidence", type: "number", min: "0", max: "1", step: "0.1" })),
    field("quietHours", el("input", { name: "quiet_hours", pattern: "[0-9]{1,2}-[0-9]{1,2}" })));
  const status = el("p", { role: "status", class: "form-error" });
  form.append(el("button", { type: "submit", "data-action": "add-rule" }, t("addRule")), status);
  const toggle = () => {
    const channel = form.elements.channel.value;
    form.elements.target.closest("label").hidden = channel === "dashboard";
    form.elements.secret.closest("label").hidden = channel !== "webhook";
    form.elements.threshold.closest("label").hidden = form.elements.kind.value !== "threshold";
  };
  form.elements.channel.addEventListener("change", toggle);
  form.elements.kind.addEventListener("change", toggle);
  toggle();
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const body = { name: data.get("name"), channel: data.get("channel"), kind: data.get("kind"),
      radius_km: Number(data.get("radius_km") || 15) };
    for (const key of ["target", "secret", "facility", "quiet_hours"]) if (data.get(key)) body[key] = data.get(key);
    if (data.get("admin1")) body.admin1 = [data.get("admin1")];
    if (data.get("event_type")) body.event_types = [data.get("event_type")];
    if (data.get("min_confidence")) body.min_confidence = Number(data.get("min_confidence"));
    if (data.get("actor")) body.actors = [data.get("actor")];
    if (data.get("tag")) body.tags = [data.get("tag")];
    if (data.get("kind") === "threshold") body.threshold = Number(data.get("threshold") || 0) || null;
    try {
      await postJSON("/api/alerts/rules", body);
      drawAlerts();
    } catch (error) { status.textContent = error.message; }
  });
  return form;
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

function echoDates() {
  // the browser's date picker writes dates in its own locale (mm/dd/yyyy, often): each chosen day is said beside
  // it in the UI's language and digits ("٣ آذار ٢٠٢٥", "3 Mar 2025")
  for (const output of document.querySelectorAll("#filters .date-echo")) {
    const value = $(`#filters [name=${output.dataset.for}]`).value;
    output.textContent = value ? weekLabel(Date.parse(value + "T00:00:00Z") / 1000, 0, true) : "";
  }
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
  echoDates();
  if (map) translateMap();
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
  $("#export").addEventListener("click", exportCSV);
  $("#in-view").addEventListener("change", () => applyFilters());
  translate();
  restoreFromURL();
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.selected = null; applyFilters(); });
  $("#clear").addEventListener("click", () => { resetFilters(); state.selected = null; applyFilters(); });
  $("#lang").addEventListener("click", () => { state.lang = state.lang === "ar" ? "en" : "ar"; translate(); applyFilters(); });
  $("#digits").addEventListener("click", () => {
    state.digits = state.digits === "arab" ? "latn" : "arab";
    $("#digits").setAttribute("aria-pressed", String(state.digits === "arab"));
    applyFilters();
  });
  $("#digits").setAttribute("aria-pressed", String(state.digits === "arab"));
  for (const name of ["since", "until"]) $(`#filters [name=${name}]`).addEventListener("input", echoDates);
  $("#more").addEventListener("click", loadMore);
  viewsForm();
  drawViews();
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
  document.addEventListener("keydown", reviewKeys);
  $("#queue").addEventListener("click", () => {
    // the unreviewed events that need an analyst (unsure, undated, or their sources disagree), least confident
    // first: the order an analyst clears them in
    resetFilters();
    $("#filters [name=review_state]").value = "unreviewed";
    $("#filters [name=queue]").value = "true";
    $("#filters [name=sort]").value = "confidence";
    $("#filters [name=order]").value = "asc";
    state.selected = null;
    applyFilters().then(() => { if (state.events.length) openEvent(state.events[0].event_id); });
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
