// Composes the Chorus supergraph from the SDL each service serves at `_service { sdl }`.
// Each service's build writes that SDL to <service>/target/subgraph/schema.graphql when it packages the service
// (dev.chorus.test.SubgraphSchema asks the packaged service itself; see subgraphs.json).
//   node compose.mjs           writes supergraph.graphql
//   node compose.mjs --check   fails when composition fails or supergraph.graphql is not what the code composes
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes('--check');
const subgraphs = JSON.parse(readFileSync(resolve(here, 'subgraphs.json'), 'utf8'));

const services = Object.entries(subgraphs).map(([name, { url, sdl }]) => {
  const file = resolve(here, sdl);
  if (!existsSync(file)) {
    console.error(`compose: ${file} is missing; build the ${name} service first (./mvnw install -DskipTests)`);
    process.exit(2);
  }
  return { name, url, typeDefs: parse(readFileSync(file, 'utf8')) };
});

const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  console.error('compose: the subgraphs do not compose:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}

const supergraph = result.supergraphSdl.trimEnd() + '\n';
const target = resolve(here, 'supergraph.graphql');
if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== supergraph) {
    writeFileSync(resolve(here, 'supergraph.expected.graphql'), supergraph);
    console.error('compose: gateway/supergraph.graphql differs from what the code composes '
      + '(see gateway/supergraph.expected.graphql); run `npm run compose` in gateway/ and commit it');
    process.exit(1);
  }
  console.log(`compose: supergraph.graphql is up to date (${services.map((s) => s.name).join(', ')})`);
} else {
  writeFileSync(target, supergraph);
  console.log(`compose: wrote ${target}`);
}
