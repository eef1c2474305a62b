// Lint rule: a bounded context reads and writes only its own read-model tables.
//
// A table belongs to the context whose code creates it (`.createTable('name')` or SQL
// `create table name` anywhere under one of the context's libraries, bounded-contexts.json:
// the libraries of one context share their tables), so ownership needs no list kept by
// hand and a new context's tables are covered the day they exist. In a context's files the
// rule refuses another context's table wherever code names a table: a string that is the
// table (`selectFrom('org_reps')`), a `table.column` or `table as alias` reference, a table
// key of a Kysely table type (`withTables<{ org_reps: … }>()`) and SQL text in a `sql`
// template or `sql.raw(…)`. A table created by two contexts has no owner and is refused at
// each creation. Another context's facts reach a context as its published events, through
// a projection of the consumer's own (docs/architecture.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';

/** Context name → the libraries it is built from. */
const BOUNDED_CONTEXTS = createRequire(import.meta.url)('./bounded-contexts.json');

const CONTEXT_OF_LIBRARY = new Map(
  Object.entries(BOUNDED_CONTEXTS).flatMap(([context, libraries]) => libraries.map((library) => [library, context])),
);
const LIBRARY_OF_FILE = new RegExp(`^libs/(${[...CONTEXT_OF_LIBRARY.keys()].join('|')})/`);
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const CREATED_BY_BUILDER = new RegExp(`\\.createTable\\(\\s*['"\`](${NAME})['"\`]`, 'g');
const CREATED_BY_SQL = new RegExp(`\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?["\`]?(${NAME})`, 'gi');
const SQL_TABLE_POSITION = '\\b(?:from|join|into|update|table|exists)\\s+["`]?';

/** Table name → the contexts whose sources create it, for the repository at `root`. */
function tableOwners(root) {
  const owners = new Map();
  for (const [library, context] of CONTEXT_OF_LIBRARY) {
    for (const file of typeScriptFiles(join(root, 'libs', library))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [CREATED_BY_BUILDER, CREATED_BY_SQL]) {
        for (const [, table] of text.matchAll(pattern)) {
          if (!owners.has(table)) owners.set(table, new Set());
          owners.get(table).add(context);
        }
      }
    }
  }
  return owners;
}

function typeScriptFiles(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return []; // a library named in the list but not built yet
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// One scan per repository root and lint run: every file of the run asks the same question.
const ownersByRoot = new Map();
function ownersFor(root) {
  if (!ownersByRoot.has(root)) ownersByRoot.set(root, tableOwners(root));
  return ownersByRoot.get(root);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('eslint').Rule.RuleModule} */
const contextOwnsItsTables = {
  meta: {
    type: 'problem',
    docs: { description: "a bounded context does not read or write another context's tables" },
    schema: [],
    messages: {
      foreign:
        "'{{table}}' is a table of the {{owner}} context; {{context}} reads its own projection of {{owner}}'s published events instead",
      shared: "'{{table}}' is created by {{owners}}; a table has one owning context",
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    const library = LIBRARY_OF_FILE.exec(file)?.[1];
    if (library === undefined) return {};
    const own = CONTEXT_OF_LIBRARY.get(library);
    // Every table this context may not name: another context's, or one that several create.
    const notOwn = new Map(
      [...ownersFor(context.cwd)]
        .filter(([, contexts]) => !(contexts.size === 1 && contexts.has(own)))
        .map(([table, contexts]) => [table, [...contexts]]),
    );
    const report = (node, table) => {
      const owners = notOwn.get(table);
      if (owners.length > 1) {
        context.report({ node, messageId: 'shared', data: { table, owners: owners.join(' and ') } });
      } else {
        context.report({ node, messageId: 'foreign', data: { table, owner: owners[0], context: own } });
      }
    };
    const checkName = (node, text) => {
      for (const table of notOwn.keys()) {
        if (text === table || text.startsWith(`${table}.`) || text.startsWith(`${table} as `)) report(node, table);
      }
    };
    const checkSql = (node, text) => {
      for (const table of notOwn.keys()) {
        if (new RegExp(`${SQL_TABLE_POSITION}${escape(table)}\\b`, 'i').test(text)) report(node, table);
      }
    };
    const isSqlTag = (tag) =>
      (tag.type === 'Identifier' && tag.name === 'sql') ||
      (tag.type === 'MemberExpression' && tag.object.type === 'Identifier' && tag.object.name === 'sql');

    return {
      Literal(node) {
        if (typeof node.value !== 'string') return;
        checkName(node, node.value);
        const call = node.parent;
        if (call.type === 'CallExpression' && call.arguments[0] === node && isSqlTag(call.callee)) {
          checkSql(node, node.value);
        }
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) checkName(node, node.quasis[0].value.cooked ?? '');
        if (node.parent.type === 'TaggedTemplateExpression' && isSqlTag(node.parent.tag)) {
          checkSql(node, node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ? '));
        }
      },
      TSPropertySignature(node) {
        const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
        if (typeof key === 'string' && notOwn.has(key)) report(node.key, key);
      },
    };
  },
};

/**
 * The flat-config block `eslint.config.js` uses, and the boundary spec runs on its planted
 * violations: the rule on every file of the libraries.
 */
export const contextBoundaries = {
  files: ['libs/**/*.ts'],
  plugins: { boundaries: { rules: { 'context-owns-its-tables': contextOwnsItsTables } } },
  rules: { 'boundaries/context-owns-its-tables': 'error' },
};
