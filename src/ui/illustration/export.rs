//! Saving the scene: as an SVG file (the escaped serialisation from the drawing layer), or as
//! a PNG drawn from that SVG onto a canvas at twice the size.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

use crate::draw::illustration::{to_svg, Scene, Theme};

/// How much larger than the stage the PNG is.
const PNG_SCALE: f64 = 2.0;

/// An object URL for `text` as a file of `mime` type.
fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// Asks the browser to save `href` as `name`.
fn save(href: &str, name: &str) {
    let Ok(anchor) = document().create_element("a") else {
        return;
    };
    let Ok(anchor) = anchor.dyn_into::<HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.click();
}

/// Frees an object URL once the download has started.
fn revoke_later(url: String) {
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
}

/// Downloads the scene as `STEM.svg`, in `theme`'s colours.
pub fn download_svg(scene: &Scene, stem: &str, theme: Theme) {
    let svg = to_svg(scene, theme);
    if let Some(url) = object_url(&svg, "image/svg+xml") {
        save(&url, &format!("{stem}.svg"));
        revoke_later(url);
    }
}

/// Downloads the scene as `STEM.png`: the SVG drawn onto a canvas.
pub fn download_png(scene: &Scene, stem: &str, theme: Theme) {
    let svg = to_svg(scene, theme);
    let (width, height) = (scene.width * PNG_SCALE, scene.height * PNG_SCALE);
    let Some(url) = object_url(&svg, "image/svg+xml") else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let name = format!("{stem}.png");
    let loaded = image.clone();
    let source = url.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(png) = rasterise(&loaded, width, height) {
            save(&png, &name);
        }
        let _ = Url::revoke_object_url(&source);
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

/// The image drawn on a fresh canvas, as a PNG data URL.
fn rasterise(image: &HtmlImageElement, width: f64, height: f64) -> Option<String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
