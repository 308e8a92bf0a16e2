// The hand-written Apps Script files under scripts/apps-script/project/: what Apps Script calls by name exists, and the
// generated project is exactly the code tsc checked.
import { readdirSync, readFileSync } from 'node:fs';
import { parse, type Node } from 'acorn';
import { describe, expect, it } from 'vitest';
import { renderAppsScript } from '../../../scripts/apps-script/index.ts';

const projectDir = new URL('../../../scripts/apps-script/project/', import.meta.url);
const files = renderAppsScript();
const scripts = Object.entries(files).filter(([name]) => name.endsWith('.gs'));

type AnyNode = Node & Record<string, unknown>;

/** Every node of a tree, depth first. */
function* nodes(node: unknown): Generator<AnyNode> {
  if (Array.isArray(node)) for (const child of node) yield* nodes(child);
  else if (node && typeof node === 'object' && typeof (node as AnyNode).type === 'string') {
    yield node as AnyNode;
    for (const value of Object.values(node)) if (value && typeof value === 'object') yield* nodes(value);
  }
}

/** Top-level declarations of each generated file: Apps Script puts them all in one global scope. */
const declared = scripts.flatMap(([file, code]) =>
  parse(code, { ecmaVersion: 2020, sourceType: 'script' }).body.flatMap((statement) => {
    if (statement.type === 'FunctionDeclaration') return [{ file, name: statement.id.name }];
    if (statement.type === 'VariableDeclaration')
      return statement.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [{ file, name: d.id.name }] : []));
    return [];
  }),
);

/** Function names passed as text to Apps Script: menu items, trigger handlers and the check for an existing trigger. */
function namedByText(): string[] {
  const names: string[] = [];
  for (const [, code] of scripts) {
    for (const node of nodes(parse(code, { ecmaVersion: 2020, sourceType: 'script' }))) {
      if (node.type !== 'CallExpression') continue;
      const callee = node.callee as AnyNode;
      const args = node.arguments as AnyNode[];
      const method = callee.type === 'MemberExpression' ? (callee.property as AnyNode).name : undefined;
      const text = (arg: AnyNode | undefined) =>
        arg?.type === 'Literal' && typeof arg.value === 'string' ? [arg.value] : [];
      if (method === 'addItem') names.push(...text(args[1]));
      if (method === 'newTrigger') names.push(...text(args[0]));
    }
  }
  return names;
}

describe('the Apps Script sources', () => {
  it('declare every function a menu item or a trigger names, and onOpen, which builds the menu', () => {
    const names = namedByText();
    expect(names).toEqual(
      expect.arrayContaining([
        'thiduaCreateForms',
        'thiduaInstallTrigger',
        'thiduaWriteFormLinks',
        'thiduaOnFormSubmit',
      ]),
    );
    const functions = new Set(declared.map((d) => d.name));
    for (const name of [...names, 'onOpen']) expect(functions, name).toContain(name);
  });

  it('declare each top-level name once across files (in the shared global scope a second one silently wins)', () => {
    const seen = new Map<string, string>();
    for (const { file, name } of declared) {
      expect(seen.get(name), `${name} in ${file}`).toBeUndefined();
      seen.set(name, file);
    }
  });

  it('are copied into the project as tsc checked them, every file of project/ included', () => {
    const sources = readdirSync(projectDir).filter((f) => f.endsWith('.js'));
    const bodies = scripts.filter(([name]) => name !== 'Schema.gs').map(([, code]) => code);
    expect(bodies).toHaveLength(sources.length);
    for (const source of sources) {
      const text = readFileSync(new URL(source, projectDir), 'utf8');
      expect(
        bodies.some((b) => b.endsWith(`\n${text}`)),
        source,
      ).toBe(true);
    }
  });
});
