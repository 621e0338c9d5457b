// The public check of GraphQL over HTTP: graphql-http's server audits against one endpoint.
//   node audit.mjs <url> [header: value]...   prints one JSON object: { url, errors: [...], warnings: [...] }
// The end-to-end tests run it against the gateway and every service (README "GraphQL over HTTP").
import { serverAudits } from 'graphql-http';

const [url, ...headerArgs] = process.argv.slice(2);
const extra = Object.fromEntries(headerArgs.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]));
const fetchFn = (input, init = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...extra } });

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason });
}
const pick = (status) => results.filter((r) => r.status === status).map((r) => `${r.id} ${r.name}: ${r.reason}`);
console.log(JSON.stringify({ url, errors: pick('error'), warnings: pick('warn'), ok: pick('ok').length }));
