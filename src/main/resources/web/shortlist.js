// The shortlist handed to the person: kept for the browser tab (sessionStorage, this page only), printed as a
// handout with the date, the person's reference and, for each item, what the person needs to act on it.
import { call, isAbort } from "/web/api.js";
import { facts, links } from "/web/cards.js";
import { $, announce, el, formatDate, t, titleOf, countryName } from "/web/ui.js";

const KEY = "passerelle.shortlist";
const REF = "passerelle.reference";
const RECORDS = { training: "trainings", posting: "postings", occupation: "occupations", skill: "skills" };
let items = load();

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) || []; } catch { return []; }
}
const save = () => sessionStorage.setItem(KEY, JSON.stringify(items));

/** The fields of a record worth printing, taken from the full record when the service has it. */
function keep(item, record) {
  const r = { ...item, ...(record || {}) };
  const place = typeof r.place === "object" && r.place ? r.place.name : r.place;
  return {
    id: r.id, type: r.type, title: r.title, titleNl: r.titleNl, country: r.country, place: place || (r.places || []).map((p) => p.name).join(", "),
    distanceKm: item.distanceKm, employer: r.employer, contract: r.contract, workingTime: r.workingTime, postedAt: r.postedAt,
    hours: r.hours, modality: r.modality, nextSession: r.nextSession, cost: r.cost, funding: r.funding, url: r.url, contact: r.contact,
    organisation: (r.providers || []).filter((p) => !p.role || /organisme|formation|training|opleid/i.test(p.role)).map((p) => p.name)[0]
      || (r.providers || []).map((p) => p.name)[0],
    address: r.address || (r.places || []).map((p) => [p.address, p.name].filter(Boolean).join(", ")).join(" ; "),
    synthetic: r.synthetic || r.source === "synthetic",
    reason: item.explanation && item.explanation.reasons ? item.explanation.reasons[0] : null,
  };
}

export async function addToShortlist(item) {
  if (items.some((i) => i.id === item.id)) { announce(t("alreadyAdded", { title: titleOf(item) })); return; }
  let record = null;
  if (RECORDS[item.type] && item.type !== "occupation") {
    try { record = await call(`record:${item.id}`, `/api/v1/${RECORDS[item.type]}/${encodeURIComponent(item.id)}`); } catch (e) { if (isAbort(e)) return; }
  }
  items.push(keep(item, record));
  save();
  render();
  announce(t("added", { title: titleOf(item), count: items.length }));
}

function remove(id) {
  const gone = items.find((i) => i.id === id);
  items = items.filter((i) => i.id !== id);
  save();
  render();
  if (gone) announce(t("removed", { title: titleOf(gone) }));
}

/** One line per fact the person can act on; only the facts the record has. */
function handoutFacts(i) {
  const rows = i.type === "training"
    ? [["organisation", i.organisation], ["address", i.address || i.place], ["nextSessionLabel", i.nextSession], ["cost", i.cost], ["funding", i.funding],
       ["web", i.url], ["contactLabel", i.contact]]
    : i.type === "posting"
      ? [["employer", i.employer], ["placeLabel", [i.place, countryName(i.country)].filter(Boolean).join(", ")],
         ["contract", [i.contract, i.workingTime].filter(Boolean).join(", ")], ["postedAt", i.postedAt ? formatDate(i.postedAt) : null], ["web", i.url]]
      : [["why", i.reason]];
  return el("dl", { class: "facts" }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, t(k)), el("dd", {}, v)]));
}

export function render() {
  $("shortlist").replaceChildren(...items.map((i) => el("li", { "data-id": i.id },
    el("strong", {}, titleOf(i)),
    el("div", { class: "meta screen-only" }, facts(i).join(" · ")),
    handoutFacts(i),
    i.synthetic ? el("p", { class: "note" }, t("syntheticNote")) : null,
    el("div", { class: "actions no-print" }, ...links(i),
      el("button", { type: "button", class: "secondary", onclick: () => remove(i.id) }, t("remove"))))));
  $("shortlist-empty").hidden = items.length > 0;
  $("print").disabled = items.length === 0;
  $("handout-date").textContent = t("handoutDate", { date: formatDate(new Date().toISOString()) });
  const ref = $("reference").value.trim();
  $("handout-ref").textContent = ref ? t("handoutFor", { ref }) : "";
}

export function initShortlist() {
  $("reference").value = sessionStorage.getItem(REF) || "";
  $("reference").addEventListener("input", () => { sessionStorage.setItem(REF, $("reference").value); render(); });
  $("print").addEventListener("click", () => { render(); window.print(); });
  render();
}
