// `npm run build`: the deployable functions in dist/ — compiled JavaScript (relative imports rewritten to .js),
// the templates they render, and a package.json with only the runtime dependencies. `gcloud` deploys dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
cpSync(path.join(root, 'templates'), path.join(dist, 'templates'), { recursive: true });

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
writeFileSync(
  path.join(dist, 'package.json'),
  JSON.stringify(
    { name: pkg.name, version: pkg.version, private: true, type: 'module', main: 'functions/index.js', engines: { node: '20' }, dependencies: pkg.dependencies },
    null,
    2,
  ) + '\n',
);
process.stdout.write(`Đã đóng gói các hàm vào ${path.relative(root, dist)}/ (triển khai bằng --source=dist).\n`);
