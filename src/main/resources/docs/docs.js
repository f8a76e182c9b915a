// Renders openapi.json with Swagger UI, both served by this Passerelle instance (no CDN).
// The document is found relative to /docs, so the reference also works behind a path prefix.
window.addEventListener('load', () => {
  const base = window.location.pathname.replace(/\/docs\/?$/, '');
  window.ui = SwaggerUIBundle({
    url: base + '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    defaultModelsExpandDepth: 1,
    docExpansion: 'list',
  });
});
