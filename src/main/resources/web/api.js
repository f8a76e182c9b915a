// Every call to the API goes through here: the page's language is sent on each one, a newer call of the same
// kind aborts the older (a late answer never replaces a newer one), and failures come back as one of a few
// kinds the page can explain in the user's language.
import { ui } from "/web/ui.js";

const inFlight = new Map();
const TIMEOUT_MS = 20000;
/** Parameters the running service turned down once (an older version): not sent again. */
const refused = new Set();

export class ApiError extends Error {
  /** kind: "offline" (no answer), "timeout", "server" (5xx), "busy" (503/429), "bad" (4xx; problem in body) */
  constructor(kind, status, problem) { super(kind); this.kind = kind; this.status = status; this.problem = problem || {}; }
}

export const isAbort = (e) => e && e.name === "AbortError";

/**
 * fetch for one kind of request ("match", "search", "suggest", ...). Resolves to the JSON body; rejects with
 * an ApiError, or with an AbortError when a newer request of the same kind replaced this one.
 */
export async function call(kind, path, { method = "GET", body = null, params = {} } = {}) {
  if (inFlight.has(kind)) inFlight.get(kind).abort();
  const controller = new AbortController();
  inFlight.set(kind, controller);
  const timer = setTimeout(() => controller.abort(new DOMException("timeout", "TimeoutError")), TIMEOUT_MS);
  try {
    for (;;) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...params, lang: ui.lang })) {
        if (v !== undefined && v !== null && v !== "" && !refused.has(`${kind}:${k}`)) q.set(k, v);
      }
      let r;
      try {
        r = await fetch(`${path}?${q}`, { method, signal: controller.signal, headers: body ? { "Content-Type": "application/json" } : {},
                                          body: body ? JSON.stringify(body) : null });
      } catch (e) {
        if (controller.signal.reason && controller.signal.reason.name === "TimeoutError") throw new ApiError("timeout", 0);
        if (isAbort(e)) throw e;
        throw new ApiError("offline", 0);
      }
      const data = await r.json().catch(() => null);
      if (controller.signal.aborted) throw new DOMException("replaced", "AbortError");
      if (r.ok && data) return data;
      const problem = data || {};
      // An older service rejects a parameter this page sends (lang on suggest): drop it and ask again.
      if (r.status === 400 && problem.param && q.has(problem.param) && !refused.has(`${kind}:${problem.param}`)) {
        refused.add(`${kind}:${problem.param}`);
        continue;
      }
      if (r.status === 503 || r.status === 429) throw new ApiError("busy", r.status, problem);
      if (r.status >= 500 || !data) throw new ApiError("server", r.status, problem);
      throw new ApiError("bad", r.status, problem);
    }
  } finally {
    clearTimeout(timer);
    if (inFlight.get(kind) === controller) inFlight.delete(kind);
  }
}

export function cancel(kind) {
  if (inFlight.has(kind)) inFlight.get(kind).abort();
}
