// The sketch worker (src/bin/sketch.rs): the glue and the wasm Trunk built for it, next to this file.
importScripts('./sketch.js');
wasm_bindgen({ module_or_path: './sketch_bg.wasm' });
