//! Embedding in an article: the address of the compact view (`?embed=1`) for the current view, the
//! `<iframe>` code the Embed dialog writes for it, and the address of the full timeline an embedded
//! view links back to. Pure string building over [`ViewState`], so every rule is tested natively.

use super::text::{Lang, escape_html};
use super::url::ViewState;

/// The narrowest and widest frame, in CSS pixels, the dialog writes (narrower than a phone's
/// 320 px has no room for the timeline; a frame is never wider than a 4K screen).
pub const WIDTH_RANGE: (u32, u32) = (280, 3840);
/// The lowest and highest frame the dialog writes: the timeline and a record need 360 px; more
/// than 2000 px would not fit any screen.
pub const HEIGHT_RANGE: (u32, u32) = (360, 2000);
/// The frame's height unless the author chooses another.
pub const DEFAULT_HEIGHT: u32 = 640;

/// How wide the frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedWidth {
    /// The article's column (`width="100%"`): the usual choice, and right on phones.
    #[default]
    Full,
    /// A fixed width in CSS pixels (kept within [`WIDTH_RANGE`]).
    Px(u32),
}

/// What the author chose in the Embed dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The frame's width.
    pub width: EmbedWidth,
    /// The frame's height in CSS pixels (kept within [`HEIGHT_RANGE`]).
    pub height: u32,
    /// The language the embedded view opens in (readers can't switch it: there is no header).
    pub lang: Lang,
    /// Whether the selected event (or gap) opens with it.
    pub keep_selection: bool,
}

impl EmbedOptions {
    /// The defaults for a page shown in `lang`: full width, [`DEFAULT_HEIGHT`], the selection
    /// kept.
    pub fn new(lang: Lang) -> Self {
        Self {
            width: EmbedWidth::Full,
            height: DEFAULT_HEIGHT,
            lang,
            keep_selection: true,
        }
    }

    fn clamped_height(&self) -> u32 {
        self.height.clamp(HEIGHT_RANGE.0, HEIGHT_RANGE.1)
    }

    fn width_attr(&self) -> String {
        match self.width {
            EmbedWidth::Full => "100%".into(),
            EmbedWidth::Px(w) => w.clamp(WIDTH_RANGE.0, WIDTH_RANGE.1).to_string(),
        }
    }
}

/// The address of the compact view of `view` for a page at `page` (origin and path, no query:
/// under a sub-path the path carries it), in the chosen language, with or without the selection.
/// The list view is not embedded: an article shows the timeline.
pub fn embed_src(page: &str, view: &ViewState, o: &EmbedOptions) -> String {
    let mut v = view.clone();
    v.embed = true;
    v.list = false;
    v.lang = Some(o.lang);
    if !o.keep_selection {
        v.event = None;
        v.gap = None;
    }
    format!("{page}{}", v.to_query())
}

/// The `<iframe>` element for `src`, titled `title` (a frame needs an accessible name), sized as
/// chosen, lazily loaded and without a border.
pub fn iframe_code(src: &str, o: &EmbedOptions, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{}\" height=\"{}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\" allowfullscreen></iframe>",
        escape_html(src),
        escape_html(title),
        o.width_attr(),
        o.clamped_height()
    )
}

/// The query string of the full timeline showing what an embedded `view` shows (the same data,
/// window, selection, filters and language), for its "open the full timeline" link.
pub fn full_view_query(view: &ViewState) -> String {
    ViewState {
        embed: false,
        ..view.clone()
    }
    .to_query()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> ViewState {
        ViewState::parse("?lang=fr&from=2024-01-01&to=2025-12-31&event=cmm-22&lanes=commission")
    }

    #[test]
    fn the_source_carries_the_view_in_the_chosen_language() {
        let o = EmbedOptions::new(Lang::Ar);
        let src = embed_src("https://example.org/cooperation-timeline/", &view(), &o);
        assert!(
            src.starts_with("https://example.org/cooperation-timeline/?"),
            "{src}"
        );
        let back = ViewState::parse(src.split_once('?').unwrap().1);
        assert!(back.embed);
        assert_eq!(back.lang, Some(Lang::Ar));
        assert_eq!(back.event.as_deref(), Some("cmm-22"));
        assert_eq!(back.window, view().window);
        assert_eq!(back.filters, view().filters);
    }

    #[test]
    fn the_selection_can_be_left_out_and_the_list_is_never_embedded() {
        let mut v = view();
        v.list = true;
        let o = EmbedOptions {
            keep_selection: false,
            ..EmbedOptions::new(Lang::En)
        };
        let back = ViewState::parse(embed_src("/", &v, &o).trim_start_matches('/'));
        assert_eq!((back.event, back.gap, back.list), (None, None, false));
    }

    #[test]
    fn the_iframe_is_escaped_sized_and_named() {
        let o = EmbedOptions {
            width: EmbedWidth::Px(10),
            height: 99_999,
            ..EmbedOptions::new(Lang::En)
        };
        let code = iframe_code(
            "https://x.org/?a=1&b=\"2\"",
            &o,
            "Title <with> \"quotes\" & more",
        );
        assert!(
            code.contains("src=\"https://x.org/?a=1&amp;b=&quot;2&quot;\""),
            "{code}"
        );
        assert!(code.contains("title=\"Title &lt;with&gt; &quot;quotes&quot; &amp; more\""));
        assert!(
            code.contains("width=\"280\""),
            "clamped to the narrowest: {code}"
        );
        assert!(
            code.contains("height=\"2000\""),
            "clamped to the highest: {code}"
        );
        let full = iframe_code("/", &EmbedOptions::new(Lang::En), "t");
        assert!(full.contains("width=\"100%\" height=\"640\""), "{full}");
        assert!(full.starts_with("<iframe ") && full.ends_with("></iframe>"));
    }

    #[test]
    fn the_full_timeline_link_keeps_everything_but_the_embedding() {
        let mut v = view();
        v.embed = true;
        let q = full_view_query(&v);
        assert!(!q.contains("embed"), "{q}");
        let back = ViewState::parse(&q);
        assert_eq!(back, ViewState { embed: false, ..v });
    }
}
