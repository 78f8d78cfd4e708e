// One section of docs/benchmarks.md, written in place by the benchmarks' report scripts
// (phone-report.mjs, frames-report.mjs): the section under `heading` is replaced, up to the next
// `## ` heading; a document without it gets it before the heading `before` (or at its end).
import { readFileSync, writeFileSync } from 'node:fs';

export function writeSection(file, heading, section, before) {
  const doc = readFileSync(file, 'utf8');
  const at = doc.indexOf(`${heading}\n`);
  let out;
  if (at >= 0) {
    const next = doc.indexOf('\n## ', at + heading.length);
    out = doc.slice(0, at) + section + (next >= 0 ? doc.slice(next) : '');
  } else {
    const where = doc.indexOf(`\n${before}`);
    out = where >= 0 ? `${doc.slice(0, where + 1)}${section}${doc.slice(where)}` : `${doc.trimEnd()}\n\n${section}`;
  }
  writeFileSync(file, out);
}
