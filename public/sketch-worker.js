// The sketch worker (src/bin/sketch.rs): the glue and the wasm Trunk built for it, next to this
// file. A wasm that cannot start rejects a promise, which the page would never hear of: it is told
// ("sketch-failed", see src/components/timeline/sketch_worker.rs), and its lanes then move their
// elements instead of waiting for a worker that will not draw.
importScripts('./sketch.js');
wasm_bindgen({ module_or_path: './sketch_bg.wasm' }).catch((e) => {
  postMessage('sketch-failed');
  close();
  throw e;
});
