// Fails CI when a suite that must run on this machine ran no test: the embedded
// SQLite store, the PostgreSQL event store and read models and the EventStoreDB wire double.
// Only the real-EventStoreDB suite may be skipped (no Docker engine here).
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
