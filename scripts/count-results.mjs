// Adds up vitest's JSON report and every .trx file into one line, "N passed, N failed". A test that did not run
// (skipped, not executed) counts as failed, and so does a step that failed without reporting any test (a build).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, failedStepsArg] = process.argv.slice(2);
let passed = 0, failed = 0;

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numTotalTests - report.numPassedTests;
}

const trxDir = join(dir, 'trx');
const trxFiles = existsSync(trxDir) ? readdirSync(trxDir).filter(f => f.endsWith('.trx')) : [];
for (const file of trxFiles) {
  const text = readFileSync(join(trxDir, file), 'utf8');
  const counters = text.match(/<Counters\b[^>]*>/);
  if (!counters) { failed += 1; continue; }
  const count = name => Number((counters[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [0, 0])[1]);
  passed += count('passed');
  failed += count('total') - count('passed');
  for (const problem of problems(text)) console.log(`--- ${file}: ${problem}`);
}

const failedSteps = Number(failedStepsArg);
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);

/**
 * What went wrong, in words: each failed test's message and stack, and each error the runner reported outside any
 * test (a class fixture that failed to start or stop). CI shows only this output, so it must be enough to diagnose.
 */
function problems(trx) {
  const unescape = t => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shorten = t => unescape(t).split('\n').slice(0, 30).join('\n');
  const found = [];
  for (const [result] of trx.matchAll(/<UnitTestResult\b[^>]*outcome="(?!Passed)[^"]*"[\s\S]*?<\/UnitTestResult>/g)) {
    const name = (result.match(/testName="([^"]*)"/) ?? [])[1];
    const message = (result.match(/<Message>([\s\S]*?)<\/Message>/) ?? [])[1] ?? '';
    const stack = (result.match(/<StackTrace>([\s\S]*?)<\/StackTrace>/) ?? [])[1] ?? '';
    found.push(`${unescape(name ?? '?')}\n${shorten(message)}\n${shorten(stack)}`);
  }
  for (const [, text] of trx.matchAll(/<RunInfo\b[^>]*outcome="(?:Error|Failed)"[^>]*>\s*<Text>([\s\S]*?)<\/Text>/g))
    found.push(shorten(text));
  return found;
}
