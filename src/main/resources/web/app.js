// The advisors' page: profile builder with typeahead, three explained result columns, free search with
// facets, a printable shortlist. API data is always inserted as text, never as HTML.
import { STRINGS } from "/web/i18n.js";

let lang = "fr";
const t = (key) => (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.fr[key] || key;
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** "<b>x</b> y" from the API becomes <b> elements and text nodes: no markup from data is ever parsed. */
function highlighted(text) {
  const span = el("span");
  String(text).split(/(<b>|<\/b>)/).reduce((bold, part) => {
    if (part === "<b>") return true;
    if (part === "</b>") return false;
    if (part) span.append(bold ? el("b", {}, part) : document.createTextNode(part));
    return bold;
  }, false);
  return span;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
}

// ---- typeahead (combobox pattern: arrows to move, Enter to choose, Escape to close)
const list = $("suggestions");
let activeInput = null, activeIndex = -1, timer = null;

function closeSuggestions() {
  list.hidden = true; list.replaceChildren(); activeIndex = -1;
  document.querySelectorAll("[role=combobox]").forEach((i) => i.setAttribute("aria-expanded", "false"));
}

function currentWord(input) {
  if (input.id === "q") return input.value.trim();
  const parts = input.value.split(",");
  return parts[parts.length - 1].trim();
}

function choose(input, label) {
  const parts = input.value.split(",").map((s) => s.trim()).filter(Boolean);
  parts.pop();
  parts.push(label.replace(/ \((FR|BE|LU|DE|NL|CH)\)$/, (m) => (input.dataset.suggest === "place" ? m.replace(/[()]/g, "").replace(" ", ", ") : "")));
  const single = input.dataset.suggest === "place" || input.id === "q";
  input.value = single ? parts[parts.length - 1] : parts.join(", ") + ", ";
  closeSuggestions();
  input.focus();
}

async function suggest(input) {
  const q = currentWord(input);
  if (q.length < 2) { closeSuggestions(); return; }
  const type = input.dataset.suggest ? `&type=${encodeURIComponent(input.dataset.suggest)}` : "";
  const r = await fetch(`/api/v1/suggest?limit=8${type}&q=${encodeURIComponent(input.id === "q" ? input.value.trim() : q)}`);
  if (!r.ok) return;
  const items = (await r.json()).items;
  list.replaceChildren(...items.map((s, i) => el("li", { role: "option", id: `sugg-${i}`, "aria-selected": "false",
    onmousedown: (ev) => { ev.preventDefault(); choose(input, s.label); } }, s.label)));
  const rect = input.getBoundingClientRect();
  list.style.left = `${rect.left + window.scrollX}px`; list.style.top = `${rect.bottom + window.scrollY}px`;
  list.hidden = items.length === 0; activeInput = input; activeIndex = -1;
  input.setAttribute("aria-expanded", String(items.length > 0));
}

document.querySelectorAll("[data-suggest]").forEach((input) => {
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => suggest(input), 150); });
  input.addEventListener("blur", () => setTimeout(closeSuggestions, 100));
  input.addEventListener("keydown", (ev) => {
    if (list.hidden || activeInput !== input) return;
    const options = [...list.children];
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      activeIndex = (activeIndex + (ev.key === "ArrowDown" ? 1 : options.length - 1)) % options.length;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === activeIndex)));
      input.setAttribute("aria-activedescendant", options[activeIndex].id);
    } else if (ev.key === "Enter" && activeIndex >= 0) {
      ev.preventDefault(); choose(input, options[activeIndex].textContent);
      if (input.id === "q") search();
    } else if (ev.key === "Escape") {
      closeSuggestions();
    }
  });
});

// ---- profile → match
const split = (v) => v.split(",").map((s) => s.trim()).filter(Boolean);

async function match(ev) {
  ev.preventDefault();
  const f = new FormData($("profile-form"));
  const profile = { occupations: split(f.get("occupations")), skills: split(f.get("skills")), qualifications: split(f.get("qualifications")),
                    countries: f.getAll("country") };
  const location = String(f.get("location") || "").trim();
  if (location) { profile.location = location; profile.radiusKm = Number(f.get("radius")) || 40; }
  if (!profile.occupations.length && !profile.skills.length && !profile.qualifications.length) { $("status").textContent = t("needWords"); return; }
  $("status").textContent = t("loading");
  const r = await fetch("/api/v1/match", { method: "POST", headers: { "Content-Type": "application/json" },
                                           body: JSON.stringify({ profile, limit: 10 }) });
  const body = await r.json();
  if (!r.ok) { $("status").textContent = `${body.title} — ${body.detail}`; return; }
  $("status").textContent = "";
  showResolution(body.profile);
  for (const target of ["occupation", "training", "posting"]) {
    const items = body.results[target] || [];
    $(`results-${target}`).replaceChildren(...(items.length ? items.map(card) : [el("li", {}, t("none"))]));
  }
}

function showResolution(p) {
  const rows = [...p.occupations, ...p.skills, ...p.qualifications].map((r) =>
    el("li", {}, `« ${r.input} » → ${r.label} (${r.id}, ${Math.round(r.confidence * 100)} %, ${r.via})`));
  const box = $("resolution");
  box.replaceChildren(el("h3", {}, t("understood")), el("ul", {}, ...rows));
  if (p.unresolved && p.unresolved.length) box.append(el("p", {}, `${t("unresolved")} : ${p.unresolved.join(", ")}`));
}

function card(item) {
  const e = item.explanation || { matchedSkills: [], missingSkills: [], reasons: [], coverage: 0 };
  const meta = [item.scheme, item.country, item.distanceKm != null ? `${item.distanceKm} ${t("km")}` : null,
                item.hours ? `${item.hours} ${t("hours")}` : null, item.synthetic ? t("synthetic") : null].filter(Boolean).join(" · ");
  const details = el("details", {}, el("summary", {}, t("why")),
    el("ul", {}, ...e.reasons.map((r) => el("li", {}, r))),
    el("h4", {}, t("matched")), el("ul", {}, ...e.matchedSkills.map((s) => el("li", {}, s.label))),
    el("h4", {}, t("missing")), el("ul", {}, ...e.missingSkills.map((s) =>
      el("li", { class: s.essential ? "missing-essential" : "" }, s.label + (s.essential ? ` (${t("essential")})` : "")))));
  if (item.pathway) details.append(el("h4", {}, t("pathway")),
    el("ol", {}, ...item.pathway.steps.map((s) => el("li", {}, `${s.title}${s.hours ? ` — ${s.hours} ${t("hours")}` : ""}`))));
  const li = el("li", { class: "card", "data-id": item.id },
    el("h3", {}, item.title), el("div", { class: "meta" }, meta),
    el("label", {}, `${t("coverage")} `, el("meter", { min: "0", max: "1", value: String(e.coverage) }), ` ${Math.round(e.coverage * 100)} %`),
    details);
  if (item.recognition) {
    const v = (item.recognition.verdicts || [])[0];
    li.append(el("p", { class: "recognition" }, `${t("recognition")} ${item.recognition.from} → ${item.recognition.to} : `,
      v ? `${v.statusLabel}. ${v.route}` : item.recognition.note || item.recognition.status));
  }
  li.append(el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", onclick: () => addToShortlist(item) }, t("add"))));
  return li;
}

function addToShortlist(item) {
  const list = $("shortlist");
  if (list.querySelector(`[data-id="${CSS.escape(item.id)}"]`)) return;
  const e = item.explanation || { reasons: [] };
  const entry = el("li", { "data-id": item.id }, el("strong", {}, item.title), el("div", {}, e.reasons.slice(0, 3).join(" ")),
    el("button", { type: "button", class: "secondary", onclick: () => entry.remove() }, t("remove")));
  list.append(entry);
}

// ---- free search with facets as filters
let filters = {};
async function search(ev) {
  if (ev) ev.preventDefault();
  const q = $("q").value.trim();
  const params = new URLSearchParams({ limit: "20", facets: "type,country,scheme" });
  if (q) params.set("q", q);
  for (const [k, v] of Object.entries(filters)) if (v.size) params.set(k, [...v].join(","));
  const r = await fetch(`/api/v1/search?${params}`);
  const body = await r.json();
  if (!r.ok) { $("search-results").replaceChildren(el("li", {}, `${body.title} — ${body.detail}`)); return; }
  $("search-results").replaceChildren(...body.items.map((i) => el("li", { class: "card", "data-id": i.id },
    el("h3", {}, i.title), el("div", { class: "meta" }, [i.type, i.scheme, i.country, i.place].filter(Boolean).join(" · ")),
    i.highlight ? el("p", {}, highlighted(i.highlight)) : null)));
  $("facets").replaceChildren(...Object.entries(body.facets).filter(([dim]) => ["type", "country", "scheme"].includes(dim)).map(([dim, values]) =>
    el("fieldset", {}, el("legend", {}, dim), ...values.slice(0, 6).map((v) => el("label", {},
      el("input", { type: "checkbox", ...(filters[dim] && filters[dim].has(v.value) ? { checked: "" } : {}),
        onchange: (e) => { filters[dim] = filters[dim] || new Set(); e.target.checked ? filters[dim].add(v.value) : filters[dim].delete(v.value); search(); } }),
      ` ${v.value} (${v.count}) `)))));
}

$("profile-form").addEventListener("submit", match);
$("search-form").addEventListener("submit", search);
$("print").addEventListener("click", () => window.print());
$("lang").addEventListener("change", (e) => { lang = e.target.value; applyLanguage(); });
applyLanguage();
