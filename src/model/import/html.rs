//! HTML in imported text (TimelineJS and vis-timeline take HTML) reduced to plain text: tags
//! dropped, entities decoded, block tags and `<br>` turned into line breaks, and the http(s)
//! targets of `<a href>` collected so they can become sources. The app never renders imported
//! text as HTML; this only makes it readable as text.

/// A link found in the HTML: its target and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The `href`, entities decoded, trimmed.
    pub url: String,
    /// The link's text (may be empty).
    pub text: String,
}

/// The plain text of a piece of HTML, and what was found in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Plain {
    /// The text: runs of spaces collapsed, lines trimmed, at most one blank line in a row.
    pub text: String,
    /// Every `<a href>`, in order.
    pub links: Vec<Link>,
    /// Whether there was any tag or entity to reduce.
    pub had_markup: bool,
}

/// Tags that start a new line: paragraphs, list items, headings, table rows, quotes.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "hr",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "pre",
];

/// Reduces `html` to plain text.
pub(crate) fn to_plain(html: &str) -> Plain {
    let mut raw = String::with_capacity(html.len());
    let mut links = Vec::new();
    // The link being read: its href and where its text starts in `raw`.
    let mut open_link: Option<(String, usize)> = None;
    let mut had_markup = false;
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        push_text(&mut raw, &rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            match entity(rest) {
                Some((c, len)) => {
                    raw.push(if c == '\u{a0}' { ' ' } else { c });
                    rest = &rest[len..];
                    had_markup = true;
                }
                None => {
                    raw.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            had_markup = true;
            rest = after.find("-->").map_or("", |j| &after[j + 3..]);
            continue;
        }
        let Some(end) = rest.find('>') else {
            // A lone `<` ("a < b") is text.
            raw.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // Not a tag ("<3", "< b>"): keep it as text.
            raw.push('<');
            push_text(&mut raw, tag);
            raw.push('>');
            continue;
        }
        had_markup = true;
        match name.as_str() {
            "script" | "style" if !closing => {
                let close = format!("</{name}");
                rest = find_ascii_ci(rest, &close).map_or("", |j| {
                    let after = &rest[j..];
                    after.find('>').map_or("", |k| &after[k + 1..])
                });
            }
            "br" => raw.push('\n'),
            "a" if !closing => {
                open_link = attribute(tag, "href").map(|href| (href, raw.len()));
            }
            "a" => {
                if let Some((url, from)) = open_link.take() {
                    let text = collapse(raw.get(from..).unwrap_or(""));
                    links.push(Link { url, text });
                }
            }
            _ if BLOCKS.contains(&name.as_str()) => raw.push('\n'),
            _ => {}
        }
    }
    push_text(&mut raw, rest);
    if let Some((url, from)) = open_link {
        let text = collapse(raw.get(from..).unwrap_or(""));
        links.push(Link { url, text });
    }
    Plain {
        text: tidy(&raw),
        links,
        had_markup,
    }
}

/// Source text: its own line breaks and tabs are only spaces in HTML.
fn push_text(out: &mut String, s: &str) {
    out.extend(s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
}

/// `s` with every run of whitespace made one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines collapsed and trimmed, leading and trailing blank lines dropped, at most one blank
/// line in a row (a paragraph break).
fn tidy(raw: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut blank = false;
    for line in raw.split('\n').map(collapse) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push(String::new());
            blank = false;
        }
        out.push(line);
    }
    out.join("\n")
}

/// The start of `needle` (ASCII, lowercase) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let hay = hay.as_bytes();
    let needle = needle.as_bytes();
    (0..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The value of attribute `name` in the inside of a tag (`a href="x" title=''`), entities
/// decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut i = 0;
    while let Some(j) = find_ascii_ci(&tag[i..], name) {
        let at = i + j;
        i = at + name.len();
        // A whole attribute name: after a space, followed by `=` (spaces allowed around it).
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let after = tag[i..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &value[1..];
                &inner[..inner.find(q).unwrap_or(inner.len())]
            }
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()?,
        };
        return Some(decode(raw).trim().to_string());
    }
    None
}

/// `s` with its entities decoded (for attribute values).
pub(crate) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The named entities that editors write, with their characters.
const NAMED: [(&str, char); 30] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("ccedil", 'ç'),
    ("ocirc", 'ô'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
];

/// The character of the entity at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`) and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    // Entities are short: look for the `;` within a few characters only.
    let end = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and invalid code points become the replacement character, as browsers do.
        char::from_u32(n)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        NAMED.iter().find(|(name, _)| *name == body)?.1
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_blocks_break_lines_and_entities_decode() {
        let p = to_plain(
            "<p class=\"lead\">Caf&eacute; &amp; <b>bar</b>&nbsp;&#233;&#xE9;</p><p>Two<br/>lines</p>",
        );
        assert_eq!(p.text, "Café & bar éé\n\nTwo\nlines");
        assert!(p.had_markup);
        assert!(p.links.is_empty());
    }

    #[test]
    fn links_are_collected_with_their_text() {
        let p = to_plain(
            "See <a href=\"https://example.org/a?x=1&amp;y=2\" title=\"\">the <i>page</i></a> and \
             <A HREF='http://example.org/b'>b</A>, <a href=javascript:alert(1)>bad</a>.",
        );
        assert_eq!(p.text, "See the page and b, bad.");
        assert_eq!(
            p.links,
            [
                Link {
                    url: "https://example.org/a?x=1&y=2".into(),
                    text: "the page".into()
                },
                Link {
                    url: "http://example.org/b".into(),
                    text: "b".into()
                },
                Link {
                    url: "javascript:alert(1)".into(),
                    text: "bad".into()
                },
            ]
        );
    }

    #[test]
    fn source_whitespace_collapses_and_text_without_markup_is_unchanged() {
        let p = to_plain("  one\n  two\t three ");
        assert_eq!(p.text, "one two three");
        assert!(!p.had_markup);
        let p = to_plain("a < b > c & d &unknown; R&D");
        assert_eq!(p.text, "a < b > c & d &unknown; R&D");
        assert!(!p.had_markup);
    }

    #[test]
    fn scripts_styles_and_comments_vanish() {
        let p = to_plain("a<script>alert('<p>')</script>b<!-- <p>x --><style>p{}</STYLE>c");
        assert_eq!(p.text, "abc");
    }

    #[test]
    fn paragraphs_keep_one_blank_line_at_most() {
        let p = to_plain("<div><p>a</p>\n\n<p></p><p>b</p></div>");
        assert_eq!(p.text, "a\n\nb");
        assert_eq!(to_plain("<ul><li>a</li><li>b</li></ul>").text, "a\n\nb");
        let p = to_plain("a<br><br><br>b");
        assert_eq!(p.text, "a\n\nb");
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<a href=",
            "<a href=\"x",
            "&#",
            "&#x110000;",
            "&#0;",
            "<!--",
            "<script>",
            "é<é>&é;",
        ] {
            let _ = to_plain(s);
        }
        assert_eq!(to_plain("&#x110000;&#0;").text, "\u{fffd}\u{fffd}");
        assert_eq!(
            to_plain("<a href=\"https://x.y\">open").links[0].text,
            "open"
        );
    }
}
