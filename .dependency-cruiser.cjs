// Layer rules for src/, checked by `npm run layers` (part of `npm run check`): domain is pure, app
// (use cases) stands on domain only, effects reach Slack through ports, and no import goes in a circle.

/** Packages that tie code to Slack, storage, scheduling or metrics: never in domain or app. */
const infrastructurePackages =
  '^node_modules/(@slack/|mongodb/|node-cron/|better-sqlite3/|mingo/|prom-client/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles (type-only ones too) tangle modules that should stand alone: move the shared type or function to where it belongs.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-pure',
      severity: 'error',
      comment: 'src/domain holds pure rules and types: it imports no file of the project outside src/domain.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['local'], pathNot: '^src/domain/' },
    },
    {
      name: 'domain-pure-packages',
      severity: 'error',
      comment: 'src/domain holds pure rules and types: no Slack, storage, cron or metrics packages.',
      from: { path: '^src/domain/' },
      to: { path: infrastructurePackages },
    },
    {
      name: 'app-layer',
      severity: 'error',
      comment:
        'src/app (use cases) imports only src/app and src/domain; Slack, store, integrations, jobs, workspaces and effects are reached through ports.',
      from: { path: '^src/app/' },
      to: { dependencyTypes: ['local'], pathNot: '^src/(app|domain)/' },
    },
    {
      name: 'app-layer-packages',
      severity: 'error',
      comment: 'src/app (use cases) may use node builtins, zod and luxon, and no other package.',
      from: { path: '^src/app/' },
      to: { path: '^node_modules/', pathNot: '^node_modules/(zod|luxon|@types/luxon)/' },
    },
    {
      name: 'effects',
      severity: 'error',
      comment:
        'src/effects reaches Slack through ports declared in domain or app, never by importing src/slack.',
      from: { path: '^src/effects/' },
      to: { path: '^src/slack/' },
    },
    {
      name: 'playground-apart',
      severity: 'error',
      comment:
        'The playground (and the Slack simulator in it) is reached only from src/main.ts when no Slack setting is given: production code never depends on it.',
      from: { path: '^src/', pathNot: '^src/(playground/|main\\.ts$)' },
      to: { path: '^src/playground/' },
    },
    {
      name: 'simulator-stands-alone',
      severity: 'error',
      comment:
        'src/playground/slack-simulator plays Slack: it imports nothing of Rapport, so tests and playground exercise Rapport only over HTTP.',
      from: { path: '^src/playground/slack-simulator/' },
      to: { dependencyTypes: ['local'], pathNot: '^src/playground/slack-simulator/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve would hide its edges from the rules above.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API for dependency-cruiser to use, so swc parses the
    // sources. swc reads them as written, before compilation, so `import type` edges are in the graph
    // (a type-only cycle is a cycle); tsPreCompilationDeps asks the same of the tsc parser.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Sources import './x.js' for './x.ts' (NodeNext): dependency-cruiser falls back to the .ts file
    // by itself. Packages resolve through their "exports", as node and TypeScript resolve them.
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.d.ts', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    cache: false,
  },
};
