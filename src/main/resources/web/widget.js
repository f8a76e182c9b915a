// Passerelle search widget. Embed with one tag:
//   <script src="https://host/widget.js" data-type="training" data-near="Virton" data-radius="60" data-lang="fr"></script>
// or place <passerelle-search data-type="posting" data-near="Arlon"></passerelle-search> after loading it.
// Shadow DOM: the host page's CSS does not reach in, ours does not leak out. No cookies, no storage. Styles
// are a constructed stylesheet, so a host page with a strict Content-Security-Policy needs no 'unsafe-inline'.
(() => {
  const script = document.currentScript;
  const origin = script ? new URL(script.src, location.href).origin : location.origin;
  const TEXT = {
    fr: { label: "Rechercher", placeholder: "Métier, formation, offre…", button: "Rechercher", km: "km", loading: "Recherche en cours…",
          error: "Recherche indisponible pour le moment : le service ne répond pas. Réessayez plus tard.",
          refused: "Recherche indisponible sur ce site : le service n'autorise pas encore cette adresse.",
          demo: "démo (offre fictive)", offer: "Voir l'offre", training: "Voir la formation", more: "En savoir plus", apply: "Postuler",
          kinds: { training: ["Formations", "les formations"], posting: ["Offres d'emploi", "les offres"], occupation: ["Métiers", "les métiers"], skill: ["Compétences", "les compétences"], "": ["Résultats", "les résultats"] },
          near: "{kinds} à moins de {km} km de {place}", nearNoKm: "{kinds} près de {place}", anywhere: "{kinds}",
          none: "Aucun résultat.", noneHere: "Aucun résultat pour « {q} » parmi : {scope}.", wider: "Chercher jusqu'à {km} km", otherKinds: "Voir aussi {kind} ({n})",
          everywhere: "Chercher partout", postedOn: "publiée le {date}",
          same: "Même métier : {codes}", via: "Trouvé par son équivalent {code} « {label} » ({how}).",
          official: "correspondance officielle", computed: "rapprochement calculé" },
    nl: { label: "Zoeken", placeholder: "Beroep, opleiding, vacature…", button: "Zoeken", km: "km", loading: "Bezig met zoeken…",
          error: "Zoeken is momenteel niet beschikbaar: de dienst antwoordt niet. Probeer later opnieuw.",
          refused: "Zoeken is niet beschikbaar op deze site: de dienst laat dit adres nog niet toe.",
          demo: "demo (fictieve vacature)", offer: "Vacature bekijken", training: "Opleiding bekijken", more: "Meer weten", apply: "Solliciteren",
          kinds: { training: ["Opleidingen", "opleidingen"], posting: ["Vacatures", "vacatures"], occupation: ["Beroepen", "beroepen"], skill: ["Competenties", "competenties"], "": ["Resultaten", "resultaten"] },
          near: "{kinds} binnen {km} km van {place}", nearNoKm: "{kinds} in de buurt van {place}", anywhere: "{kinds}",
          none: "Geen resultaten.", noneHere: "Geen resultaten voor „{q}” bij: {scope}.", wider: "Zoeken tot {km} km", otherKinds: "Ook {kind} bekijken ({n})",
          everywhere: "Overal zoeken", postedOn: "gepubliceerd op {date}",
          same: "Hetzelfde beroep: {codes}", via: "Gevonden via het equivalent {code} „{label}” ({how}).",
          official: "officiële koppeling", computed: "berekende koppeling" },
    en: { label: "Search", placeholder: "Occupation, training, job post…", button: "Search", km: "km", loading: "Searching…",
          error: "Search is unavailable for now: the service does not answer. Try again later.",
          refused: "Search is unavailable on this site: the service does not allow this address yet.",
          demo: "demo (fictitious post)", offer: "See the job post", training: "See the training", more: "Learn more", apply: "Apply",
          kinds: { training: ["Trainings", "trainings"], posting: ["Job posts", "job posts"], occupation: ["Occupations", "occupations"], skill: ["Skills", "skills"], "": ["Results", "results"] },
          near: "{kinds} within {km} km of {place}", nearNoKm: "{kinds} near {place}", anywhere: "{kinds}",
          none: "No results.", noneHere: "No results for “{q}” among: {scope}.", wider: "Search up to {km} km", otherKinds: "Also see {kind} ({n})",
          everywhere: "Search everywhere", postedOn: "posted on {date}",
          same: "Same occupation: {codes}", via: "Found through its equivalent {code} “{label}” ({how}).",
          official: "official crosswalk", computed: "computed link" },
  };
  const fill = (s, p) => s.replace(/\{(\w+)\}/g, (m, k) => (p[k] ?? m));
  /** An occupation's code as advisors know it ("ROME K1303", "Compétent OP-163"); ESCO's opaque ids are just "ESCO". */
  const code = (id) => {
    const m = /^(rome|competent|esco):(.+)$/.exec(id || "");
    return !m ? "" : m[1] === "rome" ? `ROME ${m[2]}` : m[1] === "competent" ? `Compétent ${m[2]}` : "ESCO";
  };
  const STYLE = `
    :host { display: block; max-width: 640px; }
    /* The host page can still style the <passerelle-search> element itself (even with !important), so every
       inherited property is reset and set again on a root element inside the shadow tree. */
    .root { all: initial; display: block; font: 15px/1.4 system-ui, sans-serif; color: #1b1b1b; }
    form { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; }
    label { font-weight: 600; display: block; flex-basis: 100%; color: #1b1b1b; font-size: 15px; }
    .scope { flex-basis: 100%; color: #4a4a4a; font-size: 13px; margin: 0; }
    input { flex: 1; font: inherit; padding: .4rem; border: 1px solid #6b6b6b; border-radius: 4px; color: #1b1b1b; background: #fff; min-height: 24px; min-width: 8em; }
    button { font: inherit; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; padding: .45rem .9rem; cursor: pointer; min-height: 24px; }
    button.secondary { background: #eef3f8; color: #0b4f8a; border: 1px solid #0b4f8a; font-size: 14px; }
    button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #c75b00; outline-offset: 2px; }
    ol { list-style: none; padding: 0; margin: .5rem 0 0; }
    li { border: 1px solid #c9d3dd; border-radius: 6px; padding: .4rem .6rem; margin: .4rem 0; color: #1b1b1b; background: #fff; }
    .title { font-weight: 600; }
    .meta { color: #4a4a4a; font-size: 13px; }
    a { color: #0b4f8a; font-weight: 600; font-size: 14px; margin-right: .75rem; display: inline-block; padding: .15rem 0; min-height: 24px; }
    .status { color: #1b1b1b; margin: .5rem 0 0; font-size: 14px; }
    .code { font-weight: 400; color: #4a4a4a; font-size: 13px; }
    .same, .via { color: #4a4a4a; font-size: 13px; overflow-wrap: anywhere; }
    .ways { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; }`;
  let sheet = null;
  const stylesheet = () => {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(STYLE); }
    return sheet;
  };
  const make = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  };

  class PasserelleSearch extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.lang_ = TEXT[this.dataset.lang] ? this.dataset.lang : "fr";
      this.tx = TEXT[this.lang_];
      this.radius = this.dataset.radius;
      this.type = this.dataset.type || "";
      const root = this.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [stylesheet()];
      const id = "q-" + Math.random().toString(36).slice(2);
      this.input = make("input", { id, type: "search", placeholder: this.tx.placeholder, autocomplete: "off" });
      this.scope = make("p", { className: "scope", id: `${id}-scope` });
      this.input.setAttribute("aria-describedby", this.scope.id);
      const form = make("form", {}, make("label", { htmlFor: id, textContent: this.tx.label }), this.scope, this.input,
        make("button", { type: "submit", textContent: this.tx.button }));
      form.setAttribute("role", "search");
      this.status = make("p", { className: "status" });
      this.status.setAttribute("role", "status");
      this.results = make("ol");
      root.append(make("div", { className: "root" }, form, this.status, this.results));
      this.showScope();
      form.addEventListener("submit", (ev) => { ev.preventDefault(); this.search(); });
    }

    /** "Formations à moins de 60 km de Virton": what the preset filters search, said before any result. */
    scopeText() {
      const kinds = this.type.split(",").map((k) => (this.tx.kinds[k] || this.tx.kinds[""])[0]).join(", ");
      const place = this.dataset.near;
      if (!place) return fill(this.tx.anywhere, { kinds });
      return fill(this.radius ? this.tx.near : this.tx.nearNoKm, { kinds, km: this.radius, place });
    }

    showScope() { this.scope.textContent = this.scopeText(); }

    async search() {
      const tx = this.tx;
      const params = new URLSearchParams({ limit: this.dataset.limit || "10", lang: this.lang_ });
      const q = this.input.value.trim();
      if (q) params.set("q", q);
      if (this.type) params.set("type", this.type);
      if (this.dataset.near) params.set("near", this.dataset.near);
      if (this.dataset.country) params.set("country", this.dataset.country);
      if (this.dataset.scheme) params.set("scheme", this.dataset.scheme);
      if (this.radius) params.set("radiusKm", this.radius);
      params.set("facets", "type");     // the other kinds found there, offered when the preset kind finds nothing
      // A newer search aborts the older one, so a late answer never replaces a newer one.
      if (this.controller) this.controller.abort();
      const controller = this.controller = new AbortController();
      this.status.textContent = tx.loading;
      this.results.setAttribute("aria-busy", "true");
      let body;
      try {
        const r = await fetch(`${origin}/api/v1/search?${params}`, { credentials: "omit", signal: controller.signal });
        body = await r.json();
        if (!r.ok) throw Object.assign(new Error(body.detail), { status: r.status });
      } catch (e) {
        if (controller.signal.aborted) return;
        this.results.removeAttribute("aria-busy");
        this.results.replaceChildren();
        this.status.textContent = await this.explainFailure(e);
        return;
      }
      if (controller.signal.aborted) return;
      this.results.removeAttribute("aria-busy");
      this.status.textContent = body.items.length ? "" : q ? fill(tx.noneHere, { q, scope: this.scopeText() }) : `${tx.none} ${this.scopeText()}.`;
      if (!body.items.length) this.status.append(this.ways(body));
      this.results.replaceChildren(...body.items.map((i) => this.item(i)));
    }

    /** A dead server and a refused origin (CORS) look the same to fetch: ask the server in no-cors mode to tell them apart. */
    async explainFailure(e) {
      if (e.status) return this.tx.error;
      try {
        await fetch(`${origin}/api/v1/health`, { mode: "no-cors", credentials: "omit" });
        console.error(`Passerelle widget: ${origin} answers but does not allow calls from ${location.origin} (CORS). `
          + "Ask the Passerelle operators to add this origin to the allowed origins (PASSERELLE_CORS_ORIGINS).");
        return this.tx.refused;
      } catch {
        console.error(`Passerelle widget: no answer from ${origin} (server down or network unreachable).`);
        return this.tx.error;
      }
    }

    /** When the preset filters leave nothing: offer a wider radius, or the other kinds of results there are. */
    ways(body) {
      const box = make("div", { className: "ways" });
      const widen = (label, change) => box.append(make("button", { type: "button", className: "secondary", textContent: label,
        onclick: () => { change(); this.showScope(); this.search(); } }));
      if (this.radius && Number(this.radius) < 200) {
        const km = Math.min(200, Number(this.radius) * 2);
        widen(fill(this.tx.wider, { km }), () => { this.radius = String(km); });
      }
      const others = ((body.facets || {}).type || []).filter((f) => f.count > 0 && !this.type.split(",").includes(f.value) && this.tx.kinds[f.value]);
      for (const f of others.slice(0, 2)) widen(fill(this.tx.otherKinds, { kind: this.tx.kinds[f.value][1], n: f.count }), () => { this.type = f.value; });
      if (!others.length && this.type) widen(this.tx.everywhere, () => { this.type = ""; });
      return box;
    }

    item(i) {
      const tx = this.tx;
      let country = i.country;
      try { country = i.country ? new Intl.DisplayNames([this.lang_], { type: "region" }).of(i.country) : null; } catch { /* keep the code */ }
      const date = i.postedAt && !Number.isNaN(Date.parse(i.postedAt))
        ? fill(tx.postedOn, { date: new Intl.DateTimeFormat(this.lang_, { dateStyle: "long" }).format(new Date(i.postedAt)) }) : null;
      const meta = [i.employer, [i.place, country].filter(Boolean).join(", "), i.distanceKm != null ? `${Math.round(i.distanceKm)} ${tx.km}` : null,
        [i.contract, i.workingTime].filter(Boolean).join(", "), date, i.synthetic ? tx.demo : null].filter(Boolean).join(" · ");
      const title = (this.lang_ === "nl" && i.titleNl) || i.title;
      const own = i.type === "occupation" ? code(i.id) : "";
      const li = make("li", {}, make("div", { className: "title" }, title, own ? make("span", { className: "code", textContent: ` · ${own}` }) : null));
      if (meta) li.append(make("div", { className: "meta", textContent: meta }));
      // One occupation, one row: how a crosswalk led to it, and its codes in the other referentials.
      if (i.via && typeof i.via === "object" && i.via.id) {
        li.append(make("div", { className: "via", textContent: fill(tx.via, { code: code(i.via.id), label: i.via.label, how: tx[i.via.provenance] || "" }) }));
      }
      const eq = (i.equivalents || []).map((e) => code(e.id)).filter((c, k, all) => c && all.indexOf(c) === k && c !== own);
      if (eq.length) li.append(make("div", { className: "same", textContent: fill(tx.same, { codes: eq.join(", ") }) }));
      if (i.url) {
        li.append(make("a", { href: i.url, target: "_blank", rel: "noopener",
          textContent: i.type === "posting" ? tx.offer : i.type === "training" ? tx.training : tx.more }));
        if (i.type === "posting") li.append(make("a", { href: i.applyUrl || i.url, target: "_blank", rel: "noopener", textContent: tx.apply }));
      }
      return li;
    }
  }
  if (!customElements.get("passerelle-search")) customElements.define("passerelle-search", PasserelleSearch);
  // The one-tag form: the script's own data- attributes preset a widget placed right after it.
  if (script && (script.dataset.type || script.dataset.near || script.dataset.lang || script.dataset.mount !== "none")) {
    const w = document.createElement("passerelle-search");
    for (const [k, v] of Object.entries(script.dataset)) if (k !== "mount") w.dataset[k] = v;
    script.after(w);
  }
})();
