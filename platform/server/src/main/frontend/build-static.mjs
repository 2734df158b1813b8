// Build step of the server module (exec-maven-plugin, generate-resources).
// 1. Installs the pinned DSFR with `npm ci` in a work folder under target/ (its own install
//    script checks the terms of use accepted in .dsfr.yml); npm runs again only when the
//    project files changed.
// 2. Copies only what the pages use into <static>/dsfr.
// 3. Writes <static>/version.txt, a hash of every static file (DSFR subset and IMAG'IN's own
//    assets), which the server puts in asset URLs so browsers may cache them for a year.
// Usage: node build-static.mjs <work folder> <static output folder> <own assets folder>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [work, output, ownAssets] = process.argv.slice(2);
if (!work || !output || !ownAssets) {
  console.error('usage: node build-static.mjs <work folder> <static output folder> <own assets folder>');
  process.exit(2);
}
const source = dirname(fileURLToPath(import.meta.url));
const projectFiles = ['package.json', 'package-lock.json', '.dsfr.yml'];

const unchanged = existsSync(join(work, 'node_modules/@gouvfr/dsfr/package.json'))
  && projectFiles.every(f => existsSync(join(work, f))
    && readFileSync(join(work, f)).equals(readFileSync(join(source, f))));
if (!unchanged) {
  mkdirSync(work, { recursive: true });
  projectFiles.forEach(f => cpSync(join(source, f), join(work, f)));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: work, stdio: 'inherit' });
}

// Styles and scripts, the Marianne fonts (the PDF pipeline reads them too), the icons the
// styles point to, the icon utility classes, the favicon, and the terms' licence file.
// Copied only when the package or this script changed; into a fresh folder then renamed, so
// a build running beside a test never leaves the folder half-filled.
const dsfr = join(work, 'node_modules/@gouvfr/dsfr');
const subset = ['dsfr.min.css', 'dsfr.module.min.js', 'dsfr.nomodule.min.js', 'fonts', 'icons',
  'utility/icons/icons.min.css', 'favicon'];
const destination = join(output, 'dsfr');
const stamp = createHash('sha256')
  .update(readFileSync(join(source, 'package-lock.json')))
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex');
const stampFile = join(destination, '.stamp');
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  const fresh = join(output, `.dsfr-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  for (const path of subset) {
    cpSync(join(dsfr, 'dist', path), join(fresh, path), { recursive: true });
  }
  cpSync(join(dsfr, 'LICENSE.md'), join(fresh, 'LICENSE.md'));
  writeFileSync(join(fresh, '.stamp'), stamp);
  const old = join(output, `.dsfr-old-${process.pid}`);
  if (existsSync(destination)) {
    renameSync(destination, old);
  }
  renameSync(fresh, destination);
  rmSync(old, { recursive: true, force: true });
}

const hash = createHash('sha256');
const addTree = folder => {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      addTree(path);
    } else {
      hash.update(entry.name).update(readFileSync(path));
    }
  }
};
addTree(destination);
addTree(ownAssets);
const version = join(output, 'version.txt');
const temporary = `${version}.${process.pid}`;
writeFileSync(temporary, hash.digest('hex').slice(0, 12) + '\n');
renameSync(temporary, version);
