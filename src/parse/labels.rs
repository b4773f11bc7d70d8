//! Recognises section headings and field labels, and maps their many spellings to one
//! [`Field`]: "Issue Summary", "## Summary" and "**Overview**:" all mean the summary.

/// A part of the incident a heading or label can introduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The postmortem's title (`Title:`, `Postmortem:`).
    Title,
    /// The overview.
    Summary,
    /// Start and end of the impact.
    Duration,
    /// The day of the incident.
    Date,
    /// Who was affected.
    Impact,
    /// Why it happened.
    RootCause,
    /// A combined "Root Cause and Resolution" section (prose goes to the root cause).
    RootCauseAndResolution,
    /// How it was noticed.
    Detection,
    /// How it was fixed.
    Resolution,
    /// What happened when.
    Timeline,
    /// Prose measures ("Improvements").
    Improvements,
    /// Follow-up tasks (list items become action items; prose becomes improvements).
    ActionItems,
    /// Anything appended at the end.
    Addendum,
    /// When the impact began (`Start:`).
    Start,
    /// When the impact ended (`End:`).
    End,
    /// "Lessons Learned" prose.
    Lessons,
    /// "What went well".
    WentWell,
    /// "What went wrong".
    WentWrong,
    /// "Where we got lucky".
    Lucky,
    /// How severe it was (`Severity: SEV-2`).
    Severity,
    /// The services affected.
    Services,
    /// Tags.
    Tags,
    /// Who responded.
    Responders,
}

/// Words that make any short heading a timeline's (`Follow-up timeline`, `장애 타임라인`).
const TIMELINE_WORDS: &[&str] = &[
    "timeline",
    "chronology",
    "chronologie",
    "cronología",
    "cronologia",
    "zeitleiste",
    "zeitstrahl",
    "tijdlijn",
    "tidslinje",
    "kronologi",
    "kronoloji",
    "хронология",
    "таймлайн",
    "타임라인",
    "タイムライン",
    "時系列",
    "经过",
    "时间线",
];

/// Label spellings, already normalised (lower case, `&` as "and", no punctuation).
const SPELLINGS: &[(&str, Field)] = &[
    ("severity", Field::Severity),
    ("sev", Field::Severity),
    ("severity level", Field::Severity),
    ("incident severity", Field::Severity),
    ("incident priority", Field::Severity),
    ("impact level", Field::Severity),
    ("schweregrad", Field::Severity),
    ("gravedad", Field::Severity),
    ("sévérité", Field::Severity),
    ("gravité", Field::Severity),
    ("services", Field::Services),
    ("service", Field::Services),
    ("services affected", Field::Services),
    ("affected services", Field::Services),
    ("affected service", Field::Services),
    ("services impacted", Field::Services),
    ("impacted services", Field::Services),
    ("systems affected", Field::Services),
    ("affected systems", Field::Services),
    ("components", Field::Services),
    ("affected components", Field::Services),
    ("components affected", Field::Services),
    ("products affected", Field::Services),
    ("affected products", Field::Services),
    ("tags", Field::Tags),
    ("labels", Field::Tags),
    ("keywords", Field::Tags),
    ("categories", Field::Tags),
    ("responders", Field::Responders),
    ("incident responders", Field::Responders),
    ("people involved", Field::Responders),
    ("participants", Field::Responders),
    ("response team", Field::Responders),
    ("responding team", Field::Responders),
    ("teams involved", Field::Responders),
    ("team involved", Field::Responders),
    ("attendees", Field::Responders),
    ("incident commander", Field::Responders),
    ("incident lead", Field::Responders),
    ("incident manager", Field::Responders),
    ("on call", Field::Responders),
    ("oncall", Field::Responders),
    ("on call engineer", Field::Responders),
    ("communications lead", Field::Responders),
    ("ops lead", Field::Responders),
    ("title", Field::Title),
    ("postmortem", Field::Title),
    ("post mortem", Field::Title),
    ("incident", Field::Title),
    ("incident report", Field::Title),
    ("postmortem report", Field::Title),
    ("post mortem report", Field::Title),
    ("incident postmortem", Field::Title),
    ("outage report", Field::Title),
    ("incident name", Field::Title),
    ("issue summary", Field::Summary),
    ("incident summary", Field::Summary),
    ("executive summary", Field::Summary),
    ("summary", Field::Summary),
    ("overview", Field::Summary),
    ("tldr", Field::Summary),
    ("tl dr", Field::Summary),
    ("what happened", Field::Summary),
    ("description", Field::Summary),
    ("resumen", Field::Summary),
    ("résumé", Field::Summary),
    ("zusammenfassung", Field::Summary),
    ("resumo", Field::Summary),
    ("duration", Field::Duration),
    ("影響時間", Field::Duration),
    ("持续时间", Field::Duration),
    ("影响时长", Field::Duration),
    ("지속 시간", Field::Duration),
    ("period", Field::Duration),
    ("outage window", Field::Duration),
    ("incident window", Field::Duration),
    ("finestra incidente", Field::Duration),
    ("finestra dellincidente", Field::Duration),
    ("ventana del incidente", Field::Duration),
    ("date", Field::Date),
    ("date time", Field::Date),
    ("date and time", Field::Date),
    ("incident date", Field::Date),
    ("date of incident", Field::Date),
    ("fecha", Field::Date),
    ("fecha del incidente", Field::Date),
    ("date de lincident", Field::Date),
    ("datum", Field::Date),
    ("data do incidente", Field::Date),
    ("start", Field::Start),
    // Japanese, Chinese and Korean field names (`**発生日時**: 2026-01-17 07:31 JST`).
    ("発生日時", Field::Start),
    ("発生時刻", Field::Start),
    ("发生时间", Field::Start),
    ("開始時刻", Field::Start),
    ("开始时间", Field::Start),
    ("발생 일시", Field::Start),
    ("발생 시간", Field::Start),
    ("발생일시", Field::Start),
    ("start time", Field::Start),
    ("started", Field::Start),
    ("incident start", Field::Start),
    ("began", Field::Start),
    ("commenced", Field::Start),
    ("issue commenced", Field::Start),
    ("issue started", Field::Start),
    ("issue start", Field::Start),
    ("outage start", Field::Start),
    ("outage started", Field::Start),
    ("end", Field::End),
    ("解決日時", Field::End),
    ("復旧日時", Field::End),
    ("復旧時刻", Field::End),
    ("恢复时间", Field::End),
    ("解决时间", Field::End),
    ("복구 일시", Field::End),
    ("복구 시간", Field::End),
    ("해결 일시", Field::End),
    ("end time", Field::End),
    ("completion time", Field::End),
    ("finish time", Field::End),
    ("ended", Field::End),
    ("incident end", Field::End),
    ("issue closed", Field::End),
    ("issue ended", Field::End),
    ("issue end", Field::End),
    ("outage end", Field::End),
    ("outage ended", Field::End),
    ("outage finish", Field::End),
    ("outage finished", Field::End),
    ("impact", Field::Impact),
    ("customer impact", Field::Impact),
    ("user impact", Field::Impact),
    ("business impact", Field::Impact),
    ("impacto", Field::Impact),
    ("auswirkungen", Field::Impact),
    ("impact assessment", Field::Impact),
    ("root cause", Field::RootCause),
    ("root causes", Field::RootCause),
    ("root cause analysis", Field::RootCause),
    ("causa raíz", Field::RootCause),
    ("causa raiz", Field::RootCause),
    ("cause racine", Field::RootCause),
    ("causes", Field::RootCause),
    ("ursache", Field::RootCause),
    ("rca", Field::RootCause),
    ("cause", Field::RootCause),
    ("trigger", Field::RootCause),
    ("contributing factors", Field::RootCause),
    ("root cause and resolution", Field::RootCauseAndResolution),
    ("detection", Field::Detection),
    ("how it was detected", Field::Detection),
    ("resolution", Field::Resolution),
    ("resolution and recovery", Field::Resolution),
    ("recovery", Field::Resolution),
    ("mitigation", Field::Resolution),
    ("fix", Field::Resolution),
    ("fix applied", Field::Resolution),
    ("resolución", Field::Resolution),
    ("solución", Field::Resolution),
    ("résolution", Field::Resolution),
    ("lösung", Field::Resolution),
    ("timeline", Field::Timeline),
    ("incident timeline", Field::Timeline),
    ("timeline of events", Field::Timeline),
    ("sequence of events", Field::Timeline),
    ("chronology", Field::Timeline),
    ("key events", Field::Timeline),
    ("log", Field::Timeline),
    ("incident log", Field::Timeline),
    ("running log", Field::Timeline),
    ("event log", Field::Timeline),
    ("status log", Field::Timeline),
    ("status updates", Field::Timeline),
    ("updates", Field::Timeline),
    ("timeline summary", Field::Timeline),
    ("detailed timeline", Field::Timeline),
    ("incident chronology", Field::Timeline),
    ("event timeline", Field::Timeline),
    ("events timeline", Field::Timeline),
    ("cronología", Field::Timeline),
    ("cronología del incidente", Field::Timeline),
    ("línea de tiempo", Field::Timeline),
    ("linea de tiempo", Field::Timeline),
    ("chronologie", Field::Timeline),
    ("chronologie des événements", Field::Timeline),
    ("déroulé", Field::Timeline),
    ("zeitablauf", Field::Timeline),
    ("zeitleiste", Field::Timeline),
    ("zeitstrahl", Field::Timeline),
    ("zeitlicher ablauf", Field::Timeline),
    ("tidslinje", Field::Timeline),
    ("zeitlinie", Field::Timeline),
    ("ablauf", Field::Timeline),
    ("chronologie des vorfalls", Field::Timeline),
    ("cronologia", Field::Timeline),
    ("linha do tempo", Field::Timeline),
    ("tijdlijn", Field::Timeline),
    ("oś czasu", Field::Timeline),
    ("časová osa", Field::Timeline),
    ("zaman çizelgesi", Field::Timeline),
    ("dòng thời gian", Field::Timeline),
    ("хронология событий", Field::Timeline),
    ("improvements", Field::Improvements),
    ("corrective and preventative measures", Field::ActionItems),
    ("corrective and preventive measures", Field::ActionItems),
    ("corrective actions", Field::ActionItems),
    ("corrective measures", Field::ActionItems),
    ("preventive measures", Field::ActionItems),
    ("preventative measures", Field::ActionItems),
    ("preventive actions", Field::ActionItems),
    ("preventative actions", Field::ActionItems),
    ("action items", Field::ActionItems),
    ("actions items", Field::ActionItems),
    ("action plan", Field::ActionItems),
    ("follow ups", Field::ActionItems),
    ("follow up", Field::ActionItems),
    ("followups", Field::ActionItems),
    ("next steps", Field::ActionItems),
    ("remediation", Field::ActionItems),
    ("remediation items", Field::ActionItems),
    ("tasks", Field::ActionItems),
    ("lessons learned", Field::Lessons),
    ("lessons", Field::Lessons),
    ("learnings", Field::Lessons),
    ("takeaways", Field::Lessons),
    ("lecciones aprendidas", Field::Lessons),
    ("leçons apprises", Field::Lessons),
    ("lições aprendidas", Field::Lessons),
    ("what went well", Field::WentWell),
    ("what worked", Field::WentWell),
    ("what worked well", Field::WentWell),
    ("things that went well", Field::WentWell),
    ("what went wrong", Field::WentWrong),
    ("what didnt go well", Field::WentWrong),
    ("what did not go well", Field::WentWrong),
    ("what didnt work", Field::WentWrong),
    ("what did not work", Field::WentWrong),
    ("what did not work well", Field::WentWrong),
    ("what didnt work well", Field::WentWrong),
    ("what failed", Field::WentWrong),
    ("things that went wrong", Field::WentWrong),
    ("where we got lucky", Field::Lucky),
    ("where we were lucky", Field::Lucky),
    ("what we got lucky", Field::Lucky),
    ("lucky", Field::Lucky),
    ("postmortem addendum", Field::Addendum),
    ("addendum", Field::Addendum),
    ("appendix", Field::Addendum),
];

/// The field a label names, if any: a known spelling, or a short label with a timeline word
/// in it (`Follow-up timeline`, `장애 타임라인`). Parenthesised notes (`Timeline (all times
/// UTC)`) and leading section numbers (`2. Timeline`, `## 3  Root Cause`) do not count.
pub fn field_for(label: &str) -> Option<Field> {
    // `What Happened (Timeline)`: a note that only names the timeline says what the part is.
    if names_timeline_in_parentheses(label) {
        return Some(Field::Timeline);
    }
    // `Timeline: What Broke on December 2?`: a timeline named first, then what it tells.
    if let Some((head, tail)) = label.split_once(':') {
        let tail = tail.trim_matches([' ', '*', '_']);
        if !tail.is_empty() && spelled(&key_of(head)) == Some(Field::Timeline) {
            return Some(Field::Timeline);
        }
    }
    let key = key_of(label);
    spelled(&key).or_else(|| {
        let words: Vec<&str> = key.split(' ').collect();
        (words.len() <= 5 && words.iter().any(|w| is_timeline_word(w))).then_some(Field::Timeline)
    })
}

/// True when a label names how long the incident lasted (`Downtime`, `Total duration`,
/// `Outage duration`): its value may state a length of impact wherever the line stands.
pub fn names_a_length(label: &str) -> bool {
    matches!(
        key_of(label).as_str(),
        "duration"
            | "downtime"
            | "total downtime"
            | "outage duration"
            | "incident duration"
            | "impact duration"
            | "total duration"
            | "outage length"
            | "length of outage"
            | "incident window"
            | "finestra incidente"
            | "finestra dellincidente"
            | "ventana del incidente"
            | "total incident window"
            | "outage window"
            | "impact window"
    )
}

/// Words of a short label that name a moment of the incident (`Discovery Time`, `First
/// detected`, `Remediated`, `Alert fired`): a value that is a stamp is then that moment.
/// (`Reported` is left out: as often the report's own date as the incident's.)
const EVENT_WORDS: &[&str] = &[
    "detected",
    "discovered",
    "discovery",
    "identified",
    "noticed",
    "alerted",
    "fired",
    "triggered",
    "paged",
    "acknowledged",
    "escalated",
    "mitigated",
    "remediated",
    "fixed",
    "resolved",
    "recovered",
    "restored",
];

/// True when `label` (at most four words) names a moment of the incident by one of
/// [`EVENT_WORDS`]: `**Discovery Time:** 09:56 AM UTC`, `| Remediated | May 5, 2026 22:02 EDT |`.
pub fn names_an_event(label: &str) -> bool {
    let key = key_of(label);
    let words = || key.split(' ');
    words().count() <= 4 && words().any(|word| EVENT_WORDS.contains(&word))
}

/// The value of a `label: value` line (not a heading) whose label names how long the incident
/// lasted (`**Downtime:** ~13 minutes (12:17 - 12:30)` gives `~13 minutes (12:17 - 12:30)`).
pub fn length_value(line: &str) -> Option<&str> {
    labelled(line)
        .filter(|part| !part.markdown_heading && names_a_length(part.label))
        .map(|part| part.value)
}

/// True when `label` ends with a parenthesised note that is a timeline word and nothing else
/// (`What happened (Timeline)`; not `Timeline (all times UTC)`'s note, nor `(see timeline)`).
fn names_timeline_in_parentheses(label: &str) -> bool {
    let trimmed = label.trim_end_matches([' ', ':', '*', '_']);
    let Some(inner) = trimmed
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, inner)| inner.trim())
    else {
        return false;
    };
    !inner.contains(' ') && is_timeline_word(&inner.to_lowercase())
}

/// A timeline word, or in scripts written without spaces a short phrase ending in one
/// (`発生から復旧までのタイムライン`, "the timeline from onset to recovery").
fn is_timeline_word(word: &str) -> bool {
    TIMELINE_WORDS.contains(&word)
        || (!word.is_ascii()
            && word.chars().count() <= 24
            && word.chars().all(is_spaceless_script)
            && TIMELINE_WORDS
                .iter()
                .any(|t| !t.is_ascii() && word.ends_with(t)))
}

/// Kana, CJK ideographs and Hangul: scripts that write a phrase as one word.
fn is_spaceless_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// The field a label names when it is one of the known spellings exactly (a document's
/// `# Noisy timeline` title is not a timeline heading).
pub fn spelled_field(label: &str) -> Option<Field> {
    spelled(&key_of(label))
}

/// The label normalised, without parenthesised notes and leading section numbers: lower
/// case, `&` as "and", hyphens, underscores, slashes, dots and semicolons as spaces, other
/// punctuation dropped, spaces collapsed. One pass into one buffer, since every line that
/// looks like a label is asked about (text reading's hot path).
fn key_of(label: &str) -> String {
    let mut key = String::with_capacity(label.len() + 4);
    // Where the word being written starts in `key`, and whether only section numbers came
    // before it.
    let mut word_start = 0;
    let mut leading = true;
    let mut depth = 0usize;
    let end_word = |key: &mut String, word_start: &mut usize, leading: &mut bool| {
        let word = &key[*word_start..];
        if word.is_empty() || word == " " {
            key.truncate(*word_start);
            return;
        }
        let word = word.trim_start_matches(' ');
        if *leading && (word.bytes().all(|b| b.is_ascii_digit()) || is_roman_numeral(word)) {
            key.truncate(*word_start);
            return;
        }
        *leading = false;
        *word_start = key.len();
    };
    let start_word = |key: &mut String, word_start: usize| {
        if key.len() == word_start && word_start > 0 {
            key.push(' ');
        }
    };
    // `OutageFinish`, `StartTime`: a capital after a small letter starts a word.
    let mut after_small = false;
    for ch in label.chars() {
        let camel = after_small && ch.is_ascii_uppercase();
        after_small = ch.is_ascii_lowercase();
        if camel && depth == 0 {
            end_word(&mut key, &mut word_start, &mut leading);
        }
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '&' => {
                end_word(&mut key, &mut word_start, &mut leading);
                start_word(&mut key, word_start);
                key.push_str("and");
                end_word(&mut key, &mut word_start, &mut leading);
            }
            '-' | '_' | '/' | '.' | ';' => end_word(&mut key, &mut word_start, &mut leading),
            c if c.is_whitespace() => end_word(&mut key, &mut word_start, &mut leading),
            c if c.is_ascii_alphanumeric() => {
                start_word(&mut key, word_start);
                key.push(c.to_ascii_lowercase());
            }
            c if c.is_alphanumeric() => {
                start_word(&mut key, word_start);
                key.extend(c.to_lowercase());
            }
            _ => {}
        }
    }
    end_word(&mut key, &mut word_start, &mut leading);
    key
}

fn spelled(key: &str) -> Option<Field> {
    SPELLINGS
        .iter()
        .find(|(spelling, _)| *spelling == key)
        .map(|&(_, field)| field)
}

/// True for a short section number in Roman numerals (`ii`, `iv`).
fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
    )
}

/// True when `word` is the tail of "postmortem" cut off at the start (`stmortem`, `mortem`),
/// as happens when a file loses its first bytes.
pub fn is_truncated_postmortem(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.len() >= 4 && lower.len() < 10 && "postmortem".ends_with(&lower)
}

/// A line read as a heading or a labelled field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labelled<'a> {
    /// The label, without markup or colon.
    pub label: &'a str,
    /// What follows the label on the same line (empty for a heading).
    pub value: &'a str,
    /// Byte offset of the value in the line.
    pub value_at: usize,
    /// True for a Markdown heading (`#`), which always starts a section.
    pub markdown_heading: bool,
}

/// Reads `# Heading`, `Label:`, `Label: value`, `**Label**: value`, `**Label:** value` and
/// `<span>Label</span>:` from a line. Labels are short (at most six words) and start with a letter.
pub fn labelled(line: &str) -> Option<Labelled<'_>> {
    let start = super::scan::trim_start(line);
    let trimmed = start.trim_end();
    let lead = line.len() - start.len();
    if let Some(rest) = trimmed.strip_prefix('#') {
        let text = rest.trim_start_matches('#');
        // `##2024-01-23 22:00`: a heading written without its space, as some editors allow.
        let glued_stamp = rest.starts_with('#') && text.starts_with(|c: char| c.is_ascii_digit());
        if text.starts_with(' ') || text.is_empty() || glued_stamp {
            let label = strip_markup(text.trim());
            return Some(Labelled {
                label,
                value: "",
                value_at: line.len(),
                markdown_heading: true,
            });
        }
    }
    let colon = super::scan::find(trimmed.as_bytes(), 0, b':')?;
    let (raw_label, after) = (&trimmed[..colon], &trimmed[colon + 1..]);
    // Most colons are a time's (`10:00`): a digit in the label (outside a `<span ...>` tag,
    // which is all the markup taken off it holds besides emphasis) rules it out at once.
    if !raw_label.contains('<') && raw_label.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // `**Label:** value` puts the closing markup after the colon.
    let after_markup = after.trim_start_matches(['*', '_']);
    let label = strip_markup(raw_label);
    let starts_with_letter = label.chars().next().is_some_and(char::is_alphabetic);
    if !starts_with_letter || label.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = label.split_whitespace().count();
    if words == 0 || words > 6 {
        return None;
    }
    if after_markup.starts_with("//") {
        return None; // a URL such as https://...
    }
    let value = unwrap_spanning_emphasis(raw_label, after, after_markup.trim());
    let value_at = lead + (trimmed.len() - after_markup.trim_start().len());
    Some(Labelled {
        label,
        value,
        value_at,
        markdown_heading: false,
    })
}

/// The value without the closing emphasis of a label's opening one when the emphasis spans
/// label and value (`*Tl;dr: text.*`): neither the label nor the value's start closes it.
fn unwrap_spanning_emphasis<'a>(raw_label: &str, after: &str, value: &'a str) -> &'a str {
    let label = raw_label.trim_start();
    let open = &label[..label.len() - label.trim_start_matches(['*', '_']).len()];
    let closed = label.trim_end().ends_with(open) && label.trim().len() > open.len();
    if open.is_empty() || closed || after.starts_with(['*', '_']) {
        return value;
    }
    // `**Fix: JWT tokens should expire**:` closes before a colon of its own.
    let value = value
        .strip_suffix(':')
        .filter(|v| v.ends_with(open))
        .unwrap_or(value);
    value.strip_suffix(open).map_or(value, str::trim_end)
}

/// Removes wrapping Markdown emphasis and `<span ...>` tags around a label.
fn strip_markup(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let before = text;
        text = text.trim_matches(['*', '_', '`']).trim();
        if let Some(rest) = text.strip_prefix("<span") {
            if let Some(close) = rest.find('>') {
                text = rest[close + 1..].trim();
            }
        }
        if let Some(rest) = text.strip_suffix("</span>") {
            text = rest.trim();
        }
        if text == before {
            return text;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_a_label_into_its_key() {
        assert_eq!(key_of("2. Timeline (all times UTC)"), "timeline");
        assert_eq!(
            key_of("IV. Root-Cause & Resolution"),
            "root cause and resolution"
        );
        assert_eq!(key_of("**What Went Well?**"), "what went well");
        assert_eq!(
            key_of("Don’t repeat_this/now; ok."),
            "dont repeat this now ok"
        );
        assert_eq!(key_of("1 & 2"), "and 2");
        assert_eq!(
            key_of("Cronología DEL Incidente"),
            "cronología del incidente"
        );
        assert_eq!(key_of("Ü(x)ber 3"), "über 3");
        // A capital after a small letter starts a word; capitals together do not.
        assert_eq!(key_of("OutageFinish"), "outage finish");
        assert_eq!(key_of("ETA (UTC)"), "eta");
        assert_eq!(field_for("OutageFinish"), Some(Field::End));
        assert_eq!(key_of("  ( only a note )  "), "");
    }

    #[test]
    fn reads_a_timeline_word_at_the_end_of_a_spaceless_phrase() {
        assert_eq!(
            field_for("発生から復旧までのタイムライン"),
            Some(Field::Timeline)
        );
        assert_eq!(field_for("## 事故经过"), Some(Field::Timeline));
        assert_eq!(field_for("タイムラインの改善"), None);
        // A note in full-width parentheses is a note too.
        assert_eq!(field_for("タイムライン（JST）"), Some(Field::Timeline));
        assert_eq!(field_for("newtimeline"), None);
    }

    #[test]
    fn maps_synonyms_to_fields() {
        assert_eq!(field_for("Issue Summary"), Some(Field::Summary));
        assert_eq!(
            field_for("Corrective & Preventative Measures"),
            Some(Field::ActionItems)
        );
        assert_eq!(
            field_for("Root Cause and Resolution"),
            Some(Field::RootCauseAndResolution)
        );
        assert_eq!(field_for("follow-ups"), Some(Field::ActionItems));
        assert_eq!(field_for("Weather"), None);
    }

    #[test]
    fn reads_labels_in_their_usual_markup() {
        let l = labelled("Impact: 30% of users").unwrap();
        assert_eq!(
            (l.label, l.value, l.value_at),
            ("Impact", "30% of users", 8)
        );
        assert_eq!(
            labelled("**Duration**: 4 h").map(|l| (l.label, l.value)),
            Some(("Duration", "4 h"))
        );
        assert_eq!(
            labelled("**Duration:** 4 h").map(|l| (l.label, l.value)),
            Some(("Duration", "4 h"))
        );
        assert_eq!(
            labelled("## Timeline").map(|l| (l.label, l.markdown_heading)),
            Some(("Timeline", true))
        );
        assert_eq!(
            labelled("<span>Root Cause</span>:").map(|l| l.label),
            Some("Root Cause")
        );
        // Emphasis over label and value closes at the value's end.
        assert_eq!(
            labelled("*Tl;dr: from 9:30pm the site was down.*").map(|l| l.value),
            Some("from 9:30pm the site was down.")
        );
        assert_eq!(
            labelled("**Fix: JWT tokens should expire**:").map(|l| l.value),
            Some("JWT tokens should expire")
        );
        assert_eq!(
            labelled("**Note**: *all* times are *UTC*").map(|l| l.value),
            Some("*all* times are *UTC*")
        );
        assert_eq!(labelled("10:00 AM: detected"), None);
        assert_eq!(labelled("see https://example.com"), None);
        assert_eq!(labelled("#hashtag"), None);
    }

    #[test]
    fn recognises_a_truncated_postmortem_label() {
        assert!(is_truncated_postmortem("stmortem"));
        assert!(!is_truncated_postmortem("postmortem"));
        assert!(!is_truncated_postmortem("tem"));
    }
}
