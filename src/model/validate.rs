//! Turning bytes into a trusted [`Dataset`]: parsing (with the JSON path of a parse error, found
//! from serde_json's position by `json_path`) and the checks serde cannot express. Validation
//! collects *every* problem, each with the JSON path where it is, so a maintainer can fix a file in
//! one pass.

use std::collections::HashMap;
use std::fmt;

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::dataset::{Dataset, Event, GapKind, Note, PlaceEntry, SCHEMA_VERSION};
use super::json_path;
use super::text::{Text, is_blank};

/// One thing wrong with a dataset, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value (`events[3].chairs[0]`), or `.` for the whole document.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything wrong with a dataset. [`load`] never returns it empty, but the field is public, so
/// its `Display` does not rely on that.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(&self.0))]
pub struct Invalid(pub Vec<Problem>);

/// The one-line description of a list of problems, total for any length.
fn describe(problems: &[Problem]) -> String {
    match problems {
        [] => "the dataset was rejected, but no problem was reported".to_string(),
        [only] => format!("1 problem in the dataset: {only}"),
        [first, ..] => format!("{} problems in the dataset; first: {first}", problems.len()),
    }
}

/// Parses and validates a dataset from raw bytes.
///
/// Never panics, whatever the input: invalid UTF-8, truncated JSON, an HTML page, a valid document
/// with broken links, or JSON nested arbitrarily deep. Nesting is harmless because every field of
/// the format has a fixed, non-recursive type (no `serde_json::Value`, no `flatten`) and every struct
/// denies unknown fields, so nothing is ever skipped over: the schema is at most six containers deep
/// (`{"events": [{"notes": [{"text": {"fr": …}}]}]}`), and deeper input is rejected, without
/// descending into it, at the first value whose type does not match (a string field given `[`, an
/// unknown key). serde_json's recursion limit (128 levels) is a second guard that no input reaches.
/// Finding the path of a parse error reads no further than the error, in one pass, with its
/// stack of open containers on the heap.
pub fn load(bytes: &[u8]) -> Result<Dataset, Invalid> {
    let dataset = parse(bytes).map_err(|p| Invalid(vec![p]))?;
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(Invalid(problems))
    }
}

/// A dataset read in steps, so that a page reading a big file can pause between them, and can
/// start while the file is still arriving: the events a batch at a time, the array found by a
/// scan of the file's structure as it goes, then the rest of the file (checks are [`Checker`]'s).
/// Each step is given the bytes that have arrived so far (the file grows only at its end, so what
/// was found stays where it was); an event is read once it has arrived whole (or, one cut short
/// before, once the file has grown enough to try again, see `Scan::retry`). What it reads
/// is what [`parse`] reads; for anything it cannot read (a file that is not one JSON object with
/// one `events` array, an event or the rest that does not parse) it gives up, and the caller
/// reads the file whole with [`load`], which says where and what is wrong.
#[derive(Default)]
pub struct EventReader {
    scan: Scan,
    events: Vec<Event>,
    /// The scan reached the end of the file.
    done: bool,
    /// How long the file is said to be (its `Content-Length`), while it arrives.
    expected: Option<usize>,
}

/// Where an [`EventReader`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// It read the batch it was asked for; there may be more.
    Read,
    /// It read every event that has arrived, and needs more of the file to go on.
    Waiting,
    /// It reached the end of the file: [`EventReader::finish`] gives the dataset.
    Done,
}

impl EventReader {
    /// A reader that has read nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A reader of a file said to be `expected` bytes long (a hint, used to make room for its
    /// events at once: it may be wrong, or the file may not arrive whole).
    pub fn expecting(expected: Option<usize>) -> Self {
        Self {
            expected,
            ..Self::default()
        }
    }

    /// Reads up to `n` more events of `bytes`: the whole file when `complete`, or the part of
    /// it that has arrived (every earlier call's bytes, and maybe more). `None` when the file
    /// cannot be read in steps.
    pub fn read(&mut self, bytes: &[u8], complete: bool, n: usize) -> Option<Step> {
        if self.done {
            return Some(Step::Done);
        }
        for _ in 0..n {
            match self.scan.next(bytes, complete)? {
                Scanned::Item(start) => match self.scan.item::<Event>(bytes, start, complete)? {
                    Some(event) => {
                        self.make_room(bytes.len(), complete);
                        self.events.push(event);
                    }
                    None => return Some(Step::Waiting),
                },
                Scanned::Wait => return Some(Step::Waiting),
                Scanned::End => {
                    self.done = true;
                    return Some(Step::Done);
                }
            }
        }
        Some(Step::Read)
    }

    /// How long the file is, with `arrived` bytes of it there (all of it when `complete`):
    /// `None` while that is not known.
    fn length(&self, arrived: usize, complete: bool) -> Option<usize> {
        if complete {
            Some(arrived)
        } else {
            self.expected.map(|e| e.max(arrived))
        }
    }

    /// Room for one more event. Once a few events have been read, and the file's length is
    /// known ([`EventReader::length`]), room for as many as the file holds at the bytes per
    /// event so far, and a margin: letting the list double as it goes copied the events ~17
    /// times over in all, ~100 ms at 100k events in the page.
    fn make_room(&mut self, arrived: usize, complete: bool) {
        let n = self.events.len();
        if n < self.events.capacity() {
            return;
        }
        let extra = match (self.length(arrived, complete), self.scan.array) {
            (Some(total), Some((open, _))) if n >= 32 && self.scan.i > open => {
                let per_event = (self.scan.i - open) as f64 / n as f64;
                let estimate = (total.saturating_sub(open) as f64 / per_event * 1.05) as usize;
                // Never by less than a quarter, however wrong the estimate.
                estimate.saturating_sub(n).max(n / 4)
            }
            _ => n.max(8),
        };
        self.events.reserve_exact(extra);
    }

    /// How many events have been read (the tests follow it as a file arrives).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.events.len()
    }

    /// How much of the file has been read, from 0 to 1, with `arrived` bytes of it there (all
    /// of it when `complete`); while its length is not known, of what has arrived.
    pub fn progress(&self, arrived: usize, complete: bool) -> f64 {
        let len = self.length(arrived, complete).unwrap_or(arrived);
        self.scan.i as f64 / len.max(1) as f64
    }

    /// The dataset: the rest of the file `bytes`, with the events read; `None` before the end
    /// or when the rest does not parse.
    pub fn finish(self, bytes: &[u8]) -> Option<Dataset> {
        if !self.done {
            return None;
        }
        let mut dataset = parse(&self.scan.shell(bytes)?).ok()?;
        dataset.events = self.events;
        Some(dataset)
    }
}

/// What [`Scan::next`] found.
enum Scanned {
    /// The next item of the events array starts at this byte: [`Scan::item`] reads it.
    Item(usize),
    /// The end of a file that holds exactly one events array in a top-level object.
    End,
    /// The end of what has arrived, in the middle of the file.
    Wait,
}

/// The scan behind [`EventReader`]: where the top-level `events` array of a JSON object is, by
/// the file's structure (strings, escapes, nesting), and where each of its items starts. An item
/// is read by serde_json straight from where it starts ([`Scan::item`]), which also finds where it
/// ends: a structural pass over the items as well made reading them a fifth slower (10k events,
/// natively). It holds positions only, so it can go on over a file that has grown.
#[derive(Default)]
struct Scan {
    i: usize,
    depth: usize,
    /// The last string at the object's own level: before a `[` there, the key it belongs to.
    key: (usize, usize),
    /// Where the events array opens and closes (0 until it does).
    array: Option<(usize, usize)>,
    /// Inside the events array.
    inside: bool,
    /// Inside the events array, a value is due: after its `[` or a comma.
    due: bool,
    /// Items read in the events array.
    items: usize,
    /// While the file arrives, the length it must reach before the item cut short is read again:
    /// where the item starts plus twice as much of it as had arrived (one byte more for a number
    /// that ended where the bytes did), so a giant item arriving in small chunks is read a few
    /// times, not once a chunk.
    retry: usize,
    /// Items parsed, whole or cut short (the tests bound it).
    #[cfg(test)]
    parses: usize,
    /// The top-level value has closed: only white space may follow.
    over: bool,
}

impl Scan {
    /// The next thing found in `bytes` (the file when `complete`, or as much of it as has
    /// arrived), or `None` when the file is not one JSON object holding one events array. After
    /// an [`Scanned::Item`], [`Scan::item`] reads it before the scan goes on.
    fn next(&mut self, bytes: &[u8], complete: bool) -> Option<Scanned> {
        while self.i < bytes.len() {
            let b = bytes[self.i];
            if is_json_space(b) {
                self.i += 1;
                continue;
            }
            // Anything after the top-level object is for a whole read to judge.
            if self.over {
                return None;
            }
            let inside = self.inside && self.depth == 2;
            if inside {
                match (self.due, b) {
                    (true, b']') if self.items == 0 => {}
                    // A separator where a value is due (`[,`, `,,`, `,]`), or the array closed
                    // with `}`: not JSON, for a whole read to report.
                    (true, b',' | b']' | b'}') => return None,
                    (true, _) => return Some(Scanned::Item(self.i)),
                    (false, b',') => {
                        self.due = true;
                        self.i += 1;
                        continue;
                    }
                    (false, b']') => {}
                    (false, _) => return None,
                }
            }
            match b {
                b'"' => {
                    let start = self.i;
                    self.i += 1;
                    // Most of the rest of a file is inside strings: skip to the next quote or
                    // escape.
                    loop {
                        let at = bytes
                            .get(self.i..)
                            .and_then(|rest| memchr::memchr2(b'"', b'\\', rest));
                        let Some(at) = at else {
                            if complete {
                                return None;
                            }
                            // The string goes on in bytes yet to come: scan it again whole then.
                            self.i = start;
                            return Some(Scanned::Wait);
                        };
                        self.i += at;
                        if bytes[self.i] == b'"' {
                            break;
                        }
                        self.i += 2;
                    }
                    if self.depth == 1 {
                        self.key = (start + 1, self.i);
                    }
                }
                b'{' | b'[' => {
                    if self.depth == 1 && b == b'[' && &bytes[self.key.0..self.key.1] == b"events" {
                        if self.array.is_some() {
                            return None;
                        }
                        self.array = Some((self.i, 0));
                        self.inside = true;
                        self.due = true;
                    }
                    self.depth += 1;
                }
                b'}' | b']' => {
                    if inside {
                        // The end of the events array.
                        self.inside = false;
                        self.array = self.array.map(|(a, _)| (a, self.i));
                    }
                    self.depth = self.depth.checked_sub(1)?;
                    self.over = self.depth == 0;
                }
                _ => {}
            }
            self.i += 1;
        }
        if !complete {
            return Some(Scanned::Wait);
        }
        // The end: one events array, closed, in an object that is closed.
        let closed = matches!(self.array, Some((_, c)) if c > 0);
        (closed && self.depth == 0).then_some(Scanned::End)
    }

    /// Reads the item that [`Scan::next`] found starting at `start`, as a `T`, and goes on after
    /// it: `Some(None)` while it may go on in bytes yet to come, `None` when it does not read.
    /// Until the file is complete, an item that does not read, or ends where the bytes do, is
    /// taken to be cut short (a number cut after its `.` is not JSON): it is read again, whole,
    /// when more has arrived.
    fn item<T: serde::de::DeserializeOwned>(
        &mut self,
        bytes: &[u8],
        start: usize,
        complete: bool,
    ) -> Option<Option<T>> {
        if !complete && bytes.len() < self.retry {
            return Some(None);
        }
        #[cfg(test)]
        {
            self.parses += 1;
        }
        let mut stream = serde_json::Deserializer::from_slice(&bytes[start..]).into_iter::<T>();
        match stream.next() {
            // A number that ends where the bytes do may go on.
            Some(Ok(_)) if !complete && start + stream.byte_offset() == bytes.len() => {
                self.retry = bytes.len() + 1;
                Some(None)
            }
            Some(Ok(item)) => {
                self.i = start + stream.byte_offset();
                self.due = false;
                self.items += 1;
                self.retry = 0;
                Some(Some(item))
            }
            _ if !complete => {
                self.retry = start + 2 * (bytes.len() - start);
                Some(None)
            }
            _ => None,
        }
    }

    /// The file `bytes` with its events array emptied (once the scan is at the end).
    fn shell(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        let (open, close) = self.array.filter(|&(_, c)| c > 0)?;
        let mut shell = Vec::with_capacity(bytes.len() - (close - open));
        shell.extend_from_slice(&bytes[..=open]);
        shell.extend_from_slice(&bytes[close..]);
        Some(shell)
    }
}

/// JSON's white space: not form feeds or the other bytes Rust's `is_ascii_whitespace` allows.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Finds the top-level `events` array of a JSON object as [`EventReader`] does, reading its items
/// as any JSON: the file with that array emptied, and the byte range of each of its items. `None`
/// when the scan finds no such array, or more than one, or something that is not JSON.
#[cfg(test)]
fn split_events(bytes: &[u8]) -> Option<(Vec<u8>, Vec<std::ops::Range<usize>>)> {
    let mut scan = Scan::default();
    let mut items = Vec::new();
    loop {
        match scan.next(bytes, true)? {
            Scanned::Item(start) => {
                scan.item::<serde::de::IgnoredAny>(bytes, start, true)??;
                items.push(start..scan.i);
            }
            Scanned::End => break,
            // Never, with the whole file.
            Scanned::Wait => return None,
        }
    }
    Some((scan.shell(bytes)?, items))
}

/// Parses the JSON into the dataset types, reporting the path and position of the first error.
///
/// serde_json alone parses, so the dataset types' deserialisation is compiled once; the path is
/// worked out only when there is an error (see `json_path`).
pub fn parse(bytes: &[u8]) -> Result<Dataset, Problem> {
    // Some editors save UTF-8 with a byte-order mark; it carries no meaning, so accept it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(problem) = sniff_non_json(bytes) {
        return Err(problem);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let dataset = Dataset::deserialize(&mut de)
        .map_err(|err| json_problem(json_path::of_error(bytes, &err), err))?;
    de.end().map_err(|e| json_problem(".".into(), e))?;
    Ok(dataset)
}

fn json_problem(path: String, inner: serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" itself; keep it, it helps with big files.
    let message = match inner.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early ({inner})"),
        serde_json::error::Category::Syntax => format!("not valid JSON: {inner}"),
        _ => inner.to_string(),
    };
    Problem { path, message }
}

/// Recognises the inputs that are obviously not a dataset, to say so plainly instead of
/// "expected value at line 1 column 1".
fn sniff_non_json(bytes: &[u8]) -> Option<Problem> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &bytes[i..]);
    let root = |message: &str| {
        Some(Problem {
            path: ".".into(),
            message: message.into(),
        })
    };
    match start {
        None => root("the file is empty"),
        Some(rest) if rest.first() == Some(&b'<') => {
            root("this is HTML or XML, not JSON (was an error page served instead of the data?)")
        }
        // serde would accept an array as a struct written positionally, and then complain about
        // its first element; say what is really wrong.
        Some(rest) => {
            let found = match rest.first() {
                Some(b'[') => "an array",
                Some(b'"') => "a string",
                Some(b'0'..=b'9' | b'-') => "a number",
                Some(b't' | b'f') if rest.starts_with(b"true") || rest.starts_with(b"false") => {
                    "a boolean"
                }
                Some(b'n') if rest.starts_with(b"null") => "null",
                _ => return None,
            };
            root(&format!(
                "the top level must be a JSON object ({{ … }}), but this file holds {found}"
            ))
        }
    }
}

/// Runs every check the types cannot express and returns all problems found.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::new(d);
    c.events(d.events.len());
    c.finish()
}

/// [`validate`] in steps, so that a page checking a big file can pause between them (and show
/// how far it is): the tables first, then the events a batch at a time, then the rest. The
/// problems, and their order, are those of [`validate`].
pub struct Checker<'a> {
    d: &'a Dataset,
    v: Validator,
    ids: Ids<'a>,
    /// Which event holds each session number seen so far.
    sessions: HashMap<u32, usize>,
    /// The events checked so far.
    done: usize,
}

impl<'a> Checker<'a> {
    /// Checks everything but the events (which need the ids of every table).
    pub fn new(d: &'a Dataset) -> Self {
        let mut v = Validator::default();
        let ids = v.tables(d);
        Self {
            d,
            v,
            ids,
            sessions: HashMap::new(),
            done: 0,
        }
    }

    /// Checks up to `n` more events; returns how many have been checked in all.
    pub fn events(&mut self, n: usize) -> usize {
        let end = self.done.saturating_add(n).min(self.d.events.len());
        for i in self.done..end {
            let e = &self.d.events[i];
            self.v.event(i, e, &self.ids);
            if let Some(n) = e.session_number
                && let Some(first) = self.sessions.insert(n, i)
            {
                self.v.push(
                    format!("events[{i}].session_number"),
                    format!("session {n} is already events[{first}]"),
                );
            }
        }
        self.done = end;
        end
    }

    /// Checks the events left and what follows them; every problem found.
    pub fn finish(mut self) -> Vec<Problem> {
        self.events(usize::MAX);
        self.v.rest(self.d, &self.ids);
        self.v.problems
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// The dataset was imported from another format (`origin` is set): the interchange rules
    /// apply. Such a file has no Arabic, may give no link for an event and names no parties, so
    /// requiring them would reject every import or push the importer to invent them.
    interchange: bool,
}

/// The ids declared in each table, for link checks.
struct Ids<'a> {
    parties: HashSet<&'a str>,
    lanes: HashSet<&'a str>,
    domains: HashSet<&'a str>,
    sources: HashSet<&'a str>,
    people: HashSet<&'a str>,
    events: HashSet<&'a str>,
    places: HashSet<&'a str>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// The checks before the events', and the ids they link to.
    fn tables<'a>(&mut self, d: &'a Dataset) -> Ids<'a> {
        self.interchange = d.origin.is_some();
        if d.schema_version != SCHEMA_VERSION {
            self.push(
                "schema_version",
                format!(
                    "schema_version is {}, but this app reads version {SCHEMA_VERSION}",
                    d.schema_version
                ),
            );
        }
        if !self.interchange {
            self.text(&|| "title".into(), &d.title, true);
            self.text(&|| "description".into(), &d.description, false);
        }

        let ids = Ids {
            parties: self.unique_ids("parties", d.parties.iter().map(|p| p.id.as_str())),
            lanes: self.unique_ids("lanes", d.lanes.iter().map(|l| l.id.as_str())),
            domains: self.unique_ids("domains", d.domains.iter().map(|x| x.id.as_str())),
            sources: self.unique_ids("sources", d.sources.iter().map(|s| s.id.as_str())),
            people: self.unique_ids("people", d.people.iter().map(|p| p.id.as_str())),
            places: self.unique_ids("places", d.places.iter().map(|p| p.id.as_str())),
            events: {
                // Gaps and periods share the events' id space (events may relate to gaps), but a
                // problem is reported at the gap's or period's own path.
                let mut ids = self.unique_ids("events", d.events.iter().map(|e| e.id.as_str()));
                let others = (d.gaps.iter().map(|g| ("gaps", g.id.as_str())))
                    .enumerate()
                    .chain(
                        d.periods
                            .iter()
                            .map(|p| ("periods", p.id.as_str()))
                            .enumerate(),
                    );
                for (i, (table, id)) in others {
                    let path = format!("{table}[{i}].id");
                    if is_blank(id) {
                        self.push(path, "the id is empty");
                    } else if !ids.insert(id) {
                        self.push(path, format!("duplicate id \"{}\"", shorten(id)));
                    }
                }
                ids
            },
        };
        if d.parties.is_empty() && !self.interchange {
            self.push("parties", "at least one party is required");
        }
        if d.lanes.is_empty() {
            self.push("lanes", "at least one lane is required");
        }

        for (i, p) in d.parties.iter().enumerate() {
            self.text(&|| format!("parties[{i}].name"), &p.name, true);
        }
        for (i, l) in d.lanes.iter().enumerate() {
            self.text(&|| format!("lanes[{i}].label"), &l.label, true);
        }
        for (i, x) in d.domains.iter().enumerate() {
            let at = format!("domains[{i}]");
            self.text(&|| format!("{at}.label"), &x.label, true);
            self.text(&|| format!("{at}.description"), &x.description, false);
            self.links(
                &|| format!("{at}.sources"),
                &x.sources,
                &ids.sources,
                "source",
            );
        }
        for (i, s) in d.sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            if !is_http_url(&s.url) {
                self.push(
                    format!("{at}.url"),
                    format!("\"{}\" is not an http(s) URL", shorten(&s.url)),
                );
            }
            self.required(&|| format!("{at}.publisher"), &s.publisher);
            if let Some(t) = &s.title {
                self.required(&|| format!("{at}.title"), t);
            }
            self.text(&|| format!("{at}.description"), &s.description, false);
            if let Some(l) = &s.language {
                self.required(&|| format!("{at}.language"), l);
            }
        }
        for (i, p) in d.places.iter().enumerate() {
            self.place_entry(&format!("places[{i}]"), p, &ids);
        }
        for (i, p) in d.people.iter().enumerate() {
            let at = format!("people[{i}]");
            self.required(&|| format!("{at}.name"), &p.name);
            self.link(&|| format!("{at}.party"), &p.party, &ids.parties, "party");
            self.sourced(&|| at.clone(), &p.sources, &p.notes, &ids);
            for (j, r) in p.roles.iter().enumerate() {
                let at = format!("{at}.roles[{j}]");
                self.text(&|| format!("{at}.title"), &r.title, false);
                if let Some(o) = &r.organisation {
                    self.text(&|| format!("{at}.organisation"), o, false);
                }
                if let (Some(from), Some(to)) = (r.from, r.to)
                    && to.last_day() < from.first_day()
                {
                    self.push(
                        format!("{at}.to"),
                        format!("ends ({to}) before it starts ({from})"),
                    );
                }
                self.links(
                    &|| format!("{at}.sources"),
                    &r.sources,
                    &ids.sources,
                    "source",
                );
            }
        }
        ids
    }

    /// The checks after the events'.
    fn rest(&mut self, d: &Dataset, ids: &Ids) {
        for (i, g) in d.gaps.iter().enumerate() {
            let at = format!("gaps[{i}]");
            self.link(&|| format!("{at}.lane"), &g.lane, &ids.lanes, "lane");
            self.text(&|| format!("{at}.title"), &g.title, true);
            self.text(&|| format!("{at}.summary"), &g.summary, false);
            if g.date.is_reversed() {
                self.push(format!("{at}.date.end"), "the end comes before the start");
            }
            if g.kind == GapKind::NotFound && g.date.end.is_some() {
                self.push(
                    format!("{at}.date.end"),
                    "a not_found gap is dated by when the search was made: give one date, without an end",
                );
            }
            if let (Some(a), Some(b)) = (g.first_session, g.last_session)
                && b < a
            {
                self.push(
                    format!("{at}.last_session"),
                    format!("{b} is before first_session {a}"),
                );
            }
            self.sourced(&|| at.clone(), &g.sources, &g.notes, ids);
        }
        for (i, p) in d.periods.iter().enumerate() {
            let at = format!("periods[{i}]");
            self.text(&|| format!("{at}.title"), &p.title, true);
            if p.date.is_reversed() {
                self.push(format!("{at}.date.end"), "the end comes before the start");
            }
            self.links(
                &|| format!("{at}.sources"),
                &p.sources,
                &ids.sources,
                "source",
            );
        }
        for (i, n) in d.notes.iter().enumerate() {
            self.note(&format!("notes[{i}]"), n, ids);
        }
    }

    fn event(&mut self, i: usize, e: &Event, ids: &Ids) {
        // Written only for a problem: formatting it for each of 100k events was ~15 ms of the
        // page's checking (profiled).
        let at: &dyn Fn() -> String = &|| format!("events[{i}]");
        self.required(&|| format!("{}.id", at()), &e.id);
        self.link(&|| format!("{}.lane", at()), &e.lane, &ids.lanes, "lane");
        self.text(&|| format!("{}.title", at()), &e.title, true);
        if !self.interchange {
            self.text(&|| format!("{}.summary", at()), &e.summary, false);
        }
        if e.date.is_reversed() {
            self.push(
                format!("{}.date.end", at()),
                format!(
                    "the end ({}) comes before the start ({})",
                    e.date.end.map(|d| d.to_string()).unwrap_or_default(),
                    e.date.start
                ),
            );
        }
        if e.date.within && e.date.end.is_none() {
            self.push(
                format!("{}.date.within", at()),
                "\"within\" needs an end date: the window",
            );
        }
        if let Some(p) = &e.place {
            self.text(&|| format!("{}.place.name", at()), &p.name, true);
            if let Some(c) = &p.country {
                self.link(
                    &|| format!("{}.place.country", at()),
                    c,
                    &ids.parties,
                    "party",
                );
            }
            self.links(
                &|| format!("{}.place.ids", at()),
                &p.ids,
                &ids.places,
                "place",
            );
        }
        if let Some(h) = &e.host {
            self.link(&|| format!("{}.host", at()), h, &ids.parties, "party");
        }
        for (field, list, known, what) in [
            ("chairs", &e.chairs, &ids.people, "person"),
            ("participants", &e.participants, &ids.people, "person"),
            ("domains", &e.domains, &ids.domains, "domain"),
            ("related", &e.related, &ids.events, "event"),
        ] {
            self.links(&|| format!("{}.{field}", at()), list, known, what);
        }
        if e.related.contains(&e.id) {
            self.push(
                format!("{}.related", at()),
                "an event cannot be related to itself",
            );
        }
        for (field, list) in [
            ("agenda", &e.agenda),
            ("outcomes", &e.outcomes),
            ("programme", &e.programme),
            ("side_events", &e.side_events),
            ("decorations", &e.decorations),
        ] {
            for (j, t) in list.iter().enumerate() {
                self.text(&|| format!("{}.{field}[{j}]", at()), t, false);
            }
        }
        for (j, f) in e.field_confidence.iter().enumerate() {
            self.text(
                &|| format!("{}.field_confidence[{j}].note", at()),
                &f.note,
                false,
            );
        }
        self.sourced(at, &e.sources, &e.notes, ids);
    }

    fn notes(&mut self, at: &dyn Fn() -> String, notes: &[Note], ids: &Ids) {
        for (j, n) in notes.iter().enumerate() {
            self.note(&format!("{}.notes[{j}]", at()), n, ids);
        }
    }

    fn note(&mut self, at: &str, n: &Note, ids: &Ids) {
        self.text(&|| format!("{at}.text"), &n.text, false);
        self.links(
            &|| format!("{at}.sources"),
            &n.sources,
            &ids.sources,
            "source",
        );
    }

    /// Collects the ids of a table, reporting empty and duplicate ones.
    fn unique_ids<'a>(
        &mut self,
        table: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        // Sized at once: a big file has a hundred thousand events, and growing costs rehashing.
        let mut seen = HashSet::with_capacity_and_hasher(ids.size_hint().0, Default::default());
        for (i, id) in ids.enumerate() {
            let path = || format!("{table}[{i}].id");
            if is_blank(id) {
                self.push(path(), "the id is empty");
            } else if !seen.insert(id) {
                self.push(path(), format!("duplicate id \"{}\"", shorten(id)));
            }
        }
        seen
    }

    // Paths are written only for a problem: a big file has hundreds of thousands of fields and
    // links to check, nearly all fine.
    fn link(&mut self, path: &dyn Fn() -> String, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.push(path(), format!("unknown {what} \"{}\"", shorten(id)));
        }
    }

    fn links(
        &mut self,
        path: &dyn Fn() -> String,
        list: &[String],
        known: &HashSet<&str>,
        what: &str,
    ) {
        // Most lists hold a few ids: looked through, not hashed (a set each made checking
        // 100k events ~30 ms slower in the page); long ones get a set.
        let mut seen = HashSet::default();
        for (i, id) in list.iter().enumerate() {
            self.link(&|| format!("{}[{i}]", path()), id, known, what);
            let again = if list.len() <= 16 {
                list[..i].contains(id)
            } else {
                !seen.insert(id)
            };
            if again {
                self.push(
                    format!("{}[{i}]", path()),
                    format!("\"{}\" is listed twice", shorten(id)),
                );
            }
        }
    }

    /// A record's sources (at least one, each known) and its notes: people, gaps and events.
    fn sourced(&mut self, at: &dyn Fn() -> String, sources: &[String], notes: &[Note], ids: &Ids) {
        self.at_least_one_source(at, sources);
        self.links(
            &|| format!("{}.sources", at()),
            sources,
            &ids.sources,
            "source",
        );
        self.notes(at, notes, ids);
    }

    fn at_least_one_source(&mut self, at: &dyn Fn() -> String, sources: &[String]) {
        // An imported record without a web link has no source; one is never made up for it.
        if sources.is_empty() && !self.interchange {
            self.push(
                format!("{}.sources", at()),
                "at least one source is required",
            );
        }
    }

    fn required(&mut self, path: &dyn Fn() -> String, s: &str) {
        if is_blank(s) {
            self.push(path(), "must not be empty");
        }
    }

    /// A place of the register: its name, its party, and a position that is a real point on
    /// the Earth with a source, on a kind of place that is a point.
    fn place_entry(&mut self, at: &str, p: &PlaceEntry, ids: &Ids) {
        self.text(&|| format!("{at}.name"), &p.name, true);
        if let Some(party) = &p.party {
            self.link(&|| format!("{at}.party"), party, &ids.parties, "party");
        }
        let Some(pos) = &p.position else { return };
        if !p.kind.is_point() {
            self.push(
                format!("{at}.position"),
                "an area (region, sea, country, institution) has no position: it is not a point",
            );
        }
        if !(pos.lat.is_finite() && (-90.0..=90.0).contains(&pos.lat)) {
            self.push(
                format!("{at}.position.lat"),
                "a latitude is between -90 and 90",
            );
        }
        if !(pos.lon.is_finite() && (-180.0..=180.0).contains(&pos.lon)) {
            self.push(
                format!("{at}.position.lon"),
                "a longitude is between -180 and 180",
            );
        }
        self.link(
            &|| format!("{at}.position.source"),
            &pos.source,
            &ids.sources,
            "source",
        );
    }

    /// French and English must be present; Arabic too when `needs_ar` (titles, labels, names),
    /// except in an imported dataset, whose text has no known language.
    fn text(&mut self, path: &dyn Fn() -> String, t: &Text, needs_ar: bool) {
        let needs_ar = needs_ar && !self.interchange;
        self.required(&|| format!("{}.fr", path()), &t.fr);
        self.required(&|| format!("{}.en", path()), &t.en);
        match &t.ar {
            None if needs_ar => self.push(format!("{}.ar", path()), "the Arabic text is missing"),
            Some(ar) if is_blank(ar) => self.push(format!("{}.ar", path()), "must not be empty"),
            _ => {}
        }
    }
}

/// Whether `url` is an absolute http or https URL with a host: the only links the app will render.
pub fn is_http_url(url: &str) -> bool {
    // Compared as bytes: a non-ASCII host may start right after the scheme.
    let has = |scheme: &str| {
        url.as_bytes()
            .get(..scheme.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    let rest = if has("https://") {
        &url[8..]
    } else if has("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with(':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Keeps messages short when a value is huge.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
      "schema_version": 1,
      "title": {"fr": "T", "en": "T", "ar": "T"},
      "description": {"fr": "D", "en": "D"},
      "parties": [{"id": "ma", "name": {"fr": "Maroc", "en": "Morocco", "ar": "المغرب"}}],
      "lanes": [{"id": "commission", "label": {"fr": "C", "en": "C", "ar": "C"}}],
      "sources": [{"id": "s1", "url": "https://example.org/a", "publisher": "P", "description": {"fr": "d", "en": "d"}}],
      "events": [{
        "id": "e1", "lane": "commission", "session_number": 22,
        "title": {"fr": "t", "en": "t", "ar": "t"}, "summary": {"fr": "s", "en": "s"},
        "date": {"start": "2024-12-02", "end": "2024-12-03"},
        "confidence": "confirmed", "sources": ["s1"]
      }]
    }"#;

    fn problems_after(edit: impl Fn(&mut serde_json::Value)) -> Vec<Problem> {
        let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
        edit(&mut v);
        match load(v.to_string().as_bytes()) {
            Ok(_) => vec![],
            Err(Invalid(p)) => p,
        }
    }

    /// Reads `bytes` the way the page does: arriving `arrive` bytes at a time (the events that
    /// have arrived read as they do), then the events `step` at a time, checked `step` at a time.
    fn read_in_steps(
        bytes: &[u8],
        step: usize,
        arrive: usize,
    ) -> Option<Result<Dataset, Vec<Problem>>> {
        let mut r = EventReader::new();
        let mut arrived = 0;
        while arrived < bytes.len() {
            arrived = arrived.saturating_add(arrive).min(bytes.len());
            let (before, at) = (r.len(), r.progress(arrived, false));
            // Until the whole file is there, the reader waits for more, whatever it is asked.
            while arrived < bytes.len() {
                match r.read(&bytes[..arrived], false, step)? {
                    Step::Read => {}
                    Step::Waiting => break,
                    Step::Done => panic!("done before the end of the file"),
                }
            }
            assert!(r.len() >= before && r.progress(arrived, false) >= at);
        }
        let mut last = 0.0;
        loop {
            match r.read(bytes, true, step)? {
                Step::Done => break,
                Step::Read => {}
                Step::Waiting => panic!("waiting with the whole file"),
            }
            let p = r.progress(bytes.len(), true);
            assert!(p >= last && p < 1.0);
            last = p;
        }
        let d = r.finish(bytes)?;
        let mut c = Checker::new(&d);
        while c.events(step) < d.events.len() {}
        let problems = c.finish();
        Some(if problems.is_empty() {
            Ok(d)
        } else {
            Err(problems)
        })
    }

    #[test]
    fn reading_in_steps_reads_what_a_whole_read_does() {
        let bundled = include_bytes!("../../public/data/cooperation.json");
        let whole = load(bundled).unwrap();
        for (step, arrive) in [(1, usize::MAX), (7, 1), (1_000, 61), (64, 65_536)] {
            let read = read_in_steps(bundled, step, arrive);
            assert_eq!(read.unwrap().unwrap(), whole, "{step} {arrive}");
        }
        let synthetic = serde_json::to_vec(&crate::model::synthetic::generate(1_000, 1)).unwrap();
        assert_eq!(
            read_in_steps(&synthetic, 64, 4_096).unwrap().unwrap(),
            load(&synthetic).unwrap()
        );
        // The same problems, in the same order, as a whole check.
        let mut broken: serde_json::Value = serde_json::from_slice(&synthetic).unwrap();
        broken["events"][3]["lane"] = "nowhere".into();
        broken["events"][900]["sources"] = serde_json::json!([]);
        broken["gaps"][0]["lane"] = "nowhere".into();
        let broken = serde_json::to_vec_pretty(&broken).unwrap();
        let Err(Invalid(expected)) = load(&broken) else {
            panic!("not refused")
        };
        assert_eq!(expected.len(), 3, "{expected:?}");
        for arrive in [usize::MAX, 1_000] {
            let read = read_in_steps(&broken, 50, arrive);
            assert_eq!(read.unwrap().unwrap_err(), expected);
        }
    }

    #[test]
    fn room_for_the_events_is_made_once_from_the_files_length() {
        let file = serde_json::to_vec(&crate::model::synthetic::generate(5_000, 1)).unwrap();
        let room = |mut r: EventReader, arrive: usize| {
            let mut arrived = 0;
            while arrived + arrive < file.len() {
                arrived += arrive;
                while r.read(&file[..arrived], false, 64) == Some(Step::Read) {}
            }
            while r.read(&file, true, 64) == Some(Step::Read) {}
            let d = r.finish(&file).unwrap();
            (d.events.len(), d.events.capacity())
        };
        // Read whole, or arriving with its length announced: room for about as many events as
        // there are, not the next power of two.
        for (reader, arrive) in [
            (EventReader::new(), file.len()),
            (EventReader::expecting(Some(file.len())), 65_536),
        ] {
            let (n, capacity) = room(reader, arrive);
            assert_eq!(n, 5_000);
            assert!((n..n * 11 / 10).contains(&capacity), "{capacity}");
        }
        // A length announced wrong, or none: still every event.
        for expected in [None, Some(100), Some(file.len() * 10)] {
            assert_eq!(room(EventReader::expecting(expected), 65_536).0, 5_000);
        }
    }

    #[test]
    fn reading_in_steps_never_panics_and_agrees_with_a_whole_read_on_damaged_files() {
        // Every one-byte deletion of a small valid file, and every insertion of a byte that
        // matters to the scan: read in steps, whole or as it arrives, it gives up (the page then
        // reads it whole) or reads exactly what a whole read does, problems included.
        let base = MINIMAL.as_bytes();
        let mut checked = 0;
        let mut agree = |bytes: &[u8]| {
            for arrive in [usize::MAX, 3] {
                if let Some(stepwise) = read_in_steps(bytes, 1, arrive) {
                    match (stepwise, load(bytes)) {
                        (Ok(a), Ok(b)) => assert_eq!(a, b),
                        (Err(a), Err(Invalid(b))) => assert_eq!(a, b),
                        (a, b) => panic!("{}: {a:?} / {b:?}", String::from_utf8_lossy(bytes)),
                    }
                    checked += 1;
                }
            }
        };
        for i in 0..base.len() {
            let mut cut = base.to_vec();
            cut.remove(i);
            agree(&cut);
            for b in [b'}', b']', b',', b'[', b'"', b'\\', 0x0c, b' '] {
                let mut grown = base.to_vec();
                grown.insert(i, b);
                agree(&grown);
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn an_event_arriving_in_many_small_chunks_is_parsed_a_few_times_not_once_a_chunk() {
        let mut d: serde_json::Value =
            serde_json::to_value(crate::model::synthetic::generate(3, 1)).unwrap();
        d["events"][1]["summary"]["en"] = "x".repeat(200_000).into();
        let file = serde_json::to_vec(&d).unwrap();
        let mut r = EventReader::new();
        let mut arrived = 0;
        while arrived < file.len() {
            arrived = (arrived + 100).min(file.len());
            let complete = arrived == file.len();
            while r.read(&file[..arrived], complete, 64) == Some(Step::Read) {}
        }
        // ~2,000 chunks arrive while the big event does; each cut-short parse waits for the file
        // to double past where the event starts, so about log2(2,000) of them, plus one per event.
        let parses = r.scan.parses;
        assert!((3..=3 + 2 * 12).contains(&parses), "{parses}");
        assert_eq!(r.finish(&file).unwrap().events.len(), 3);
    }

    #[test]
    fn the_events_array_is_found_by_its_structure() {
        // Brackets, quotes and the word "events" inside strings, nested arrays inside events,
        // and the array not last.
        let json = br#"{"title": "the \"events\": [ ] key", "x": ["events"], "events" : [
            {"id": "a]", "tags": [[1], {"k": "}"}]} ,"two",
            3 ], "after": {"events": [9]}}"#;
        let (shell, items) = split_events(json).unwrap();
        let items: Vec<&str> = items
            .iter()
            .map(|r| std::str::from_utf8(&json[r.clone()]).unwrap())
            .collect();
        assert_eq!(
            items,
            [
                r#"{"id": "a]", "tags": [[1], {"k": "}"}]}"#,
                r#""two""#,
                "3"
            ]
        );
        let shell: serde_json::Value = serde_json::from_slice(&shell).unwrap();
        assert_eq!(shell["events"], serde_json::json!([]));
        assert_eq!(shell["after"]["events"], serde_json::json!([9]));
        assert!(split_events(br#"{"events": []}"#).unwrap().1.is_empty());
        // What a scan cannot vouch for is left to a whole read, which says what is wrong.
        for bad in [
            &br#"{"events": [1], "events": [2]}"#[..],
            br#"{"events": ["never ends]}"#,
            br#"{"events": [ }"#,
            br#"{"events": [1, }"#,
            br#"{"events": [{"a": 1}}}"#,
            br#"{"events": [1,,2]}"#,
            br#"{"events": [,1]}"#,
            br#"{"events": [1,]}"#,
            br#"{"title": "no events"}"#,
            br#"[{"events": []}]"#,
        ] {
            assert!(
                split_events(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        let broken = MINIMAL.replace(r#""session_number": 22"#, r#""session_number": "22""#);
        let mut r = EventReader::new();
        assert_eq!(r.read(broken.as_bytes(), true, 10), None);
        // And a file with something after its object, or a form feed (no JSON white space).
        let trailing = format!("{MINIMAL} []");
        assert_eq!(EventReader::new().read(trailing.as_bytes(), true, 10), None);
        let feed = MINIMAL.replace(r#""events": [{"#, "\"events\": [\u{c}{");
        assert_eq!(EventReader::new().read(feed.as_bytes(), true, 10), None);
        assert!(load(feed.as_bytes()).is_err());
        assert!(load(broken.as_bytes()).is_err());
    }

    #[test]
    fn minimal_dataset_loads() {
        let d = load(MINIMAL.as_bytes()).unwrap();
        assert_eq!(d.sessions().len(), 1);
    }

    #[test]
    fn parse_errors_carry_the_json_path() {
        let p = problems_after(|v| v["events"][0]["date"]["start"] = "2024-13-01".into());
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "events[0].date.start");
        assert!(
            p[0].message.contains("not a real calendar date"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn validation_collects_every_problem() {
        let p = problems_after(|v| {
            v["events"][0]["lane"] = "nope".into();
            v["events"][0]["sources"] = serde_json::json!(["s1", "missing"]);
            v["sources"][0]["url"] = "javascript:alert(1)".into();
            v["schema_version"] = 2.into();
        });
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "schema_version",
                "sources[0].url",
                "events[0].lane",
                "events[0].sources[1]"
            ]
        );
    }

    #[test]
    fn an_id_listed_twice_is_named_in_short_and_long_lists() {
        // Short lists are looked through, longer ones hashed: the same answer.
        for n in [2, 20] {
            let p = problems_after(|v| {
                v["events"][0]["sources"] = serde_json::json!(vec!["s1"; n]);
            });
            let twice: Vec<&str> = p
                .iter()
                .filter(|p| p.message.contains("\"s1\" is listed twice"))
                .map(|p| p.path.as_str())
                .collect();
            assert_eq!(twice.len(), n - 1, "{p:?}");
            assert_eq!(twice[0], "events[0].sources[1]");
            assert_eq!(twice[n - 2], format!("events[0].sources[{}]", n - 1));
        }
    }

    #[test]
    fn rejects_non_json_plainly() {
        for (input, needle) in [
            (&b""[..], "empty"),
            (b"   \n", "empty"),
            (b"<!doctype html><h1>404</h1>", "HTML"),
            (b"\xff\xfe\x00garbage", "not valid JSON"),
            (b"{\"schema_version\": 1", "ends too early"),
        ] {
            let Err(Invalid(p)) = load(input) else {
                panic!("accepted {input:?}")
            };
            assert!(
                p[0].message.contains(needle),
                "{:?}: {}",
                input,
                p[0].message
            );
        }
    }

    /// `n` nested empty arrays: `[[[…]]]`.
    fn nested_arrays(n: usize) -> String {
        "[".repeat(n) + &"]".repeat(n)
    }

    /// Loads `MINIMAL` with `from` (which must occur exactly once) replaced by `to`.
    fn problems_in_edited_text(from: &str, to: &str) -> Vec<Problem> {
        assert_eq!(MINIMAL.matches(from).count(), 1, "{from}");
        match load(MINIMAL.replacen(from, to, 1).as_bytes()) {
            Ok(_) => vec![],
            Err(Invalid(p)) => p,
        }
    }

    /// Exactly one problem: a string was expected at `path` and an array came.
    fn assert_one_type_error(p: &[Problem], path: &str) {
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, path);
        assert!(
            p[0].message
                .starts_with("invalid type: sequence, expected a string at line "),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn nesting_100_000_deep_in_a_text_field_stops_at_that_field() {
        // Runs on a test thread's small stack: a parser that recursed into the value would overflow.
        let p = problems_in_edited_text(
            r#""fr": "t","#,
            &format!(r#""fr": {},"#, nested_arrays(100_000)),
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "events[0].title.fr");
        assert!(
            p[0].message
                .starts_with("invalid type: sequence, expected a string at line 10 column "),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn nesting_100_000_deep_at_the_schemas_deepest_text_stops_there() {
        // events[0].notes[0].text.fr: six containers, as deep as the format goes, then the junk.
        let note = format!(
            r#""notes": [{{"kind": "caveat", "text": {{"fr": {}, "en": "e"}}, "sources": ["s1"]}}],
        "confidence""#,
            nested_arrays(100_000)
        );
        let p = problems_in_edited_text(r#""confidence""#, &note);
        assert_one_type_error(&p, "events[0].notes[0].text.fr");
    }

    #[test]
    fn nesting_100_000_deep_in_a_list_of_texts_stops_at_its_first_element() {
        // A Text may be written positionally (`["fr", "en"]`), so the first `[` of the junk is taken
        // as the Text and the second is rejected as its `fr` string, one level further down.
        let p = problems_in_edited_text(
            r#""confidence""#,
            &format!(r#""agenda": {}, "confidence""#, nested_arrays(100_000)),
        );
        assert_one_type_error(&p, "events[0].agenda[0][0]");
    }

    #[test]
    fn nesting_100_000_deep_objects_stops_at_the_first_unknown_key() {
        let deep = r#"{"a": "#.repeat(100_000) + &"}".repeat(100_000);
        let p = problems_in_edited_text(
            r#""ar": "t"}, "summary""#,
            &format!(r#""ar": "t", "a": {deep}}}, "summary""#),
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "events[0].title.a");
        assert!(
            p[0].message
                .starts_with("unknown field `a`, expected one of `fr`, `en`, `ar` at line "),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn a_top_level_array_is_named_before_any_parsing() {
        let p = problems_in_edited_text(MINIMAL, &nested_arrays(10_000));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, ".");
        assert!(
            p[0].message.ends_with("but this file holds an array"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn invalid_displays_whatever_its_length() {
        let problem = |path: &str| Problem {
            path: path.into(),
            message: "m".into(),
        };
        assert_eq!(
            Invalid(vec![]).to_string(),
            "the dataset was rejected, but no problem was reported"
        );
        assert_eq!(
            Invalid(vec![problem("a")]).to_string(),
            "1 problem in the dataset: a: m"
        );
        assert_eq!(
            Invalid(vec![problem("a"), problem("b")]).to_string(),
            "2 problems in the dataset; first: a: m"
        );
    }

    #[test]
    fn a_not_found_gap_takes_one_date() {
        let gap = |date: serde_json::Value| {
            problems_after(move |v| {
                v["gaps"] = serde_json::json!([{
                    "id": "g1", "kind": "not_found", "lane": "commission",
                    "title": {"fr": "g", "en": "g", "ar": "g"}, "summary": {"fr": "s", "en": "s"},
                    "date": date, "sources": ["s1"]
                }]);
            })
        };
        assert_eq!(gap(serde_json::json!({"start": "2026-11"})), vec![]);
        let p = gap(serde_json::json!({"start": "2026-01", "end": "2026-11"}));
        assert_eq!(
            p,
            vec![Problem {
                path: "gaps[0].date.end".into(),
                message: "a not_found gap is dated by when the search was made: give one date, \
                          without an end"
                    .into()
            }]
        );
    }

    #[test]
    fn an_undocumented_gap_may_span_years() {
        let p = problems_after(|v| {
            v["gaps"] = serde_json::json!([{
                "id": "g1", "kind": "undocumented", "lane": "commission",
                "title": {"fr": "g", "en": "g", "ar": "g"}, "summary": {"fr": "s", "en": "s"},
                "date": {"start": "2013", "end": "2020"}, "sources": ["s1"]
            }]);
        });
        assert_eq!(p, vec![]);
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        let input = format!("{MINIMAL} x");
        assert!(load(input.as_bytes()).is_err());
    }

    #[test]
    fn gap_id_problems_name_the_gap() {
        let p = problems_after(|v| {
            v["gaps"] = serde_json::json!([{
                "id": "e1", "kind": "undocumented", "lane": "commission",
                "title": {"fr": "g", "en": "g", "ar": "g"}, "summary": {"fr": "s", "en": "s"},
                "date": {"start": "2013", "end": "2020"}, "sources": ["s1"]
            }]);
        });
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "gaps[0].id");
        assert!(p[0].message.contains("duplicate id"));
    }

    /// `MINIMAL` made an import: origin set, and everything an interchange file cannot give
    /// removed (Arabic, parties, sources of the event, titles and summaries that may be blank).
    fn imported(edit: impl Fn(&mut serde_json::Value)) -> Vec<Problem> {
        problems_after(|v| {
            v["origin"] = serde_json::json!({"format": "timelinejs-json", "file": "x.json"});
            edit(v);
        })
    }

    #[test]
    fn interchange_rules_relax_what_an_import_cannot_give() {
        let bare = |v: &mut serde_json::Value| {
            v["title"] = serde_json::json!({"fr": "", "en": ""});
            v["description"] = serde_json::json!({"fr": "", "en": ""});
            v["parties"] = serde_json::json!([]);
            v["lanes"][0]["label"] = serde_json::json!({"fr": "L", "en": "L"});
            v["events"][0]["title"] = serde_json::json!({"fr": "t", "en": "t"});
            v["events"][0]["summary"] = serde_json::json!({"fr": "", "en": ""});
            v["events"][0]["sources"] = serde_json::json!([]);
            v["periods"] = serde_json::json!([{
                "id": "p1", "title": {"fr": "P", "en": "P"}, "date": {"start": "2020", "end": "2021"}
            }]);
        };
        assert_eq!(imported(bare), vec![]);
        // The same dataset without `origin` breaks every one of those rules.
        let paths: Vec<String> = problems_after(bare).into_iter().map(|p| p.path).collect();
        for path in [
            "title.fr",
            "title.ar",
            "description.fr",
            "parties",
            "lanes[0].label.ar",
            "events[0].title.ar",
            "events[0].summary.fr",
            "events[0].sources",
            "periods[0].title.ar",
        ] {
            assert!(paths.iter().any(|p| p == path), "{path} not in {paths:?}");
        }
    }

    #[test]
    fn interchange_rules_keep_ids_links_urls_dates_and_titles() {
        type Edit = fn(&mut serde_json::Value);
        let cases: [(&str, Edit); 8] = [
            ("events[0].title.fr", |v| {
                v["events"][0]["title"]["fr"] = "".into()
            }),
            ("events[0].lane", |v| v["events"][0]["lane"] = "nope".into()),
            ("events[0].sources[0]", |v| {
                v["events"][0]["sources"] = serde_json::json!(["nope"])
            }),
            ("sources[0].url", |v| {
                v["sources"][0]["url"] = "ftp://x.y".into()
            }),
            ("events[0].date.end", |v| {
                v["events"][0]["date"] = serde_json::json!({"start": "2020", "end": "2019"})
            }),
            ("lanes", |v| v["lanes"] = serde_json::json!([])),
            ("periods[0].id", |v| {
                v["periods"] = serde_json::json!([{
                    "id": "e1", "title": {"fr": "P", "en": "P"}, "date": {"start": "2020"}
                }])
            }),
            ("periods[0].date.end", |v| {
                v["periods"] = serde_json::json!([{
                    "id": "p1", "title": {"fr": "P", "en": "P"},
                    "date": {"start": "2020", "end": "2019"}
                }])
            }),
        ];
        for (path, edit) in cases {
            let p = imported(edit);
            assert!(p.iter().any(|p| p.path == path), "{path}: {p:?}");
        }
    }

    #[test]
    fn http_urls_only() {
        for ok in [
            "https://a.b/c",
            "http://a.b",
            "HTTPS://A.B/?q#f",
            "http://é.fr/x",
            "https://مثال.ma",
        ] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://a.b",
            "https://",
            "https:///path",
            "//a.b",
            "data:text/html,x",
            "https://a b",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
