// Passerelle search widget. Embed with one tag:
//   <script src="https://host/widget.js" data-type="training" data-near="Virton" data-lang="fr"></script>
// or place <passerelle-search data-type="posting" data-near="Arlon"></passerelle-search> after loading it.
// Shadow DOM: the host page's CSS does not reach in, ours does not leak out. No cookies, no storage.
(() => {
  const script = document.currentScript;
  const origin = script ? new URL(script.src, location.href).origin : location.origin;
  const TEXT = {
    fr: { label: "Rechercher", placeholder: "Métier, formation, offre…", button: "Rechercher", none: "Aucun résultat.", km: "km", error: "Recherche indisponible." },
    nl: { label: "Zoeken", placeholder: "Beroep, opleiding, vacature…", button: "Zoeken", none: "Geen resultaten.", km: "km", error: "Zoeken niet beschikbaar." },
    en: { label: "Search", placeholder: "Occupation, training, job post…", button: "Search", none: "No results.", km: "km", error: "Search unavailable." },
  };
  const STYLE = `
    :host { display: block; max-width: 640px; }
    /* The host page can still style the <passerelle-search> element itself (even with !important), so every
       inherited property is reset and set again on a root element inside the shadow tree. */
    .root { all: initial; display: block; font: 15px/1.4 system-ui, sans-serif; color: #1b1b1b; }
    form { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; }
    label { font-weight: 600; display: block; flex-basis: 100%; color: #1b1b1b; font-size: 15px; }
    input { flex: 1; font: inherit; padding: .4rem; border: 1px solid #6b6b6b; border-radius: 4px; color: #1b1b1b; background: #fff; }
    button { font: inherit; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; padding: .45rem .9rem; cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 3px solid #c75b00; outline-offset: 2px; }
    ol { list-style: none; padding: 0; }
    li { border: 1px solid #c9d3dd; border-radius: 6px; padding: .4rem .6rem; margin: .4rem 0; color: #1b1b1b; background: #fff; }
    .title { font-weight: 600; }
    .meta { color: #4a4a4a; font-size: 13px; }`;

  class PasserelleSearch extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const lang = TEXT[this.dataset.lang] ? this.dataset.lang : "fr";
      const tx = TEXT[lang];
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = STYLE;
      const form = document.createElement("form");
      form.setAttribute("role", "search");
      const id = "q-" + Math.random().toString(36).slice(2);
      const label = document.createElement("label");
      label.htmlFor = id; label.textContent = tx.label;
      const input = document.createElement("input");
      input.id = id; input.type = "search"; input.placeholder = tx.placeholder; input.autocomplete = "off";
      const button = document.createElement("button");
      button.type = "submit"; button.textContent = tx.button;
      const results = document.createElement("ol");
      results.setAttribute("aria-live", "polite");
      form.append(label, input, button);
      const container = document.createElement("div");
      container.className = "root";
      container.append(form, results);
      root.append(style, container);
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const params = new URLSearchParams({ limit: this.dataset.limit || "10", lang });
        if (input.value.trim()) params.set("q", input.value.trim());
        for (const key of ["type", "near", "country", "radiusKm"]) {
          const v = this.dataset[key === "radiusKm" ? "radius" : key];
          if (v) params.set(key, v);
        }
        try {
          const r = await fetch(`${origin}/api/v1/search?${params}`, { credentials: "omit" });
          const body = await r.json();
          if (!r.ok) throw new Error(body.detail);
          results.replaceChildren(...(body.items.length ? body.items.map((i) => {
            const li = document.createElement("li");
            const title = document.createElement("div");
            title.className = "title"; title.textContent = i.title;
            const meta = document.createElement("div");
            meta.className = "meta";
            meta.textContent = [i.place, i.distanceKm != null ? `${i.distanceKm} ${tx.km}` : null, i.country, i.synthetic ? "démo" : null].filter(Boolean).join(" · ");
            li.append(title, meta);
            return li;
          }) : [Object.assign(document.createElement("li"), { textContent: tx.none })]));
        } catch (e) {
          results.replaceChildren(Object.assign(document.createElement("li"), { textContent: tx.error }));
        }
      });
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
