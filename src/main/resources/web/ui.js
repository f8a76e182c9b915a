// Shared by the page's modules: the current language, its strings, and a DOM builder that only ever inserts
// API data as text (never parsed as HTML).
import { STRINGS } from "/web/i18n.js";

export const ui = { lang: "fr" };

export const t = (key, params = {}) => {
  const s = (STRINGS[ui.lang] && STRINGS[ui.lang][key]) || STRINGS.fr[key] || key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? m));
};
export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** Country names in the page's language ("Belgique", "België", "Belgium"), never the ISO code alone. */
export function countryName(code) {
  if (!code) return "";
  try { return new Intl.DisplayNames([ui.lang], { type: "region" }).of(code.toUpperCase()) || code; } catch { return code; }
}

export function formatDate(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso || "";
  return new Intl.DateTimeFormat(ui.lang, { day: "numeric", month: "long", year: "numeric" }).format(d);
}

export const formatKm = (km) => `${Math.round(km)} ${t("km")}`;

/** The title in the page's language when the record carries one (Compétent's Dutch titles). */
export const titleOf = (item) => (ui.lang === "nl" && item.titleNl) || (ui.lang === "en" && item.titleEn) || item.title;

/** The API escapes the text around its marks (&amp; &lt; &#39; …); turned back into characters, never parsed. */
function unescapeHtml(s) {
  return s.replace(/&(amp|lt|gt|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, e) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: "\"" }[e];
    if (named) return named;
    const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** "<b>x</b> y" from the API becomes <b> elements and text nodes: no markup from data is ever parsed. */
export function highlighted(text) {
  const span = el("span");
  String(text).split(/(<b>|<\/b>)/).reduce((bold, part) => {
    if (part === "<b>") return true;
    if (part === "</b>") return false;
    part = unescapeHtml(part);
    if (part) span.append(bold ? el("b", {}, part) : document.createTextNode(part));
    return bold;
  }, false);
  return span;
}

/** Says something to screen-reader users and sighted users alike (the live region under the shortlist). */
export function announce(text) {
  const live = $("announce");
  live.textContent = "";
  setTimeout(() => { live.textContent = text; }, 30);
}

/** A referential or source in words ("Référentiel ROME (France)"); an unknown one as "other source". */
export const schemeName = (s) => (STRINGS.fr[`scheme_${s}`] ? t(`scheme_${s}`) : t("scheme_other"));

/**
 * An occupation's code as advisors know it: "ROME K1303", "Compétent OP-163"; ESCO's codes are long opaque
 * identifiers nobody reads, so an ESCO occupation is just "ESCO". Anything else: nothing.
 */
export function occupationCode(id) {
  const m = /^(rome|competent|esco):(.+)$/.exec(id || "");
  if (!m) return "";
  return m[1] === "rome" ? `ROME ${m[2]}` : m[1] === "competent" ? `Compétent ${m[2]}` : "ESCO";
}
