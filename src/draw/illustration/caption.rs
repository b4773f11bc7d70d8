//! The picture in words: the statement of its data ("30% of the cookie crumbled: 30% of users
//! affected for 4 hours") and what it shows at the current moment. Also the clock times it
//! prints.

use super::scene::Stage;
use super::story::Story;
use crate::analysis::format;

/// A duration in words: `4 hours`, `2 hours 30 minutes`, `45 minutes`, `1 day 3 hours`.
pub fn duration_words(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let unit = |n: u64, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let (days, hours, minutes, secs) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    let (big, small) = if days > 0 {
        (unit(days, "day"), (hours > 0).then(|| unit(hours, "hour")))
    } else if hours > 0 {
        (
            unit(hours, "hour"),
            (minutes > 0).then(|| unit(minutes, "minute")),
        )
    } else if minutes > 0 {
        (unit(minutes, "minute"), None)
    } else {
        (unit(secs, "second"), None)
    };
    match small {
        Some(small) => format!("{big} {small}"),
        None => big,
    }
}

/// The time of day of axis milliseconds `ms`, written `HH:MM` in a zone `offset_minutes` east
/// of UTC.
pub fn clock(ms: f64, offset_minutes: i32) -> String {
    if !ms.is_finite() {
        return String::new();
    }
    let local = (ms / 1000.0).floor() as i64 + i64::from(offset_minutes) * 60;
    let day = local.rem_euclid(86_400);
    format!("{:02}:{:02}", day / 3600, day / 60 % 60)
}

/// The statement of the picture's data, for its text alternative.
pub fn statement(story: &Story) -> String {
    match story.latest_of {
        Some(n) => format!(
            "The latest of {n} incidents in this file. {}",
            one_statement(story)
        ),
        None => one_statement(story),
    }
}

/// [`statement`] of one incident.
fn one_statement(story: &Story) -> String {
    let share = format::percent(story.share * 100.0);
    let lasting = story.duration_seconds.map(duration_words);
    if story.no_user_impact {
        return "The cookie stayed whole: the postmortem says no users were affected.".to_string();
    }
    match (story.share_stated, lasting) {
        (true, Some(lasting)) => {
            format!("{share} of the cookie crumbled: {share} of users affected for {lasting}.")
        }
        (true, None) => format!("{share} of the cookie crumbled: {share} of users affected."),
        (false, Some(lasting)) => format!(
            "A quarter of the cookie crumbled, standing in for a share of users the postmortem \
             does not state; the impact lasted {lasting}."
        ),
        (false, None) => "A quarter of the cookie crumbled, standing in for a share of users \
                          the postmortem does not state."
            .to_string(),
    }
}

/// A short name for the stage, for the picture's corner.
pub fn chapter(stage: Stage, timeless: bool) -> &'static str {
    match (stage, timeless) {
        (_, true) => "The incident",
        (Stage::Whole, _) => "Before the impact",
        (Stage::Crumbling, _) => "Outage: crumbling",
        (Stage::RootCauseFound, _) => "Root cause found",
        (Stage::Mending, _) => "Mitigated: mending",
        (Stage::Recovered, _) => "Recovered",
    }
}

fn engineers(n: usize) -> String {
    if n == 1 {
        "1 engineer".to_string()
    } else {
        format!("{n} engineers")
    }
}

/// What the picture shows at one moment.
pub fn moment(
    story: &Story,
    stage: Stage,
    at: f64,
    crumbled: f64,
    on_stage: usize,
    offset_minutes: i32,
) -> String {
    let share = format::percent(crumbled * 100.0);
    let Some(ch) = story.chapters else {
        return format!(
            "{share} of the cookie has crumbled; {} investigate. The postmortem gives no times.",
            engineers(on_stage)
        );
    };
    let when = clock(at, offset_minutes);
    match stage {
        Stage::Whole => format!(
            "{when}, before the impact: the cookie is whole and fresh; {} on call.",
            engineers(on_stage)
        ),
        Stage::Crumbling => {
            let into = ((at - ch.impact) / 1000.0).max(0.0) as i64;
            format!(
                "{when}, {} into the outage: {share} of the cookie has crumbled so far; {} \
                 investigating.",
                duration_words(into),
                engineers(on_stage)
            )
        }
        Stage::RootCauseFound => format!(
            "{when}, root cause found ({}): {share} of the cookie has crumbled; {} gather at \
             the {} crumb.",
            story.culprit,
            engineers(on_stage),
            story.culprit
        ),
        // A near miss, or every piece already back: "0% is still off" said nothing.
        Stage::Mending if crumbled <= 0.0005 => format!(
            "{when}, mitigated: {} finish the fix; no piece of the cookie is off.",
            engineers(on_stage)
        ),
        Stage::Mending => format!(
            "{when}, mitigated: {} mend the cookie with golden icing; {share} is still off.",
            engineers(on_stage)
        ),
        Stage::Recovered if ch.resolved_as_stated => format!(
            "{when}, the last entry; the postmortem states the incident resolved without giving \
             the time: the cookie is mended and {} celebrate.",
            engineers(on_stage)
        ),
        Stage::Recovered => format!(
            "{when}, recovered: the cookie is mended and {} celebrate.",
            engineers(on_stage)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_clocks_read_naturally() {
        assert_eq!(duration_words(4 * 3600), "4 hours");
        assert_eq!(duration_words(3600 + 60), "1 hour 1 minute");
        assert_eq!(duration_words(2 * 86_400 + 3 * 3600), "2 days 3 hours");
        assert_eq!(duration_words(45 * 60), "45 minutes");
        assert_eq!(duration_words(1), "1 second");
        assert_eq!(clock(1_705_330_800_000.0, -300), "10:00");
        assert_eq!(clock(0.0, 90), "01:30");
        assert_eq!(clock(f64::NAN, 0), "");
    }
}
