//! Reads the share of users affected from an impact statement: "30% of users",
//! "affecting 80 percent of customers". A share of something else ("99% of requests") is
//! not a user share and is left as text.

/// Nouns that name people using the service.
const USER_NOUNS: &[&str] = &[
    "user",
    "users",
    "customer",
    "customers",
    "client",
    "clients",
    "account",
    "accounts",
    "people",
    "member",
    "members",
    "player",
    "players",
    "visitor",
    "visitors",
    "subscriber",
    "subscribers",
    "tenant",
    "tenants",
    "merchant",
    "merchants",
    "developer",
    "developers",
];

/// Words that may stand between the share and the noun ("30% of *our active* users").
const FILLERS: &[&str] = &[
    "of",
    "the",
    "our",
    "all",
    "active",
    "total",
    "logged",
    "in",
    "logged-in",
    "signed",
    "daily",
    "monthly",
    "global",
    "registered",
    "its",
    "their",
    "paying",
    "us",
    "eu",
    "mobile",
];

/// The percentage of users the text says were affected, if it says one.
pub fn affected_users_percent(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let mut search = 0;
    while let Some((at, marker_len)) = next_share_marker(&lower[search..]) {
        let marker_at = search + at;
        search = marker_at + marker_len;
        let Some(value) = number_before(&lower[..marker_at]) else {
            continue;
        };
        if names_users(&lower[search..]) && (0.0..=100.0).contains(&value) {
            return Some(value);
        }
    }
    None
}

/// Finds the next `%` or `percent`: (byte offset, length).
fn next_share_marker(text: &str) -> Option<(usize, usize)> {
    let sign = text.find('%').map(|at| (at, 1));
    let word = text.find("percent").map(|at| (at, "percent".len()));
    match (sign, word) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The number written right before a share marker ("30", "12.5", "30 ").
fn number_before(text: &str) -> Option<f64> {
    let trimmed = text.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    trimmed[start..].trim_start_matches('.').parse().ok()
}

/// True when the words after the marker name users, skipping filler words.
fn names_users(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    match words.next() {
        Some("of") => {}
        Some(word) => return USER_NOUNS.contains(&word),
        None => return false,
    }
    for word in words.take(4) {
        if USER_NOUNS.contains(&word) {
            return true;
        }
        if !FILLERS.contains(&word) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_user_shares() {
        assert_eq!(
            affected_users_percent("affecting 30% of users."),
            Some(30.0)
        );
        assert_eq!(
            affected_users_percent("affecting 80 percent of customers"),
            Some(80.0)
        );
        assert_eq!(
            affected_users_percent("12.5% of our active users"),
            Some(12.5)
        );
        assert_eq!(
            affected_users_percent("about 5 % of all logged-in users"),
            Some(5.0)
        );
    }

    #[test]
    fn ignores_shares_of_other_things() {
        assert_eq!(affected_users_percent("99% of requests were served"), None);
        assert_eq!(
            affected_users_percent("CPU at 100%, 40% of users"),
            Some(40.0)
        );
        assert_eq!(affected_users_percent("no share here"), None);
        assert_eq!(affected_users_percent("% of users"), None);
        assert_eq!(affected_users_percent("150% of users"), None);
    }
}
