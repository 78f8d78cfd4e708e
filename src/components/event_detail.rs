//! The detail panel: the full record of the selected event or gap — date at its precision, place,
//! people, domains, confidence, the record of the meeting, notes on conflicts and inferences, and
//! every source. Data text is rendered as text, marked with the language it is actually in; only
//! http(s) URLs become links.

use leptos::prelude::*;

use crate::i18n::{Strings, strings};
use crate::model::dataset::{Confidence, EventField, Gap};
use crate::model::export::cite;
use crate::model::filter::Filters;
use crate::model::labels::{event_name, eyebrow, gap_session_range, gap_when};
use crate::model::relations::{neighbour_sessions, related};
use crate::model::validate::is_http_url;
use crate::model::{COMMISSION_LANE, Dataset, Event, EventIdx, Lang, Note, Selection, Text};
use crate::state::{AppState, Panel, open_panel, select, select_event, use_dataset};

/// The panel beside the timeline.
#[component]
pub fn EventDetail() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    view! {
        <aside class="detail" aria-labelledby="detail-heading" data-testid="detail">
            {move || {
                let lang = app.lang.get();
                let s = strings(lang);
                match app.selected.get() {
                    None => empty(s).into_any(),
                    Some(Selection::Event(i)) => data.with(|d| event(d, i, lang, s)),
                    Some(Selection::Gap(i)) => data.with(|d| gap(d, i, lang, s)),
                }
            }}
        </aside>
    }
}

/// Text from the data, in the language it is actually in (a French fallback in an Arabic page
/// is marked `lang="fr"`, so a screen reader pronounces it right).
fn data_text(t: &Text, lang: Lang) -> impl IntoView + use<> {
    view! { <span lang=t.lang_attr(lang) dir="auto">{t.get(lang).to_string()}</span> }
}

fn empty(s: &'static Strings) -> impl IntoView {
    view! {
        <div class="detail__empty">
            <h2 id="detail-heading" class="detail__title">{s.detail_empty_title}</h2>
            <p>{s.detail_empty_hint}</p>
        </div>
    }
}

fn close_button(s: &'static Strings) -> impl IntoView {
    let app = AppState::expect();
    view! {
        <button
            type="button"
            class="detail__close button"
            aria-label=s.close
            title=s.close
            data-testid="detail-close"
            on:click=move |_| app.selected.set(None)
        >
            "×"
        </button>
    }
}

fn confidence_badge(c: Confidence, s: &'static Strings) -> impl IntoView {
    view! {
        <span class=format!("confidence confidence--{}", c.as_str()) data-testid="confidence">
            {s.confidence_label(c)}
        </span>
    }
}

fn text_list(
    title: &'static str,
    items: &[Text],
    lang: Lang,
    testid: &'static str,
) -> Option<AnyView> {
    (!items.is_empty()).then(|| {
        view! {
            <section class="detail__section" data-testid=testid>
                <h3>{title}</h3>
                <ul>
                    {items
                        .iter()
                        .map(|t| view! { <li>{data_text(t, lang)}</li> })
                        .collect_view()}
                </ul>
            </section>
        }
        .into_any()
    })
}

fn notes_view(notes: &[Note], lang: Lang, s: &'static Strings, d: &Dataset) -> Option<AnyView> {
    (!notes.is_empty()).then(|| {
        view! {
            <section class="detail__section" data-testid="notes">
                <h3>{s.notes}</h3>
                <ul class="notes">
                    {notes
                        .iter()
                        .map(|n| {
                            let cited: Vec<String> = n
                                .sources
                                .iter()
                                .filter_map(|id| d.source(id).map(|src| src.publisher.clone()))
                                .collect();
                            view! {
                                <li class=format!("note note--{}", n.kind.as_str()) data-testid="note">
                                    <strong class="note__kind">{s.note_kind(n.kind)}</strong>
                                    " "
                                    {data_text(&n.text, lang)}
                                    {(!cited.is_empty())
                                        .then(|| view! { <span class="note__sources">{format!(" ({})", cited.join(" · "))}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
        .into_any()
    })
}

fn sources_view(ids: &[String], lang: Lang, s: &'static Strings, d: &Dataset) -> impl IntoView {
    let items = ids
        .iter()
        .filter_map(|id| d.source(id))
        .map(|src| {
            let meta: Vec<String> = [src.language.clone(), src.published.map(|p| p.to_string())]
                .into_iter()
                .flatten()
                .collect();
            let name = if is_http_url(&src.url) {
                view! {
                    <a href=src.url.clone() target="_blank" rel="noopener noreferrer" class="source__link">
                        {src.publisher.clone()}
                        <span class="visually-hidden">{format!(" ({})", s.opens_new_tab)}</span>
                    </a>
                }
                .into_any()
            } else {
                src.publisher.clone().into_any()
            };
            view! {
                <li class="source" data-testid="source">
                    {name}
                    {(!meta.is_empty()).then(|| view! { <span class="source__meta">{format!(" · {}", meta.join(" · "))}</span> })}
                    <div class="source__description">{data_text(&src.description, lang)}</div>
                    {cite_view(d, &src.id, lang, s)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="detail__section" data-testid="sources">
            <h3>{s.sources}</h3>
            {if ids.is_empty() {
                // Only an imported file can leave an event without a source (validation).
                view! { <p class="detail__none" data-testid="no-source">{s.no_source}</p> }.into_any()
            } else {
                view! { <ol class="sources">{items}</ol> }.into_any()
            }}
        </section>
    }
}

/// A source's citation, folded under "Cite": CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX,
/// as text to copy (`model::export::cite`).
fn cite_view(d: &Dataset, id: &str, lang: Lang, s: &'static Strings) -> impl IntoView + use<> {
    let csl = cite::csl_json_for_source(d, id, lang).unwrap_or_default();
    let bib = cite::bibtex_for_source(d, id, lang).unwrap_or_default();
    view! {
        <details class="cite">
            <summary class="button source__cite" data-testid="cite" title=s.cite_title>
                {s.cite}
            </summary>
            <h4>"CSL-JSON"</h4>
            <pre dir="ltr" data-testid="cite-csl">{csl}</pre>
            <h4>"BibTeX"</h4>
            <pre dir="ltr" data-testid="cite-bibtex">{bib}</pre>
        </details>
    }
}

/// People as buttons: choosing one highlights their events and opens their view.
fn people_links(ids: &[String], d: &Dataset, lang: Lang) -> Option<AnyView> {
    let app = AppState::expect();
    let people: Vec<_> = ids.iter().filter_map(|id| d.person(id)).collect();
    (!people.is_empty()).then(|| {
        people
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let party = d
                    .party(&p.party)
                    .map(|x| x.name.get(lang).to_string())
                    .unwrap_or_default();
                let id = p.id.clone();
                view! {
                    {(i > 0).then_some(", ")}
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| {
                            app.person.set(Some(id.clone()));
                            open_panel(app, Panel::People);
                        }
                    >
                        {p.name.clone()}
                    </button>
                    {format!(" ({party})")}
                }
            })
            .collect_view()
            .into_any()
    })
}

/// A link that selects another event: its name (in its own language) and date.
fn event_link(
    d: &Dataset,
    idx: EventIdx,
    lang: Lang,
    prefix: Option<&'static str>,
) -> impl IntoView {
    let app = AppState::expect();
    let (name, date) = d
        .event(idx)
        .map(|e| (event_name(e, lang), e.date.format(lang)))
        .unwrap_or_default();
    view! {
        <button type="button" class="link" on:click=move |_| select_event(app, idx)>
            {prefix.map(|p| format!("{p}: "))}
            <span lang=name.1.code()>{name.0}</span>
            {format!(" — {date}")}
        </button>
    }
}

/// Domains as chips that filter the timeline to that domain.
fn domain_chips(e: &Event, d: &Dataset, lang: Lang) -> Vec<AnyView> {
    let app = AppState::expect();
    e.domains
        .iter()
        .filter_map(|id| d.domain(id))
        .map(|x| {
            let (id, toggle) = (x.id.clone(), x.id.clone());
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || app.filters.with(|f| f.domains.contains(&id)).to_string()
                    on:click=move |_| app.filters.update(|f| Filters::toggle(&mut f.domains, &toggle))
                >
                    {x.label.get(lang).to_string()}
                </button>
            }
            .into_any()
        })
        .collect()
}

/// The date, place, people, domains and confidence of an event.
fn facts(e: &Event, d: &Dataset, lang: Lang, s: &'static Strings) -> impl IntoView {
    let is_session = e.lane == COMMISSION_LANE;
    let place = e.place.as_ref().map(|p| data_text(&p.name, lang));
    let place_uncertain = e
        .field_confidence
        .iter()
        .any(|f| f.field == EventField::Place);
    let host = e
        .host
        .as_ref()
        .and_then(|h| d.party(h))
        .map(|p| p.name.get(lang).to_string());
    let chairs = people_links(&e.chairs, d, lang);
    let participants = people_links(&e.participants, d, lang);
    let domains = domain_chips(e, d, lang);
    view! {
        <dl class="facts">
            <dt>{s.date}</dt>
            <dd data-testid="detail-date">
                {e.date.format(lang)}
                <span class="facts__aside">{format!(" · {}", s.precision(e.date.precision()))}</span>
                {e.date.inferred.then(|| view! { <span class="badge badge--inferred">{s.inferred}</span> })}
                {e.date.within.then(|| view! { <span class="badge">{s.within}</span> })}
            </dd>
            <dt>{s.place}</dt>
            <dd data-testid="detail-place">
                {match place {
                    Some(p) => p.into_any(),
                    None => view! { <em class="unknown">{s.not_stated}</em> }.into_any(),
                }}
                {(place_uncertain && e.place.is_some()).then(|| view! { <span class="badge">{s.uncertain}</span> })}
            </dd>
            {host.map(|h| view! { <dt>{s.host}</dt> <dd>{h}</dd> })}
            {match (chairs, is_session) {
                (Some(c), _) => Some(view! { <dt>{s.chairs}</dt> <dd data-testid="detail-chairs">{c}</dd> }.into_any()),
                (None, true) => Some(view! { <dt>{s.chairs}</dt> <dd data-testid="detail-chairs"><em class="unknown">{s.not_stated}</em></dd> }.into_any()),
                (None, false) => None,
            }}
            {participants.map(|p| view! { <dt>{s.participants}</dt> <dd data-testid="detail-participants">{p}</dd> })}
            {(!domains.is_empty()).then(|| view! { <dt>{s.domains}</dt> <dd data-testid="detail-domains">{domains}</dd> })}
            <dt>{s.confidence}</dt>
            <dd>{confidence_badge(e.confidence, s)}</dd>
        </dl>
    }
}

/// The fields less certain than the event.
fn field_confidence(e: &Event, lang: Lang, s: &'static Strings) -> Option<AnyView> {
    (!e.field_confidence.is_empty()).then(|| {
        view! {
            <section class="detail__section" data-testid="field-confidence">
                <h3>{s.field_confidence}</h3>
                <ul>
                    {e.field_confidence.iter().map(|f| view! {
                        <li>
                            <strong>{s.field_name(f.field)}</strong>
                            " "
                            {confidence_badge(f.confidence, s)}
                            " "
                            {data_text(&f.note, lang)}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any()
    })
}

/// The gaps next to a session, explained where the reader meets them.
fn nearby_gaps(gaps: &[usize], d: &Dataset, lang: Lang, s: &'static Strings) -> Option<AnyView> {
    let app = AppState::expect();
    (!gaps.is_empty()).then(|| {
        view! {
            <section class="detail__section detail__gap" data-testid="gap-nearby">
                <h3>{s.gap_nearby}</h3>
                {gaps.iter().filter_map(|&g| d.gaps.get(g).map(|gap| (g, gap))).map(|(g, gap)| view! {
                    <p>
                        <button type="button" class="link" on:click=move |_| select(app, Selection::Gap(g))>
                            {data_text(&gap.title, lang)}
                        </button>
                        " — "
                        {data_text(&gap.summary, lang)}
                    </p>
                }).collect_view()}
            </section>
        }
        .into_any()
    })
}

/// Previous and next session, and related events.
fn record_nav(
    d: &Dataset,
    i: EventIdx,
    events: &[EventIdx],
    lang: Lang,
    s: &'static Strings,
) -> Option<AnyView> {
    let (previous, next) = neighbour_sessions(d, i);
    (previous.is_some() || next.is_some() || !events.is_empty()).then(|| {
        view! {
            <nav class="detail__section detail__nav" aria-label=s.related data-testid="detail-nav">
                <ul>
                    {previous.map(|p| view! { <li>{event_link(d, p, lang, Some(s.previous_session))}</li> })}
                    {next.map(|n| view! { <li>{event_link(d, n, lang, Some(s.next_session))}</li> })}
                </ul>
                {(!events.is_empty()).then(|| view! {
                    <h3>{s.related}</h3>
                    <ul>{events.iter().map(|&r| view! { <li>{event_link(d, r, lang, None)}</li> }).collect_view()}</ul>
                })}
            </nav>
        }
        .into_any()
    })
}

fn event(d: &Dataset, i: EventIdx, lang: Lang, s: &'static Strings) -> AnyView {
    let Some(e) = d.event(i) else {
        return empty(s).into_any();
    };
    let rel = related(d, i);
    view! {
        <article class="detail__record" data-event-id=e.id.clone()>
            <header class="detail__header">
                <p class="detail__eyebrow">{eyebrow(d, e, lang)}</p>
                <h2
                    id="detail-heading"
                    class="detail__title"
                    data-testid="detail-title"
                    lang=e.title.lang_attr(lang)
                >
                    {e.title.get(lang).to_string()}
                </h2>
                {close_button(s)}
            </header>
            {facts(e, d, lang, s)}
            <p class="detail__summary">{data_text(&e.summary, lang)}</p>
            {field_confidence(e, lang, s)}
            {text_list(s.agenda, &e.agenda, lang, "agenda")}
            {text_list(s.outcomes, &e.outcomes, lang, "outcomes")}
            {text_list(s.programme, &e.programme, lang, "programme")}
            {text_list(s.side_events, &e.side_events, lang, "side-events")}
            {text_list(s.decorations, &e.decorations, lang, "decorations")}
            {nearby_gaps(&rel.gaps, d, lang, s)}
            {notes_view(&e.notes, lang, s, d)}
            {sources_view(&e.sources, lang, s, d)}
            {record_nav(d, i, &rel.events, lang, s)}
        </article>
    }
    .into_any()
}

fn gap(d: &Dataset, i: usize, lang: Lang, s: &'static Strings) -> AnyView {
    let Some(g): Option<&Gap> = d.gaps.get(i) else {
        return empty(s).into_any();
    };
    view! {
        <article class="detail__record detail__record--gap" data-gap-id=g.id.clone()>
            <header class="detail__header">
                <p class="detail__eyebrow">{s.gap_kind(g.kind)}</p>
                <h2 id="detail-heading" class="detail__title" data-testid="detail-title" lang=g.title.lang_attr(lang)>
                    {g.title.get(lang).to_string()}
                </h2>
                {close_button(s)}
            </header>
            <dl class="facts">
                <dt>{s.date}</dt>
                <dd data-testid="detail-date">{gap_when(g, lang)}</dd>
                {gap_session_range(g, lang).map(|r| view! { <dt>{s.sessions}</dt> <dd>{r}</dd> })}
            </dl>
            <p class="detail__summary">{data_text(&g.summary, lang)}</p>
            {notes_view(&g.notes, lang, s, d)}
            {sources_view(&g.sources, lang, s, d)}
        </article>
    }
    .into_any()
}
