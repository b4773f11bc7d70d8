//! Which addresses `?src=` and `?metrics=` may load. Only http(s): a `data:`, `blob:`,
//! `javascript:` or `file:` address is refused, so nobody can make the page show text they
//! wrote into a link as if the site had published it. A deployment may narrow it further with
//! `<meta name="postmortem-explorer:sources" content="self https://docs.example.com">` in
//! `index.html` (`self` is the page's own origin; without the tag any http(s) origin that
//! allows the read is accepted). A source from another origin is named on the page.

use crate::parse::rich::web_address;

/// Where postmortems may come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SourcePolicy {
    /// Any http(s) address (the other host must still allow the read, CORS).
    #[default]
    AnyWeb,
    /// Only these origins (`https://host[:port]`); `self` stands for the page's own.
    Origins(Vec<String>),
}

impl SourcePolicy {
    /// The policy a deployment wrote (the meta tag's `content`): space-separated origins and
    /// `self`; `*` or an empty value for any http(s) address.
    pub fn from_setting(setting: &str) -> SourcePolicy {
        let origins: Vec<String> = setting
            .split_whitespace()
            .map(|o| o.trim_end_matches('/').to_ascii_lowercase())
            .collect();
        if origins.is_empty() || origins.iter().any(|o| o == "*") {
            SourcePolicy::AnyWeb
        } else {
            SourcePolicy::Origins(origins)
        }
    }
}

/// An address the page may load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The absolute URL.
    pub url: String,
    /// Its origin when it is not the page's own (to name it on the page), else `None`.
    pub foreign_origin: Option<String>,
}

/// `raw` (absolute, or relative to the page at `page`) as an address the page may load
/// under `policy`, or why not.
pub fn check_source(raw: &str, page: &str, policy: &SourcePolicy) -> Result<Source, String> {
    let Some((url, origin)) = web_address(raw.trim(), page) else {
        // As the browser reads it: tabs and newlines inside a scheme do not count.
        let cleaned: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        let scheme = cleaned.split_once(':').map(|(s, _)| s).filter(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        return Err(match scheme {
            Some(scheme) => format!(
                "only http(s) addresses are opened, not `{}:` ones",
                scheme.to_ascii_lowercase()
            ),
            None => "it is not an address this page can open".to_string(),
        });
    };
    let own = web_address(page, page).map(|(_, o)| o);
    let is_own = own.as_deref() == Some(origin.as_str());
    if let SourcePolicy::Origins(allowed) = policy {
        let listed = allowed
            .iter()
            .any(|a| a == &origin || (a == "self" && is_own));
        if !listed {
            return Err(format!(
                "this site only opens postmortems from {}",
                allowed
                    .iter()
                    .map(|a| if a == "self" { "itself" } else { a.as_str() })
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(Source {
        url,
        foreign_origin: (!is_own).then_some(origin),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://status.example.com/postmortems/?src=x";

    #[test]
    fn only_web_addresses_are_opened() {
        for raw in [
            "data:text/plain,Title: Rotate your SSO password",
            "DATA:text/plain,x",
            "blob:https://status.example.com/0e5f",
            "javascript:alert(1)",
            " java\tscript:alert(1)",
            "file:///etc/passwd",
            "ftp://example.com/x.txt",
        ] {
            let error = check_source(raw, PAGE, &SourcePolicy::AnyWeb).unwrap_err();
            assert!(
                error.starts_with("only http(s) addresses"),
                "{raw}: {error}"
            );
        }
        let own = check_source("incidents/a.md", PAGE, &SourcePolicy::AnyWeb).unwrap();
        assert_eq!(
            own.url,
            "https://status.example.com/postmortems/incidents/a.md"
        );
        assert_eq!(own.foreign_origin, None);
        let far = check_source("https://evil.example/x.md", PAGE, &SourcePolicy::AnyWeb).unwrap();
        assert_eq!(far.foreign_origin.as_deref(), Some("https://evil.example"));
    }

    #[test]
    fn a_deployment_can_list_its_origins() {
        let policy = SourcePolicy::from_setting("self https://docs.example.com/");
        assert!(check_source("a.md", PAGE, &policy).is_ok());
        assert!(check_source("https://docs.example.com/p/a.md", PAGE, &policy).is_ok());
        let error = check_source("https://evil.example/a.md", PAGE, &policy).unwrap_err();
        assert_eq!(
            error,
            "this site only opens postmortems from itself, https://docs.example.com"
        );
        assert_eq!(SourcePolicy::from_setting(""), SourcePolicy::AnyWeb);
        assert_eq!(SourcePolicy::from_setting("*"), SourcePolicy::AnyWeb);
        let only_self = SourcePolicy::from_setting("self");
        assert!(check_source("//evil.example/a.md", PAGE, &only_self).is_err());
    }
}
