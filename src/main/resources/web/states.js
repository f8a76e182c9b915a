// Loading, error and empty states: always in the user's language, always with a way forward.
import { el, t } from "/web/ui.js";

export const loadingView = () => el("p", { class: "state loading", role: "status" }, t("loading"));

/** An ApiError as a sentence the person understands, plus a button to try again. */
export function errorView(err, retry) {
  const text = {
    offline: t("errOffline"), timeout: t("errTimeout"), busy: t("errBusy"),
    server: t("errServer", { status: err.status || "" }),
  }[err.kind] || badRequestText(err.problem);
  return el("div", { class: "state error", role: "alert" }, el("p", {}, text),
    retry ? el("button", { type: "button", class: "secondary", onclick: retry }, t("retry")) : null);
}

/** A 400 names the parameter: say which field to correct, in the user's words, never the API's English. */
function badRequestText(problem) {
  const p = (problem && problem.param) || "";
  if (p.startsWith("profile.location")) return t("errPlace");
  if (p.startsWith("profile.radiusKm") || p === "radiusKm") return t("errRadius");
  if (p === "near") return t("errPlace");
  if (p.startsWith("profile")) return t("errProfile");
  return t("errRequest");
}

/** An empty list: what was looked for, and buttons that widen it. */
export function emptyView(text, actions = []) {
  return el("div", { class: "state empty" }, el("p", {}, text),
    actions.length ? el("div", { class: "ways" }, ...actions.map(([label, go]) => el("button", { type: "button", class: "secondary", onclick: go }, label))) : null);
}
