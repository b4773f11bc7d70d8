//! Fixes that were only tried ("Attempted to restart the pods", "rollback failed",
//! "reboot attempts"): the hand labels call them misleading paths, not mitigations, and the
//! time to mitigate never ends at one.

/// Words that make a fix an attempt (English, Spanish, Portuguese, German), each matched at the
/// start of a word ("retried" is not "tried"; "Versuch" and "versucht" both count).
const ATTEMPT_WORDS: &[&str] = &[
    "attempted",
    "attempting",
    "attempts to",
    "attempt to",
    "an attempt",
    "tried",
    "trying",
    "tries to",
    "try to",
    "unsuccessful",
    "did not help",
    "didn't help",
    "had no effect",
    "without success",
    "intenta",
    "intento",
    "sin éxito",
    "tentativa",
    "tentative de",
    "tentatives de",
    "versuch",
];

/// Actions whose name before "attempt" makes an attempt to fix ("reboot attempts", "Data
/// Restoration Attempts", "Mitigation attempt 1"; "login attempts" and "retry attempts" are
/// not fixes tried).
const FIX_NOUNS: &[&str] = &[
    "fix",
    "repair",
    "restart",
    "reboot",
    "recovery",
    "restore",
    "restoration",
    "rollback",
    "mitigation",
    "failover",
    "reinstall",
    "remediation",
];

/// True when an event tells a fix that was only tried, or that failed ("Matt ran the build
/// again, failed", "Failed rollback"), not one that mitigated. "Failed over to the replica",
/// "restarted the pods that failed health checks" and "reprocessed the messages which failed"
/// are fixes: "failed" counts first in the text (not a failover), or as a verb that ends the
/// text or a clause or goes on with `to`/`again`/`because`, and never after `that`/`which`/`who`.
pub fn is_attempt(text: &str) -> bool {
    let lower = text.to_lowercase();
    let at_word_start = |at: usize| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let failed = lower.match_indices("failed").any(|(at, word)| {
        if !at_word_start(at) {
            return false;
        }
        let before = lower[..at].trim_end();
        let after = &lower[at + word.len()..];
        let previous = before.rsplit(' ').next().unwrap_or("");
        if matches!(previous, "that" | "which" | "who") {
            return false;
        }
        let failover = after
            .get(..after.len().min(24))
            .unwrap_or(after)
            .contains(" over");
        let verb = after.is_empty()
            || after.starts_with([',', '.', ';', ':', '!'])
            || [" to ", " again", " because", " due "]
                .iter()
                .any(|w| after.starts_with(w));
        (before.is_empty() && !failover) || verb
    });
    // `attempts to restart`, not `retry attempts to 5`: a verb follows `to`.
    let verb_follows = |rest: &str| {
        rest.strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_alphabetic)
    };
    let fix_attempt = lower.match_indices("attempt").any(|(at, _)| {
        at_word_start(at)
            && lower[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|noun| FIX_NOUNS.contains(&noun))
    });
    failed
        || fix_attempt
        || ATTEMPT_WORDS.iter().any(|w| {
            lower.match_indices(w).any(|(at, _)| {
                at_word_start(at) && (!w.ends_with(" to") || verb_follows(&lower[at + w.len()..]))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_and_fixes_as_authors_write_them() {
        for attempt in [
            "Attempted to restart the API pods",
            "SRE attempts to restart service",
            "Tried a rollback to v1.2",
            "Rollback of the config failed",
            "Failed configuration change rollback",
            "Ran the migration again, but failed",
            "Reboot did not help",
            "Multiple reboot attempts; malware persisted",
            "3. Data Restoration Attempts",
            "Tentatives de redémarrage via systemd",
        ] {
            assert!(is_attempt(attempt), "{attempt}");
        }
        for fix in [
            "Failed over to the replica",
            "Failed traffic over to us-west-2",
            "Restarted the failed pods",
            "Replaced the failed disk",
            "Rolled back the config",
            "Restarted the pods that failed health checks",
            "Reprocessed all messages which failed",
            "Enabled rate limiting on login attempts",
            "Increased connection retry attempts to 5",
            "Retried the stuck jobs, queue drained",
            "Reduced client retries to 2",
            "Deployed a tentative fix",
        ] {
            assert!(!is_attempt(fix), "{fix}");
        }
    }
}
