//! Which link and image targets the page may use, resolved against the document's own URL.
//!
//! Links keep http, https and mailto targets only. A relative target (`../runbook.md`,
//! `img/graph.png`) resolves against the URL the document was loaded from; without one it
//! cannot be followed and stays text. Images load only from the page's own origin (the same
//! static host, which the page's content security policy allows); any other image is
//! offered as a link instead, so reading a postmortem never calls a third party.

use url::Url;

/// The document's URL and the page's origin, both absolute; either may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkBase {
    /// Where the document was loaded from.
    document: Option<Url>,
    /// The page's own origin, as `scheme://host[:port]`.
    origin: Option<Url>,
}

/// What to do with an image target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageTarget {
    /// Show it: the page's own origin serves it (absolute URL).
    Show(String),
    /// Offer it as a link to a remote http(s) image (absolute URL).
    Link(String),
    /// Neither: a scheme or a relative path that cannot be resolved.
    Refuse,
}

impl LinkBase {
    /// No document URL and no origin: only absolute http(s)/mailto links survive; no image shows.
    pub fn none() -> LinkBase {
        LinkBase::default()
    }

    /// A base from the document's URL (absolute, or relative to `page`) and the page's URL.
    pub fn new(page: Option<&str>, document: Option<&str>) -> LinkBase {
        let page = page.and_then(|p| Url::parse(p).ok());
        let document = match (document, &page) {
            (Some(doc), Some(page)) => page.join(doc).ok(),
            (Some(doc), None) => Url::parse(doc).ok(),
            (None, _) => None,
        }
        .filter(is_web);
        let origin = page.filter(is_web).and_then(|p| p.join("/").ok());
        LinkBase { document, origin }
    }

    /// The absolute target of a link, or `None` when it must stay text.
    pub fn link(&self, raw: &str) -> Option<String> {
        let url = self.resolve(raw)?;
        (is_web(&url) || url.scheme() == "mailto").then(|| url.to_string())
    }

    /// What to do with an image at `raw`.
    pub fn image(&self, raw: &str) -> ImageTarget {
        match self.resolve(raw) {
            Some(url) if is_web(&url) => {
                let same_origin = self
                    .origin
                    .as_ref()
                    .is_some_and(|origin| origin.origin() == url.origin());
                if same_origin {
                    ImageTarget::Show(url.to_string())
                } else {
                    ImageTarget::Link(url.to_string())
                }
            }
            _ => ImageTarget::Refuse,
        }
    }

    fn resolve(&self, raw: &str) -> Option<Url> {
        let raw = raw.trim();
        // A jump within the document has nowhere to go on this page.
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        match Url::parse(raw) {
            Ok(url) => Some(url),
            Err(url::ParseError::RelativeUrlWithoutBase) => self.document.as_ref()?.join(raw).ok(),
            Err(_) => None,
        }
    }
}

fn is_web(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}
