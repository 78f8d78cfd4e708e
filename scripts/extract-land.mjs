// The map's land, extracted at setup time (scripts/setup.sh) from Natural Earth's 1:50m land
// (npm `world-atlas` 2.0.2, land-50m.json; public domain, the package ISC © Michael Bostock):
// clipped to the map's box, projected as `src/model/geo.rs` projects (equirectangular, true to
// scale along the box's middle parallel, 1000 units wide), simplified (Visvalingam, triangles
// under 4 square units dropped, via topojson-simplify), rounded to whole units and written as
// compact SVG path data, which build.rs embeds in the app. Land and sea only: land-50m has no
// borders, and none are drawn.
//
//   node scripts/extract-land.mjs OUT.path
//
// Keep BOX in step with `geo::BOX`: a native test checks projected places against the outline.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'tools', 'package.json'));
const topojsonClient = require('topojson-client');
const topojsonServer = require('topojson-server');
const topojsonSimplify = require('topojson-simplify');

const [W, S, E, N] = [-13, 27.5, 10, 51.5];
// Land is cut a little outside the box, so that the cut edges are never seen.
const MARGIN = 0.5;
const WIDTH = 1000;
const LEVEL = 4;
const MIN_RING = 4;

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/extract-land.mjs OUT.path');

const c = Math.cos(((S + N) / 2) * Math.PI / 180);
const k = WIDTH / ((E - W) * c);
const project = (lon, lat) => [(lon - W) * c * k, (N - lat) * k];

// Sutherland–Hodgman against the grown box, in degrees: meridians and parallels are straight in
// this projection, so cutting before projecting is exact.
const [cw, ce, cs, cn] = [W - MARGIN, E + MARGIN, S - MARGIN, N + MARGIN];
const lerp = (a, b, t) => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
const EDGES = [
  [(p) => p[0] >= cw, (a, b) => lerp(a, b, (cw - a[0]) / (b[0] - a[0]))],
  [(p) => p[0] <= ce, (a, b) => lerp(a, b, (ce - a[0]) / (b[0] - a[0]))],
  [(p) => p[1] >= cs, (a, b) => lerp(a, b, (cs - a[1]) / (b[1] - a[1]))],
  [(p) => p[1] <= cn, (a, b) => lerp(a, b, (cn - a[1]) / (b[1] - a[1]))],
];
function clip(ring) {
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of EDGES) {
    const next = [];
    pts.forEach((cur, i) => {
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(cut(prev, cur));
        next.push(cur);
      } else if (inside(prev)) next.push(cut(prev, cur));
    });
    pts = next;
    if (pts.length < 3) return null;
  }
  return [...pts, pts[0]];
}

const atlas = JSON.parse(
  fs.readFileSync(path.join(root, 'tools/node_modules/world-atlas/land-50m.json'), 'utf8'),
);
const land = topojsonClient.feature(atlas, atlas.objects.land);
const polygons = [];
for (const f of land.features ?? [land]) {
  const g = f.geometry;
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    const rings = [];
    for (let i = 0; i < poly.length; i++) {
      const r = clip(poly[i]);
      if (!r) {
        if (i === 0) break;
        continue;
      }
      rings.push(r.map(([lon, lat]) => project(lon, lat)));
    }
    if (rings.length) polygons.push(rings);
  }
}
const topo = topojsonSimplify.presimplify(
  topojsonServer.topology({
    land: { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } },
  }),
);
const simple = topojsonSimplify.simplify(topo, LEVEL);
const geometry = topojsonClient.feature(simple, simple.objects.land).geometry;

const area = (r) => {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return Math.abs(a) / 2;
};
let d = '';
for (const poly of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
  for (const ring of poly) {
    const q = [];
    for (const [x, y] of ring) {
      const p = [Math.round(x), Math.round(y)];
      const last = q[q.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
    }
    if (q.length < 4 || area(q) < MIN_RING) continue;
    // Absolute moves and lines: a little longer than relative ones, much simpler to read back
    // (the model reads the outline to test that coastal places lie on it).
    d += `M${q[0][0]} ${q[0][1]}` + q.slice(1, -1).map(([x, y]) => `L${x} ${y}`).join('') + 'Z';
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, d + '\n');
console.log(`extract-land: ${d.length} bytes of path data in ${out}`);
