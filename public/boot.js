// Starts the app: loads the wasm-bindgen module and its WebAssembly. An external file, not
// Trunk's inline script, so the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'). Trunk writes the hashed file
// names into this script's data attributes (see `pattern_script` in Trunk.toml); they are
// relative to the page, not to this file.
//
// `?view=edit` starts the editor instead (src/bin/editor.rs): a bundle of its own with fixed
// file names, so they carry this build's name against stale caches, as the parse worker's do.
const boot = document.querySelector('script[data-postmortem-boot]');
const page = (path) => new URL(path, document.baseURI).href;
if (new URLSearchParams(window.location.search).get('view') === 'edit') {
  const build = (boot.dataset.js || '').replace(/[^A-Za-z0-9]/g, '');
  await new Promise((loaded, failed) => {
    const script = document.createElement('script');
    script.src = page(`editor.js?build=${build}`);
    script.onload = loaded;
    script.onerror = () => failed(new Error('the editor could not be loaded'));
    document.head.append(script);
  });
  // `editor.js` is a classic script: it defines `wasm_bindgen` for the page.
  // eslint-disable-next-line no-undef
  await wasm_bindgen({ module_or_path: page(`editor_bg.wasm?build=${build}`) });
} else {
  const { default: init } = await import(page(boot.dataset.js));
  await init({ module_or_path: page(boot.dataset.wasm) });
}
