// The `q` of files.list, as "Search query terms and operators" defines it
// (https://developers.google.com/drive/api/guides/ref-search-terms): `query_term operator values`, joined by `and`,
// `or`, `not` and parentheses; strings in single quotes with `\'` and `\\` escaped. The terms the product uses are
// evaluated; a term Drive knows but this server does not evaluate is refused by name, and anything Drive cannot
// parse gets Drive's `400 Invalid Value`.
import { DriveApiError, invalidValue } from './errors.ts';

/** The fields of a stored file a query can look at. */
export interface Queryable {
  readonly name: string;
  readonly mimeType: string;
  readonly parents: readonly string[];
  readonly trashed: boolean;
}

export type Predicate = (file: Queryable) => boolean;

type Token =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'op'; readonly text: string }
  | { readonly kind: 'paren'; readonly text: '(' | ')' };

/** Terms of the reference with the operators it lists for each; only the first four are evaluated here. */
const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  name: ['contains', '=', '!='],
  mimeType: ['contains', '=', '!='],
  trashed: ['=', '!='],
  parents: ['in'],
  fullText: ['contains'],
  modifiedTime: ['<=', '<', '=', '!=', '>', '>='],
  viewedByMeTime: ['<=', '<', '=', '!=', '>', '>='],
  createdTime: ['<=', '<', '=', '!=', '>', '>='],
  starred: ['=', '!='],
  owners: ['in'],
  writers: ['in'],
  readers: ['in'],
  sharedWithMe: ['=', '!='],
  properties: ['has'],
  appProperties: ['has'],
  visibility: ['=', '!='],
  shortcutDetails: ['='],
};

const COLLECTIONS = new Set(['parents', 'owners', 'writers', 'readers']);

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= q.length) throw invalidValue('q');
        const d = q[i];
        if (d === "'") break;
        if (d === '\\') {
          const next = q[i + 1];
          if (next !== "'" && next !== '\\') throw invalidValue('q');
          text += next;
          i += 2;
        } else {
          text += d;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', text });
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = q.slice(i, i + 2);
      const text = ['!=', '<=', '>='].includes(two) ? two : c;
      if (text === '!') throw invalidValue('q');
      tokens.push({ kind: 'op', text });
      i += text.length;
    } else {
      const m = /^[A-Za-z_][\w.]*/.exec(q.slice(i));
      if (!m) throw invalidValue('q');
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

function notEvaluated(term: string, operator: string): DriveApiError {
  return new DriveApiError(
    400,
    `Local Drive server: the query term "${term} ${operator}" is valid on Drive but not evaluated here.`,
    'badRequest',
    { name: 'q', type: 'parameter' },
  );
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Predicate {
    const p = this.or();
    if (this.at < this.tokens.length) throw invalidValue('q');
    return p;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(): Token {
    const t = this.tokens[this.at++];
    if (!t) throw invalidValue('q');
    return t;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === text;
  }

  private or(): Predicate {
    let left = this.and();
    while (this.isWord('or')) {
      this.at++;
      const a = left;
      const b = this.and();
      left = (f) => a(f) || b(f);
    }
    return left;
  }

  private and(): Predicate {
    let left = this.unary();
    while (this.isWord('and')) {
      this.at++;
      const a = left;
      const b = this.unary();
      left = (f) => a(f) && b(f);
    }
    return left;
  }

  private unary(): Predicate {
    if (this.isWord('not')) {
      this.at++;
      const inner = this.unary();
      return (f) => !inner(f);
    }
    const t = this.peek();
    if (t?.kind === 'paren' && t.text === '(') {
      this.at++;
      const inner = this.or();
      const close = this.next();
      if (close.kind !== 'paren' || close.text !== ')') throw invalidValue('q');
      return inner;
    }
    return this.term();
  }

  private term(): Predicate {
    const first = this.next();
    if (first.kind === 'string') {
      // `'<value>' in <collection>`
      const op = this.next();
      const collection = this.next();
      if (op.kind !== 'word' || op.text !== 'in' || collection.kind !== 'word' || !COLLECTIONS.has(collection.text))
        throw invalidValue('q');
      if (collection.text !== 'parents') throw notEvaluated(collection.text, 'in');
      const id = first.text;
      return (f) => f.parents.includes(id);
    }
    if (first.kind !== 'word' || !Object.hasOwn(OPERATORS, first.text)) throw invalidValue('q');
    const field = first.text;
    const opToken = this.next();
    const operator = opToken.text;
    if ((opToken.kind !== 'op' && opToken.kind !== 'word') || !OPERATORS[field].includes(operator))
      throw invalidValue('q');
    const value = this.next();
    if (field === 'trashed') {
      if (value.kind !== 'word' || (value.text !== 'true' && value.text !== 'false')) throw invalidValue('q');
      const wanted = value.text === 'true';
      return operator === '=' ? (f) => f.trashed === wanted : (f) => f.trashed !== wanted;
    }
    if (value.kind !== 'string') throw invalidValue('q');
    const text = value.text;
    if (field === 'mimeType') {
      if (operator === 'contains') return (f) => f.mimeType.includes(text);
      return operator === '=' ? (f) => f.mimeType === text : (f) => f.mimeType !== text;
    }
    if (field === 'name' && operator !== 'contains') {
      return operator === '=' ? (f) => f.name === text : (f) => f.name !== text;
    }
    throw notEvaluated(field, operator);
  }
}

/** The predicate of a `q`; an empty or absent `q` matches every file. */
export function parseQuery(q: string | null | undefined): Predicate {
  if (q === null || q === undefined || q.trim() === '') return () => true;
  return new Parser(tokenize(q)).parse();
}
