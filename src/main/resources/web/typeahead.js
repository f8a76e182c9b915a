// Typeahead on the profile fields and the free search (combobox pattern: arrows move, Enter chooses, Escape
// closes the list and keeps what was typed). The list never lies over a button: it shrinks or opens upwards.
import { call, isAbort } from "/web/api.js";
import { $, countryName, el } from "/web/ui.js";

const list = $("suggestions");
let activeInput = null, activeIndex = -1, timer = null;
/** Places chosen from the list, per field: a typed place that was not chosen is caught before sending. */
export const pickedPlaces = new Map();

export function closeSuggestions() {
  list.hidden = true; list.replaceChildren(); activeIndex = -1;
  document.querySelectorAll("[role=combobox]").forEach((i) => { i.setAttribute("aria-expanded", "false"); i.removeAttribute("aria-activedescendant"); });
}

function currentWord(input) {
  if (input.id === "q" || input.dataset.suggest === "place") return input.value.trim();
  const parts = input.value.split(",");
  return parts[parts.length - 1].trim();
}

/** "Arlon (BE)" becomes "Arlon, BE" in a place field, and the country mark goes away elsewhere. */
const placeText = (label) => label.replace(/ \(([A-Z]{2})\)$/, ", $1");
/** In the list, the country in words in the page's language: "Arlon (Belgique)", "Arlon (België)". */
const shown = (label) => label.replace(/ \(([A-Z]{2})\)$/, (m, c) => ` (${countryName(c)})`);

function choose(input, item, onChosen) {
  const isPlace = input.dataset.suggest === "place";
  const label = isPlace ? placeText(item.label) : item.label.replace(/ \([A-Z]{2}\)$/, "");
  if (isPlace || input.id === "q") {
    input.value = label;
  } else {
    const parts = input.value.split(",").map((s) => s.trim()).filter(Boolean);
    parts.pop();
    parts.push(label);
    input.value = parts.join(", ") + ", ";
  }
  if (isPlace) pickedPlaces.set(input.id, label);
  closeSuggestions();
  input.focus();
  if (onChosen) onChosen(input);
}

/** Candidates for a typed word (also used to offer places when one was typed but not picked). */
export async function fetchSuggestions(q, type) {
  const body = await call(`suggest`, "/api/v1/suggest", { params: { q, type, limit: 8 } });
  return body.items || [];
}

async function suggest(input, onChosen) {
  const q = currentWord(input);
  if (q.length < 2) { closeSuggestions(); return; }
  let items;
  try { items = await fetchSuggestions(q, input.dataset.suggest); } catch (e) { if (!isAbort(e)) closeSuggestions(); return; }
  if (document.activeElement !== input) return;
  list.replaceChildren(...items.map((s, i) => el("li", { role: "option", id: `sugg-${i}`, "aria-selected": "false",
    onmousedown: (ev) => { ev.preventDefault(); choose(input, s, onChosen); } }, shown(s.label))));
  list._items = items;
  activeInput = input; activeIndex = -1;
  list.hidden = items.length === 0;
  input.setAttribute("aria-expanded", String(items.length > 0));
  if (items.length) place(input);
}

/** Below the field, unless that would put it over a button: then shorter, or above the field. */
function place(input) {
  const r = input.getBoundingClientRect();
  list.style.maxHeight = "";
  list.style.left = `${r.left + window.scrollX}px`;
  list.style.top = `${r.bottom + window.scrollY}px`;
  list.style.minWidth = `${r.width}px`;
  const h = list.getBoundingClientRect().height;
  const buttons = [...document.querySelectorAll("button, summary, a, input[type=checkbox]")].map((b) => b.getBoundingClientRect())
    .filter((b) => b.width && b.bottom > r.bottom && b.top < r.bottom + h && b.right > r.left && b.left < r.left + Math.max(r.width, list.offsetWidth));
  if (!buttons.length) return;
  const room = Math.min(...buttons.map((b) => b.top)) - r.bottom - 4;
  if (room >= 96) { list.style.maxHeight = `${room}px`; return; }
  const up = Math.min(h, r.top - 4);
  list.style.maxHeight = `${up}px`;
  list.style.top = `${r.top + window.scrollY - up}px`;
}

export function attachTypeahead(input, onChosen) {
  input.addEventListener("input", () => {
    if (input.dataset.suggest === "place") pickedPlaces.delete(input.id);
    clearTimeout(timer); timer = setTimeout(() => suggest(input, onChosen), 150);
  });
  input.addEventListener("blur", () => { clearTimeout(timer); closeSuggestions(); });
  input.addEventListener("keydown", (ev) => {
    // A search field clears itself on Escape in Chromium: Escape only closes the list here.
    if (ev.key === "Escape") { if (input.type === "search" || !list.hidden) ev.preventDefault(); closeSuggestions(); return; }
    if (list.hidden || activeInput !== input) return;
    const options = [...list.children];
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      activeIndex = (activeIndex + (ev.key === "ArrowDown" ? 1 : options.length - 1) + (activeIndex < 0 && ev.key === "ArrowUp" ? 1 : 0)) % options.length;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === activeIndex)));
      input.setAttribute("aria-activedescendant", options[activeIndex].id);
      options[activeIndex].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter" && activeIndex >= 0) {
      ev.preventDefault(); ev.stopImmediatePropagation();
      choose(input, list._items[activeIndex], onChosen);
    }
  });
}

document.addEventListener("pointerdown", (ev) => {
  if (!list.hidden && !list.contains(ev.target) && ev.target !== activeInput) closeSuggestions();
});
window.addEventListener("resize", closeSuggestions);
