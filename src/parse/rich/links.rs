//! Which link and image targets the page may use, resolved against the document's own URL.
//!
//! Links keep http, https and mailto targets only. A relative target (`../runbook.md`,
//! `img/graph.png`) resolves against the URL the document was loaded from; without one it
//! cannot be followed and stays text. Images load only from the page's own origin (the same
//! static host, which the page's content security policy allows); any other image is
//! offered as a link instead, so reading a postmortem never calls a third party.
//!
//! Resolution follows RFC 3986 §5.2 (a few dozen lines here; the `url` crate would add about
//! 66 KB gzip to the page for the same answers on http(s) URLs). Targets are first cleaned
//! the way browsers clean them (tabs and new lines removed, outer spaces and control
//! characters trimmed), so `java\tscript:` is seen as the `javascript:` it would become.

/// An absolute URL cut into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Absolute {
    /// Lower case.
    scheme: String,
    /// `//host:port` part without the slashes (lower case), if any.
    authority: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

impl Absolute {
    fn parse(text: &str) -> Option<Absolute> {
        let (scheme, rest) = split_scheme(text)?;
        let (authority, rest) = match rest.strip_prefix("//") {
            Some(after) => {
                let end = after.find(['/', '?', '#']).unwrap_or(after.len());
                (Some(after[..end].to_ascii_lowercase()), &after[end..])
            }
            None => (None, rest),
        };
        let (path, query, fragment) = split_reference(rest);
        Some(Absolute {
            scheme,
            authority,
            path: path.to_string(),
            query: query.map(str::to_string),
            fragment: fragment.map(str::to_string),
        })
    }

    fn is_web(&self) -> bool {
        matches!(self.scheme.as_str(), "http" | "https") && self.authority.is_some()
    }

    fn same_origin(&self, other: &Absolute) -> bool {
        self.scheme == other.scheme && self.authority == other.authority
    }

    /// The reference `reference` (no scheme) resolved against this base (RFC 3986 §5.2.2).
    fn join(&self, reference: &str) -> Absolute {
        if let Some(after) = reference.strip_prefix("//") {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            let (path, query, fragment) = split_reference(&after[end..]);
            return Absolute {
                scheme: self.scheme.clone(),
                authority: Some(after[..end].to_ascii_lowercase()),
                path: remove_dot_segments(path),
                query: query.map(str::to_string),
                fragment: fragment.map(str::to_string),
            };
        }
        let (path, query, fragment) = split_reference(reference);
        let (path, query) = if path.is_empty() {
            (
                self.path.clone(),
                query.map(str::to_string).or_else(|| self.query.clone()),
            )
        } else if path.starts_with('/') {
            (remove_dot_segments(path), query.map(str::to_string))
        } else {
            let merged = match (self.path.rfind('/'), &self.authority) {
                (Some(slash), _) => format!("{}{path}", &self.path[..=slash]),
                (None, Some(_)) => format!("/{path}"),
                (None, None) => path.to_string(),
            };
            (remove_dot_segments(&merged), query.map(str::to_string))
        };
        Absolute {
            scheme: self.scheme.clone(),
            authority: self.authority.clone(),
            path,
            query,
            fragment: fragment.map(str::to_string),
        }
    }
}

impl std::fmt::Display for Absolute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:", self.scheme)?;
        if let Some(authority) = &self.authority {
            write!(f, "//{authority}")?;
            if self.path.is_empty() {
                f.write_str("/")?;
            }
        }
        f.write_str(&escape(&self.path))?;
        if let Some(query) = &self.query {
            write!(f, "?{}", escape(query))?;
        }
        if let Some(fragment) = &self.fragment {
            write!(f, "#{}", escape(fragment))?;
        }
        Ok(())
    }
}

/// Spaces and quote-like characters percent-encoded, as a browser would send them.
fn escape(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for ch in part.chars() {
        match ch {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '`' => out.push_str("%60"),
            _ => out.push(ch),
        }
    }
    out
}

/// `scheme:` at the start of `text` (lower-cased) and the rest, when it has one.
fn split_scheme(text: &str) -> Option<(String, &str)> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme.to_ascii_lowercase(), &text[colon + 1..]))
}

/// (path, query, fragment) of a reference.
fn split_reference(text: &str) -> (&str, Option<&str>, Option<&str>) {
    let (rest, fragment) = match text.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (text, None),
    };
    match rest.split_once('?') {
        Some((path, query)) => (path, Some(query), fragment),
        None => (rest, None, fragment),
    }
}

/// RFC 3986 §5.2.4: `.` and `..` segments removed.
fn remove_dot_segments(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = path.split('/').collect();
    for (i, segment) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *segment {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > usize::from(absolute) {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            _ => segments.push(segment),
        }
    }
    let joined = segments.join("/");
    if absolute && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The target as a browser would read it: tabs and new lines removed, outer spaces and
/// control characters trimmed.
fn clean_target(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// How the page treats a link target written in the text, before any base is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// An absolute http, https or mailto target: always a link.
    Followed,
    /// A path (`../runbook.md`): a link once the document's URL is known, text otherwise.
    Relative,
    /// Anything else (`javascript:`, `data:`, `#anchor`): always text.
    Refused,
}

/// How the page treats `raw` as a link target (the same rules [`LinkBase::link`] applies).
pub fn target_kind(raw: &str) -> TargetKind {
    let cleaned = clean_target(raw);
    if LinkBase::none().link(&cleaned).is_some() {
        TargetKind::Followed
    } else if !cleaned.is_empty() && !cleaned.starts_with('#') && split_scheme(&cleaned).is_none() {
        TargetKind::Relative
    } else {
        TargetKind::Refused
    }
}

/// `raw` resolved against the page's URL `page` when it is an http(s) address: the absolute
/// URL and its origin (`scheme://host:port`). `None` for any other scheme (`data:`, `blob:`,
/// `javascript:`, `file:`) or when it cannot be resolved.
pub fn web_address(raw: &str, page: &str) -> Option<(String, String)> {
    let base = LinkBase::new(Some(page), Some(page));
    let url = base.resolve(raw)?;
    url.is_web().then(|| {
        let origin = format!(
            "{}://{}",
            url.scheme,
            url.authority.as_deref().unwrap_or_default()
        );
        (url.to_string(), origin)
    })
}

/// The document's URL and the page's origin, both absolute; either may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkBase {
    /// Where the document was loaded from.
    document: Option<Absolute>,
    /// The page's own URL (for its origin).
    page: Option<Absolute>,
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
        let page = page
            .and_then(|p| Absolute::parse(&clean_target(p)))
            .filter(Absolute::is_web);
        let document = document.and_then(|doc| {
            let doc = clean_target(doc);
            match (split_scheme(&doc), &page) {
                (Some(_), _) => Absolute::parse(&doc),
                (None, Some(page)) => Some(page.join(&doc)),
                (None, None) => None,
            }
        });
        LinkBase {
            document: document.filter(Absolute::is_web),
            page,
        }
    }

    /// The absolute target of a link, or `None` when it must stay text.
    pub fn link(&self, raw: &str) -> Option<String> {
        let url = self.resolve(raw)?;
        (url.is_web() || url.scheme == "mailto").then(|| url.to_string())
    }

    /// What to do with an image at `raw`.
    pub fn image(&self, raw: &str) -> ImageTarget {
        match self.resolve(raw) {
            Some(url) if url.is_web() => {
                let same_origin = self.page.as_ref().is_some_and(|p| p.same_origin(&url));
                if same_origin {
                    ImageTarget::Show(url.to_string())
                } else {
                    ImageTarget::Link(url.to_string())
                }
            }
            _ => ImageTarget::Refuse,
        }
    }

    fn resolve(&self, raw: &str) -> Option<Absolute> {
        let raw = clean_target(raw);
        // A jump within the document has nowhere to go on this page.
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        if split_scheme(&raw).is_some() {
            return Absolute::parse(&raw);
        }
        Some(self.document.as_ref()?.join(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, reference: &str) -> String {
        Absolute::parse(base).unwrap().join(reference).to_string()
    }

    #[test]
    fn resolves_the_rfc_3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("./../g", "http://a/b/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(join(base, reference), want, "{reference}");
        }
    }

    #[test]
    fn browsers_cleaning_is_applied_before_the_scheme_check() {
        let base = LinkBase::none();
        assert_eq!(base.link("java\tscript:alert(1)"), None);
        assert_eq!(base.link("\u{1}javascript:alert(1)"), None);
        assert_eq!(base.link(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(base.link("vbscript:x"), None);
        assert_eq!(
            base.link("HTTPS://Example.COM/A"),
            Some("https://example.com/A".into())
        );
        assert_eq!(base.link("https:no-authority"), None);
    }

    #[test]
    fn target_kinds_follow_the_same_rules_as_links() {
        assert_eq!(target_kind("mailto:sre@example.com"), TargetKind::Followed);
        assert_eq!(target_kind("HTTPS://x.test/a"), TargetKind::Followed);
        assert_eq!(target_kind("../runbook.md"), TargetKind::Relative);
        assert_eq!(target_kind("img/a b.png"), TargetKind::Relative);
        assert_eq!(target_kind("java\tscript:alert(1)"), TargetKind::Refused);
        assert_eq!(target_kind("#timeline"), TargetKind::Refused);
        assert_eq!(target_kind("data:text/html,x"), TargetKind::Refused);
    }
}
