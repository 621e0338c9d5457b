// Composes the Chorus supergraph from the SDL each service serves at `_service { sdl }`.
// Each service's build writes that SDL to <service>/target/subgraph/schema.graphql when it packages the service
// (dev.chorus.test.SubgraphSchema asks the packaged service itself; see subgraphs.json).
// It also writes schema.graphql: the public schema clients see through the gateway (no federation internals),
// the file code generators read.
//   node compose.mjs           writes supergraph.graphql and schema.graphql
//   node compose.mjs --check   fails when composition fails or either file is not what the code composes
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

const outputs = [
  ['supergraph.graphql', result.supergraphSdl],
  ['schema.graphql', result.publicSdl],
].map(([file, sdl]) => ({ file, sdl: sdl.trimEnd() + '\n', target: resolve(here, file) }));
if (check) {
  let stale = false;
  for (const { file, sdl, target } of outputs) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== sdl) {
      const expected = file.replace('.graphql', '.expected.graphql');
      writeFileSync(resolve(here, expected), sdl);
      console.error(`compose: gateway/${file} differs from what the code composes (see gateway/${expected}); `
        + 'run `npm run compose` in gateway/ and commit it');
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log(`compose: supergraph.graphql and schema.graphql are up to date (${services.map((s) => s.name).join(', ')})`);
} else {
  for (const { sdl, target } of outputs) {
    writeFileSync(target, sdl);
    console.log(`compose: wrote ${target}`);
  }
}
