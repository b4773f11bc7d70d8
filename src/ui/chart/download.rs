//! Saving a file from the page: a link with `download` set, clicked once and removed.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `href` (a data: or blob: URL) for download as `file_name`.
pub fn download_url(file_name: &str, href: &str) -> Result<(), JsValue> {
    let document = leptos::prelude::document();
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// Offers `text` for download as `file_name` of type `mime`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let result = download_url(file_name, &url);
    // Revoked a little later: the download reads the blob after the click returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    result
}
