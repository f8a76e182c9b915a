// The advisors' page: wiring only. Each phase lives in its own module: typeahead, profile → match (with the
// "understood as" corrections), result cards, free search, shortlist and handout; api.js makes every call.
import { rerun, run } from "/web/profile.js";
import { rerunSearch, search } from "/web/search.js";
import { initShortlist, render as renderShortlist } from "/web/shortlist.js";
import { attachTypeahead } from "/web/typeahead.js";
import { $, countryName, t, ui } from "/web/ui.js";

function applyLanguage() {
  document.documentElement.lang = ui.lang;
  document.title = `Passerelle — ${t("tagline")}`;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("[data-country]").forEach((n) => { n.textContent = countryName(n.dataset.country); });
  document.querySelectorAll("[data-i18n-label]").forEach((n) => n.setAttribute("aria-label", t(n.dataset.i18nLabel)));
}

/** Phones: the three columns become tabs; on wide screens the tab bar is hidden and all columns show. */
function selectTab(target) {
  $("results").dataset.tab = target;
  document.querySelectorAll("[role=tab]").forEach((b) => {
    const on = b.dataset.target === target;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
  });
}

document.querySelectorAll("[data-suggest]").forEach((input) => attachTypeahead(input, input.id === "q" ? () => search() : null));
$("profile-form").addEventListener("submit", run);
$("search-form").addEventListener("submit", search);
document.querySelectorAll("[role=tab]").forEach((b) => {
  b.addEventListener("click", () => selectTab(b.dataset.target));
  b.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowRight" && ev.key !== "ArrowLeft") return;
    const tabs = [...document.querySelectorAll("[role=tab]")];
    const next = tabs[(tabs.indexOf(b) + (ev.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    selectTab(next.dataset.target); next.focus();
  });
});
$("lang").addEventListener("change", (e) => {
  ui.lang = e.target.value;
  applyLanguage();
  renderShortlist();
  rerun();
  rerunSearch();
});
const asked = new URLSearchParams(location.search).get("lang");
if (["fr", "nl", "en"].includes(asked)) { ui.lang = asked; $("lang").value = asked; }
applyLanguage();
selectTab("occupation");
initShortlist();
