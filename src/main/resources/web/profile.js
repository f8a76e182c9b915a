// Profile → match: builds the request from the form and the advisor's corrections, shows what each word was
// understood as (switchable among its alternatives, removable), and fills the three columns.
import { ApiError, call, isAbort } from "/web/api.js";
import { card } from "/web/cards.js";
import { addToShortlist } from "/web/shortlist.js";
import { emptyView, errorView, loadingView } from "/web/states.js";
import { fetchSuggestions, pickedPlaces } from "/web/typeahead.js";
import { $, announce, countryName, el, t } from "/web/ui.js";

const TARGETS = ["occupation", "training", "posting"];
const FIELDS = ["occupations", "skills", "qualifications", "wantedOccupations"];
const PAGE = 10, MAX = 50;
const LOW_CONFIDENCE = 0.8;          // "anim" → a medical occupation came at 0.79: below this, the advisor is asked to check
const split = (v) => String(v || "").split(",").map((s) => s.trim()).filter(Boolean);

/** The advisor's corrections: "field\u0000word" → the chosen concept {id,label}, or null when removed. */
const choices = new Map();
/** What each word could mean, as first answered (the alternatives stay offered after a switch). */
const meanings = new Map();
let last = null;               // { profile, body } of the answer on screen
const limits = Object.fromEntries(TARGETS.map((x) => [x, PAGE]));
let wantedRefused = false;

const key = (field, word) => `${field}\u0000${word.toLowerCase()}`;

function readForm() {
  const f = new FormData($("profile-form"));
  const words = Object.fromEntries(FIELDS.map((k) => [k, split(f.get(k))]));
  const profile = { countries: f.getAll("country") };
  for (const k of FIELDS) {
    profile[k] = words[k].flatMap((w) => {
      const c = choices.get(key(k, w));
      return c === undefined ? [w] : c === null ? [] : [c.id];
    });
  }
  const location = String(f.get("location") || "").trim();
  if (location) { profile.location = location; profile.radiusKm = Number(f.get("radius")) || 40; }
  return { profile, words };
}

/** A place typed but not chosen from the list: say so before sending, and offer the places it could be. */
async function placeNotPicked(location) {
  if (!location || /^-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?$/.test(location) || pickedPlaces.get("location") === location) return false;
  if (last && last.body.profile.place && location === last.location) return false;
  const box = $("status");
  box.replaceChildren(el("p", { role: "alert" }, t("placeNotPicked", { place: location })));
  let places = [];
  try { places = await fetchSuggestions(location, "place"); } catch (e) { if (isAbort(e)) return true; }
  const exact = places.find((p) => p.label.replace(/ \([A-Z]{2}\)$/, "").toLowerCase() === location.toLowerCase());
  if (exact && places.length === 1) return false;
  box.append(places.length
    ? el("div", { class: "ways" }, ...places.slice(0, 6).map((p) => el("button", { type: "button", class: "secondary", onclick: () => {
        const v = p.label.replace(/ \(([A-Z]{2})\)$/, ", $1");
        $("location").value = v; pickedPlaces.set("location", v); run();
      } }, p.label.replace(/ \(([A-Z]{2})\)$/, (m, c) => ` (${countryName(c)})`))))
    : el("p", {}, t("placeUnknown")));
  return true;
}

export async function run(ev, { only } = {}) {
  if (ev) { ev.preventDefault(); TARGETS.forEach((x) => { limits[x] = PAGE; }); }
  const { profile, words } = readForm();
  const location = profile.location;
  if (!profile.occupations.length && !profile.skills.length && !profile.qualifications.length && !profile.wantedOccupations.length) {
    $("status").replaceChildren(el("p", { role: "alert" }, t("needWords")));
    if (last) { last = { ...last, words }; showResolution(); }   // every word removed: keep the way back
    return;
  }
  if (await placeNotPicked(location)) return;
  if (!profile.wantedOccupations.length || wantedRefused) delete profile.wantedOccupations;
  const targets = only ? [only] : TARGETS;
  const limit = Math.max(...targets.map((x) => limits[x]));
  $("status").replaceChildren(loadingView());
  for (const x of targets) $(`results-${x}`).setAttribute("aria-busy", "true");
  let body;
  try {
    body = await call("match", "/api/v1/match", { method: "POST", body: { profile, targets, limit } });
  } catch (e) {
    if (isAbort(e)) return;
    if (e instanceof ApiError && e.problem.param === "profile.wantedOccupations" && !wantedRefused) {
      wantedRefused = true;       // an older service: match without it, and say so
      return run(null, { only });
    }
    $("status").replaceChildren(errorView(e, () => run(null, { only })));
    for (const x of targets) $(`results-${x}`).removeAttribute("aria-busy");
    return;
  }
  $("status").replaceChildren();
  if (wantedRefused && words.wantedOccupations.length) $("status").replaceChildren(el("p", {}, t("wantedNotUsed")));
  last = { profile, words, body: only && last ? { ...last.body, results: { ...last.body.results, ...body.results } } : body, location };
  learn(words, body.profile);
  showResolution();
  for (const x of targets) showColumn(x);
  announce(t("matchDone", { n: TARGETS.reduce((n, x) => n + (last.body.results[x] || []).length, 0) }));
}

/** Keeps every word's first resolution and alternatives so the advisor can switch back and forth. */
function learn(words, p) {
  for (const field of ["occupations", "skills", "qualifications", "wantedOccupations"]) {
    for (const r of p[field] || []) {
      const word = (words[field] || []).find((w) => { const c = choices.get(key(field, w)); return c ? c.id === r.input : w.toLowerCase() === String(r.input).toLowerCase(); });
      if (!word) continue;
      const k = key(field, word);
      if (!meanings.has(k)) meanings.set(k, { word, field, options: [{ id: r.id, label: r.label, confidence: r.confidence }, ...(r.alternatives || [])] });
      meanings.get(k).current = { id: r.id, label: r.label, confidence: r.confidence };
    }
  }
}

function showResolution() {
  const { words, body } = last;
  const rows = [];
  for (const field of FIELDS) {
    for (const word of words[field] || []) {
      const k = key(field, word);
      const m = meanings.get(k);
      const removed = choices.get(k) === null;
      if (!m && !removed) continue;
      rows.push(resolutionRow(field, word, m, removed));
    }
  }
  const unresolved = (body.profile.unresolved || []).filter((u) => !/^[a-z]+:/.test(u));
  const box = $("resolution");
  box.replaceChildren(el("h3", {}, t("understood")), rows.length ? el("ul", { class: "understood" }, ...rows) : el("p", {}, t("nothingUnderstood")));
  if (unresolved.length) box.append(el("p", {}, `${t("unresolved")} : ${unresolved.join(", ")}`));
  if (body.profile.place) box.append(el("p", {}, t("around", { place: body.profile.place.name, country: countryName(body.profile.place.country), km: body.profile.radiusKm })));
}

function resolutionRow(field, word, m, removed) {
  const k = key(field, word);
  if (removed) {
    return el("li", { class: "removed" }, el("span", {}, t("wordRemoved", { word })), " ",
      el("button", { type: "button", class: "secondary", onclick: () => { choices.delete(k); run(); } }, t("restore")));
  }
  const cur = m.current;
  const low = cur.confidence != null && cur.confidence < LOW_CONFIDENCE;
  const selectId = `alt-${[...meanings.keys()].indexOf(k)}`;
  const select = el("select", { id: selectId, onchange: (e) => {
    const o = m.options.find((x) => x.id === e.target.value);
    choices.set(k, { id: o.id, label: o.label });
    run();
  } }, ...m.options.map((o) => el("option", { value: o.id, selected: o.id === cur.id ? "" : null }, o.label)));
  return el("li", { class: low ? "low" : "" },
    el("label", { for: selectId }, `« ${word} » ${t(`as_${field}`)}`), " ", select,
    cur.confidence != null ? el("span", { class: "confidence" }, ` ${Math.round(cur.confidence * 100)} %`) : null,
    low ? el("strong", { class: "warn" }, ` ${t("lowConfidence")}`) : null, " ",
    el("button", { type: "button", class: "secondary", "aria-label": t("removeWord", { word }), onclick: () => { choices.set(k, null); run(); } }, t("removeShort")));
}

function showColumn(target) {
  const { body, profile } = last;
  const items = body.results[target] || [];
  const home = body.profile.place ? body.profile.place.country : null;
  const column = $(`results-${target}`);
  column.removeAttribute("aria-busy");
  const cards = items.slice(0, limits[target]).map((i) => card(i, { home, onAdd: addToShortlist }));
  if (!items.length) cards.push(el("li", {}, emptyView(emptyText(target), widenActions())));
  if (items.length >= limits[target] && limits[target] < MAX) {
    cards.push(el("li", { class: "more" }, el("button", { type: "button", class: "secondary", onclick: () => { limits[target] += PAGE; run(null, { only: target }); } },
      t(`more_${target}`))));
  }
  column.replaceChildren(...cards);
  $(`count-${target}`).textContent = String(items.length) + (items.length >= limits[target] && limits[target] < MAX ? "+" : "");
  document.querySelector(`.results`).dataset.searched = "true";
  void profile;
}

function emptyText(target) {
  const p = last.body.profile;
  return p.place ? t(`none_${target}_near`, { km: p.radiusKm, place: p.place.name }) : t(`none_${target}`);
}

/** Ways forward from an empty column: a wider radius, the other countries. */
function widenActions() {
  const out = [];
  const radius = $("radius");
  if (last.body.profile.place && Number(radius.value) < 500) {
    const wider = Math.min(500, Math.max(Number(radius.value) * 2, 80));
    out.push([t("widen", { km: wider }), () => { radius.value = String(wider); run(); }]);
  }
  const unchecked = [...document.querySelectorAll("input[name=country]:not(:checked)")];
  if (unchecked.length) out.push([t("allCountries"), () => { unchecked.forEach((c) => { c.checked = true; }); run(); }]);
  return out;
}

/** After a language switch: the same request again, so content comes back in the new language. */
export function rerun() {
  if (last) run();
}
