// Fails CI when a suite that must run on this machine ran no test: the embedded
// SQLite store, the PostgreSQL event store and read models, the EventStoreDB wire double
// and the web app in a real browser (Debian's Chromium, which .ci/run installs).
// Only the real-EventStoreDB suite may be skipped (no Docker engine here), unless
// LTC_REQUIRE_REAL_ESDB=1 says this machine has one.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const required = [
  { name: 'SQLite event store contract', file: /libs\/event-store\/src\/sqlite\/.*\.spec\.ts$/ },
  { name: 'EventStoreDB adapter over the wire double', file: /libs\/event-store\/src\/esdb\/.*\.wire\.spec\.ts$/ },
  {
    name: 'PostgreSQL event store contract',
    file: /libs\/event-store\/src\/postgres\/.*\.spec\.ts$/,
    title: /postgres/i,
  },
  { name: 'PostgreSQL read models', title: /postgres/i },
  { name: 'end-to-end over HTTP', file: /test\/.*\.e2e-spec\.ts$/ },
  { name: 'web app in Chromium', file: /test\/web-app\.browser\.e2e-spec\.ts$/ },
  // Hosted CI with a Docker engine (.github/workflows/ci.yml) sets this; here the suite may skip.
  ...(process.env.LTC_REQUIRE_REAL_ESDB === '1'
    ? [{ name: 'EventStoreDB adapter on a real server', file: /libs\/event-store\/src\/esdb\/.*\.real\.spec\.ts$/ }]
    : []),
];

const passedIn = (rule) =>
  report.testResults.flatMap((suite) =>
    suite.assertionResults.filter(
      (test) =>
        test.status === 'passed' &&
        (rule.file ? rule.file.test(suite.name) : true) &&
        (rule.title ? rule.title.test([...test.ancestorTitles, test.title].join(' ')) : true),
    ),
  ).length;

let failed = false;
for (const rule of required) {
  const count = passedIn(rule);
  console.log(`${count > 0 ? 'ok  ' : 'FAIL'} ${rule.name}: ${count} tests passed`);
  if (count === 0) failed = true;
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
if (failed || !report.success) process.exit(1);
