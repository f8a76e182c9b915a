// One result card, for a match result or a free-search hit: what it is, where, in words; the explanation;
// the way to act on it (link to the offer or training, apply/contact); a clear mark when it is across the border.
import { countryName, el, formatDate, formatKm, highlighted, occupationCode, schemeName, t, titleOf } from "/web/ui.js";

/** What a person needs to see about a record at a glance, in words (no codes, no internal names). */
export function facts(item) {
  const place = (typeof item.place === "object" && item.place ? item.place.name : item.place) || ((item.places || [])[0] || {}).name;
  const where = [place, item.country ? countryName(item.country) : null].filter(Boolean).join(", ");
  const f = [];
  if (item.type === "posting") {
    f.push(item.employer, where, [item.contract, item.workingTime].filter(Boolean).join(", "),
      item.postedAt ? t("postedOn", { date: formatDate(item.postedAt) }) : null);
  } else if (item.type === "training") {
    f.push(where, item.hours ? `${item.hours} ${t("hours")}` : null, item.modality ? t(`modality_${item.modality}`) : null,
      item.nextSession ? t("nextSession", { date: item.nextSession }) : null);
  } else {
    const code = item.type === "skill" ? "" : occupationCode(item.id);
    f.push(code && code !== "ESCO" ? code : item.scheme ? schemeName(item.scheme) : null, item.type === "skill" ? t("type_skill") : null);
  }
  if (item.distanceKm != null && item.type !== "occupation") f.push(formatKm(item.distanceKm));
  if (item.synthetic) f.push(t("synthetic"));
  return f.filter(Boolean);
}

/** Link to the offer or the training, and an apply/contact action where the record has one. */
export function links(item) {
  const out = [];
  if (item.url) out.push(el("a", { href: item.url, target: "_blank", rel: "noopener", class: "link" },
    t(item.type === "posting" ? "seeOffer" : item.type === "training" ? "seeTraining" : "seeMore")));
  const apply = item.applyUrl || (item.type === "posting" && item.url);
  if (apply) out.push(el("a", { href: apply, target: "_blank", rel: "noopener", class: "link apply" }, t("apply")));
  if (item.contact && /^[^@\s]+@[^@\s]+$/.test(item.contact)) out.push(el("a", { href: `mailto:${item.contact}`, class: "link apply" }, t("contact")));
  return out;
}

/** The "across the border" mark: country, distance, and the recognition verdict in one line. */
function border(item, home) {
  if (!home || !item.country || item.country === home) return null;
  const verdict = item.recognition && (item.recognition.verdicts || [])[0];
  const box = el("div", { class: "border" },
    el("strong", {}, t("acrossBorder", { country: countryName(item.country) })),
    item.distanceKm != null ? ` · ${formatKm(item.distanceKm)}` : "");
  if (item.recognition) {
    box.append(el("div", {}, `${t("recognition")} : `, verdict ? verdict.statusLabel : (item.recognition.note || t(`recognition_${item.recognition.status}`))));
    if (verdict && verdict.route) box.append(el("details", {}, el("summary", {}, t("recognitionHow")), el("p", {}, verdict.route)));
  }
  return box;
}

/**
 * One occupation, one card: its codes in the other referentials ("ESCO « garde d'enfants » — correspondance
 * officielle"), and, when it was reached through one of them, how ("Trouvé par son équivalent Compétent OP-276 …").
 */
export function concept(item) {
  const out = [];
  if (item.via && typeof item.via === "object" && item.via.id) {
    out.push(el("p", { class: "via" }, t("foundVia", { code: occupationCode(item.via.id), label: item.via.label, how: t(`provenance_${item.via.provenance}`) })));
  }
  const eq = item.equivalents || [];
  if (eq.length) {
    out.push(el("div", { class: "equivalents" }, el("span", { class: "eq-title" }, t("sameElsewhere")),
      el("ul", {}, ...eq.map((e) => el("li", { "data-id": e.id },
        el("strong", {}, occupationCode(e.id)), ` ${e.label} — `,
        [e.relation ? t(`relation_${e.relation}`) : null, t(`provenance_${e.provenance}`)].filter(Boolean).join(", "))))));
  }
  return out;
}

function heading(item, explained) {
  const h = item.highlight && !explained ? highlighted(item.highlight) : null;
  return h && h.textContent === titleOf(item) ? h : titleOf(item);
}

/** A card for a match result (with its explanation) or a search hit (with its highlight). */
export function card(item, { home, onAdd } = {}) {
  const e = item.explanation;
  const li = el("li", { class: "card", "data-id": item.id, "data-type": item.type },
    // The highlight may be over another wording (the French title): the title in the page's language wins over it.
    el("h3", {}, heading(item, e)),
    el("div", { class: "meta" }, facts(item).join(" · ")),
    border(item, home),
    ...concept(item));
  if (e) {
    const cover = Math.round((e.coverage || 0) * 100);
    li.append(el("div", { class: "coverage" }, el("span", {}, `${t("coverage")} `),
      el("meter", { min: "0", max: "1", value: String(e.coverage || 0), "aria-label": t("coverage") }), ` ${cover} %`));
    const details = el("details", {}, el("summary", {}, t("why")),
      el("ul", {}, ...(e.reasons || []).map((r) => el("li", {}, r))));
    if ((e.matchedSkills || []).length) details.append(el("h4", {}, t("matched")), el("ul", {}, ...e.matchedSkills.map((s) => el("li", {}, s.label))));
    if ((e.missingSkills || []).length) details.append(el("h4", {}, t("missing")), el("ul", {}, ...e.missingSkills.map((s) =>
      el("li", { class: s.essential ? "missing-essential" : "" }, s.label + (s.essential ? ` (${t("essential")})` : "")))));
    if (item.pathway && item.pathway.steps && item.pathway.steps.length) details.append(el("h4", {}, t("pathway")),
      el("ol", {}, ...item.pathway.steps.map((s) => el("li", {}, `${s.title}${s.hours ? ` — ${s.hours} ${t("hours")}` : ""}`))));
    li.append(details);
  }
  const actions = el("div", { class: "actions" }, ...links(item));
  if (onAdd) actions.append(el("button", { type: "button", class: "secondary add", onclick: () => onAdd(item) }, t("add")));
  li.append(actions);
  return li;
}
