// `npm run build`: the deployable functions in dist/ — compiled JavaScript (relative imports rewritten to .js),
// the templates they render, and a package.json with only the runtime dependencies. `gcloud` deploys dist/.
// `--out DIR` builds the same thing elsewhere (the tests run the built functions from a folder of their own).
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOY_NODE_MAJOR } from './deploy/plan.ts';
import { parseCommandLine } from './cli/args.ts';

const USAGE = 'Cách dùng: npm run build -- [--out <thư mục>]';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseCommandLine({ options: { out: { type: 'string' } } }, USAGE);
const dist = path.resolve(values.out ?? path.join(root, 'dist'));

rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', dist],
  { stdio: 'inherit' },
);
cpSync(path.join(root, 'templates'), path.join(dist, 'templates'), { recursive: true });

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
writeFileSync(
  path.join(dist, 'package.json'),
  JSON.stringify(
    {
      name: pkg.name,
      version: pkg.version,
      private: true,
      type: 'module',
      main: 'functions/index.js',
      engines: { node: String(DEPLOY_NODE_MAJOR) },
      dependencies: pkg.dependencies,
    },
    null,
    2,
  ) + '\n',
);
process.stdout.write(
  `Đã đóng gói các hàm vào ${path.relative(root, dist)}/ (triển khai bằng --source=${path.relative(root, dist)}).\n`,
);
