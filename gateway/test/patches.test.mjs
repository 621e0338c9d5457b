// The patches in gateway/patches are applied (patches/README.md): checked by behaviour, not by file contents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { parse } from 'graphql';

test('subgraph requests leave no abort listener behind on the executor (executor-http patch)', async () => {
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning.message);
  process.on('warning', onWarning);
  try {
    const executor = buildHTTPExecutor({
      endpoint: 'http://subgraph.invalid/graphql',
      fetch: async () => new Response('{"data":{"a":1}}', { headers: { 'content-type': 'application/json' } }),
    });
    const document = parse('{ a }');
    for (let i = 0; i < 50; i++) {
      const result = await executor({ document, signal: new AbortController().signal });
      assert.deepEqual(result.data, { a: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // warnings are emitted on a later tick
  } finally {
    process.off('warning', onWarning);
  }
  // unpatched, the 11th request makes Node warn "11 abort listeners added to [AbortSignal]"
  assert.deepEqual(warnings.filter((m) => /listener/i.test(m)), []);
});
