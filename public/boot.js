// Starts the app: loads the wasm-bindgen module and its WebAssembly. An external file, not
// Trunk's inline script, so the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'). Trunk writes the hashed file
// names into this script's data attributes (see `pattern_script` in Trunk.toml); they are
// relative to the page, not to this file.
const boot = document.querySelector('script[data-postmortem-boot]');
const page = (path) => new URL(path, document.baseURI).href;
const { default: init } = await import(page(boot.dataset.js));
await init({ module_or_path: page(boot.dataset.wasm) });
