// Installs the gateway's packages exactly as package-lock.json pins them (`npm ci`), unless node_modules already
// holds exactly that: npm ci deletes node_modules and takes about 25 s, which every build would pay otherwise.
// Then applies gateway/patches (patch-package; a patch already applied stays as it is).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packages = (file) => JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).packages ?? {}, (key, value) =>
  (key === '' ? Object.fromEntries(Object.entries(value).filter(([path]) => path !== '')) : value));
const lock = resolve(here, 'package-lock.json');
const installed = resolve(here, 'node_modules', '.package-lock.json'); // npm's record of what node_modules holds

const run = (command, args) => spawnSync(command, args, { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });

if (existsSync(installed) && packages(installed) === packages(lock)) {
  console.log('install: node_modules matches package-lock.json');
} else {
  const npm = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  if (npm.status !== 0) process.exit(npm.status ?? 1);
}
const patched = run(process.execPath, [resolve(here, 'node_modules', 'patch-package', 'index.js')]);
process.exit(patched.status ?? 1);
