// Free search with facets as filters, in words; results can be added to the shortlist; "more" pages on.
import { call, isAbort } from "/web/api.js";
import { card } from "/web/cards.js";
import { addToShortlist } from "/web/shortlist.js";
import { emptyView, errorView, loadingView } from "/web/states.js";
import { $, countryName, el, schemeName, t } from "/web/ui.js";

const FACETS = ["type", "country", "scheme"];
const PAGE = 20;
let filters = {};
let shown = [], total = 0, lastQuery = null;

/** A facet value in words: "Métiers", "Belgique", "ROME (France)", never "occupation", "BE", "rome". */
function valueName(dim, v) {
  if (dim === "country") return countryName(v);
  return dim === "scheme" ? schemeName(v) : t(`${dim}_${v}`);
}

export async function search(ev, { more = false } = {}) {
  if (ev) { ev.preventDefault(); }
  const q = $("q").value.trim();
  if (ev && q !== lastQuery) filters = {};
  lastQuery = q;
  const params = { limit: PAGE, offset: more ? shown.length : 0, q, facets: more ? "none" : FACETS.join(",") };
  for (const [k, v] of Object.entries(filters)) if (v.size) params[k] = [...v].join(",");
  const out = $("search-results");
  if (!more) $("search-status").replaceChildren(loadingView());
  out.setAttribute("aria-busy", "true");
  let body;
  try {
    body = await call("search", "/api/v1/search", { params });
  } catch (e) {
    if (isAbort(e)) return;
    out.removeAttribute("aria-busy");
    $("search-status").replaceChildren(errorView(e, () => search(null, { more })));
    return;
  }
  out.removeAttribute("aria-busy");
  shown = more ? [...shown, ...body.items] : body.items;
  total = body.total;
  $("search-status").replaceChildren(body.items.length || more ? el("p", {}, t(body.totalRelation === "gte" ? "resultsAbout" : "resultsCount", { n: total })) : emptyView(
    q ? t("noneSearch", { q }) : t("noneFilters"),
    Object.values(filters).some((s) => s.size) ? [[t("clearFilters"), () => { filters = {}; search(); }]] : []));
  out.replaceChildren(...shown.map((i) => card(i, { onAdd: addToShortlist })));
  if (shown.length < total && body.items.length) {
    out.append(el("li", { class: "more" }, el("button", { type: "button", class: "secondary", onclick: () => search(null, { more: true }) }, t("moreResults"))));
  }
  if (!more) showFacets(body.facets || {});
}

function showFacets(facets) {
  $("facets").replaceChildren(...FACETS.filter((dim) => facets[dim] && facets[dim].length).map((dim) =>
    el("fieldset", {}, el("legend", {}, t(`facet_${dim}`)), ...facets[dim].slice(0, 6).map((v) => el("label", {},
      el("input", { type: "checkbox", checked: filters[dim] && filters[dim].has(v.value) ? "" : null,
        onchange: (e) => { filters[dim] = filters[dim] || new Set(); e.target.checked ? filters[dim].add(v.value) : filters[dim].delete(v.value); search(); } }),
      ` ${valueName(dim, v.value)} (${v.count})`)))));
}

/** After a language switch: the same search again, so titles and facets come back in the new language. */
export function rerunSearch() {
  if (lastQuery !== null) search();
}
