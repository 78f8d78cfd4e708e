//! The detail panel: the full record of the selected event or gap — date at its precision, place,
//! people, domains, confidence, the record of the meeting, notes on conflicts and inferences, and
//! every source. Data text is rendered as text; only http(s) URLs become links.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Strings, strings};
use crate::model::dataset::{Confidence, EventField, GapKind, NoteKind};
use crate::model::date::Precision;
use crate::model::filter::{Filters, gaps_next_to, neighbour_sessions};
use crate::model::locale::session_label;
use crate::model::validate::is_http_url;
use crate::model::{COMMISSION_LANE, Dataset, Lang, Note, Text};
use crate::state::{AppState, Panel, Selection, select_event};

/// The panel beside the timeline.
#[component]
pub fn EventDetail(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let data = StoredValue::new(dataset);
    view! {
        <aside class="detail" aria-labelledby="detail-heading" data-testid="detail">
            {move || {
                let lang = app.lang.get();
                let s = strings(lang);
                match app.selected.get() {
                    None => empty(s).into_any(),
                    Some(Selection::Event(i)) => data.with_value(|d| event(d, i, lang, s)).into_any(),
                    Some(Selection::Gap(i)) => data.with_value(|d| gap(d, i, lang, s)).into_any(),
                }
            }}
        </aside>
    }
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
    let i = match c {
        Confidence::Confirmed => 0,
        Confidence::Inferred => 1,
        Confidence::Uncertain => 2,
    };
    view! {
        <span class=format!("confidence confidence--{}", c.as_str()) data-testid="confidence">
            {s.confidence_values[i]}
        </span>
    }
}

fn precision_phrase(p: Precision, s: &'static Strings) -> &'static str {
    match p {
        Precision::Day => s.precision[0],
        Precision::Month => s.precision[1],
        Precision::Year => s.precision[2],
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
                        .map(|t| view! { <li lang=t.resolve(lang).1.code() dir="auto">{t.get(lang).to_string()}</li> })
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
                            let (kind, label) = match n.kind {
                                NoteKind::Conflict => ("conflict", s.note_kinds[0]),
                                NoteKind::Inference => ("inference", s.note_kinds[1]),
                                NoteKind::Caveat => ("caveat", s.note_kinds[2]),
                            };
                            let cited: Vec<String> = n
                                .sources
                                .iter()
                                .filter_map(|id| d.source(id).map(|src| src.publisher.clone()))
                                .collect();
                            view! {
                                <li class=format!("note note--{kind}")>
                                    <strong class="note__kind">{label}</strong>
                                    " "
                                    {n.text.get(lang).to_string()}
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
    view! {
        <section class="detail__section" data-testid="sources">
            <h3>{s.sources}</h3>
            <ol class="sources">
                {ids
                    .iter()
                    .filter_map(|id| d.source(id))
                    .map(|src| {
                        let meta: Vec<String> = [src.language.clone(), src.published.map(|p| p.to_string())]
                            .into_iter()
                            .flatten()
                            .collect();
                        let link = is_http_url(&src.url).then(|| {
                            view! {
                                <a
                                    href=src.url.clone()
                                    target="_blank"
                                    rel="noopener noreferrer"
                                    class="source__link"
                                >
                                    {src.publisher.clone()}
                                    <span class="visually-hidden">{format!(" ({})", s.opens_new_tab)}</span>
                                </a>
                            }
                        });
                        let plain = (!is_http_url(&src.url)).then(|| src.publisher.clone());
                        view! {
                            <li class="source" data-testid="source">
                                {link}
                                {plain}
                                {(!meta.is_empty()).then(|| view! { <span class="source__meta">{format!(" · {}", meta.join(" · "))}</span> })}
                                <div class="source__description">{src.description.get(lang).to_string()}</div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
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
                            app.panel.set(Panel::People);
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

/// A link that selects another event.
fn event_link(d: &Dataset, idx: usize, lang: Lang, prefix: Option<&'static str>) -> impl IntoView {
    let app = AppState::expect();
    let e = &d.events[idx];
    let label = if e.lane == COMMISSION_LANE {
        format!(
            "{} — {}",
            session_label(lang, e.session_number),
            e.date.format(lang)
        )
    } else {
        format!("{} — {}", e.title.get(lang), e.date.format(lang))
    };
    view! {
        <button type="button" class="link" on:click=move |_| select_event(app, idx)>
            {prefix.map(|p| format!("{p}: "))}
            {label}
        </button>
    }
}

fn field_name(f: EventField, s: &'static Strings) -> &'static str {
    match f {
        EventField::Date => s.date,
        EventField::Place => s.place,
        EventField::Host => s.host,
        EventField::Chairs => s.chairs,
        EventField::Participants => s.participants,
        EventField::Figures => "#",
        EventField::SessionNumber => s.session,
    }
}

fn event(d: &Dataset, i: usize, lang: Lang, s: &'static Strings) -> AnyView {
    let Some(e) = d.events.get(i) else {
        return empty(s).into_any();
    };
    let is_session = e.lane == COMMISSION_LANE;
    let lane = d.lane_label(&e.lane, lang);
    let eyebrow = if is_session {
        format!("{} · {}", lane, session_label(lang, e.session_number))
    } else {
        lane
    };
    let place = e.place.as_ref().map(|p| p.name.get(lang).to_string());
    let host = e
        .host
        .as_ref()
        .and_then(|h| d.party(h))
        .map(|p| p.name.get(lang).to_string());
    let app = AppState::expect();
    // Domains as chips that filter the timeline to that domain.
    let domains: Vec<AnyView> = e
        .domains
        .iter()
        .filter_map(|id| d.domains.iter().find(|x| &x.id == id))
        .map(|x| {
            let id = x.id.clone();
            let toggle = x.id.clone();
            let label = x.label.get(lang).to_string();
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || app.filters.with(|f| f.domains.contains(&id)).to_string()
                    on:click=move |_| app.filters.update(|f| Filters::toggle(&mut f.domains, &toggle))
                >
                    {label}
                </button>
            }
            .into_any()
        })
        .collect();
    let (previous, next) = neighbour_sessions(d, i);
    let related: Vec<usize> = e
        .related
        .iter()
        .filter_map(|id| d.events.iter().position(|x| &x.id == id))
        .collect();
    let mut related_gaps: Vec<usize> = e
        .related
        .iter()
        .filter_map(|id| d.gaps.iter().position(|g| &g.id == id))
        .chain(gaps_next_to(d, i))
        .collect();
    related_gaps.sort_unstable();
    related_gaps.dedup();

    let chairs = people_links(&e.chairs, d, lang);
    let participants = people_links(&e.participants, d, lang);
    let date = e.date.format(lang);
    let precision = precision_phrase(e.date.precision(), s);
    let place_uncertain = e
        .field_confidence
        .iter()
        .any(|f| f.field == EventField::Place);

    view! {
        <article class="detail__record" data-event-id=e.id.clone()>
            <header class="detail__header">
                <p class="detail__eyebrow">{eyebrow}</p>
                <h2
                    id="detail-heading"
                    class="detail__title"
                    data-testid="detail-title"
                    lang=e.title.resolve(lang).1.code()
                >
                    {e.title.get(lang).to_string()}
                </h2>
                {close_button(s)}
            </header>
            <dl class="facts">
                <dt>{s.date}</dt>
                <dd data-testid="detail-date">
                    {date}
                    <span class="facts__aside">{format!(" · {precision}")}</span>
                    {e.date.inferred.then(|| view! { <span class="badge badge--inferred">{s.confidence_values[1]}</span> })}
                    {e.date.within.then(|| view! { <span class="badge">{s.within}</span> })}
                </dd>
                <dt>{s.place}</dt>
                <dd data-testid="detail-place">
                    {match place {
                        Some(p) => p.into_any(),
                        None => view! { <em class="unknown">{s.not_stated}</em> }.into_any(),
                    }}
                    {(place_uncertain && e.place.is_some()).then(|| view! { <span class="badge">{s.confidence_values[2]}</span> })}
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
            <p class="detail__summary" lang=e.summary.resolve(lang).1.code() dir="auto">
                {e.summary.get(lang).to_string()}
            </p>
            {(!e.field_confidence.is_empty()).then(|| view! {
                <section class="detail__section" data-testid="field-confidence">
                    <h3>{s.field_confidence}</h3>
                    <ul>
                        {e.field_confidence.iter().map(|f| view! {
                            <li>
                                <strong>{field_name(f.field, s)}</strong>
                                " "
                                {confidence_badge(f.confidence, s)}
                                " "
                                {f.note.get(lang).to_string()}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {text_list(s.agenda, &e.agenda, lang, "agenda")}
            {text_list(s.outcomes, &e.outcomes, lang, "outcomes")}
            {text_list(s.programme, &e.programme, lang, "programme")}
            {text_list(s.side_events, &e.side_events, lang, "side-events")}
            {text_list(s.decorations, &e.decorations, lang, "decorations")}
            {(!related_gaps.is_empty()).then(|| view! {
                <section class="detail__section detail__gap" data-testid="gap-nearby">
                    <h3>{s.gap_nearby}</h3>
                    {related_gaps.iter().map(|&g| {
                        let gap = &d.gaps[g];
                        view! {
                            <p>
                                <button type="button" class="link" on:click=move |_| app.selected.set(Some(Selection::Gap(g)))>
                                    {gap.title.get(lang).to_string()}
                                </button>
                                " — "
                                {gap.summary.get(lang).to_string()}
                            </p>
                        }
                    }).collect_view()}
                </section>
            })}
            {notes_view(&e.notes, lang, s, d)}
            {sources_view(&e.sources, lang, s, d)}
            {(previous.is_some() || next.is_some() || !related.is_empty()).then(|| view! {
                <nav class="detail__section detail__nav" aria-label=s.related data-testid="detail-nav">
                    <ul>
                        {previous.map(|p| view! { <li>{event_link(d, p, lang, Some(s.previous_session))}</li> })}
                        {next.map(|n| view! { <li>{event_link(d, n, lang, Some(s.next_session))}</li> })}
                    </ul>
                    {(!related.is_empty()).then(|| view! {
                        <h3>{s.related}</h3>
                        <ul>{related.iter().map(|&r| view! { <li>{event_link(d, r, lang, None)}</li> }).collect_view()}</ul>
                    })}
                </nav>
            })}
        </article>
    }
    .into_any()
}

fn gap(d: &Dataset, i: usize, lang: Lang, s: &'static Strings) -> AnyView {
    let Some(g) = d.gaps.get(i) else {
        return empty(s).into_any();
    };
    let kind = match g.kind {
        GapKind::Undocumented => s.gap_kinds[0],
        GapKind::NotFound => s.gap_kinds[1],
    };
    let range = match (g.first_session, g.last_session) {
        (Some(a), Some(b)) if a != b => Some(format!(
            "{} – {}",
            session_label(lang, Some(a)),
            session_label(lang, Some(b))
        )),
        (Some(a), _) => Some(session_label(lang, Some(a))),
        _ => None,
    };
    view! {
        <article class="detail__record detail__record--gap" data-gap-id=g.id.clone()>
            <header class="detail__header">
                <p class="detail__eyebrow">{kind}</p>
                <h2 id="detail-heading" class="detail__title" data-testid="detail-title">
                    {g.title.get(lang).to_string()}
                </h2>
                {close_button(s)}
            </header>
            <dl class="facts">
                <dt>{s.date}</dt>
                <dd>{g.date.format(lang)}</dd>
                {range.map(|r| view! { <dt>{s.sessions}</dt> <dd>{r}</dd> })}
            </dl>
            <p class="detail__summary" lang=g.summary.resolve(lang).1.code() dir="auto">
                {g.summary.get(lang).to_string()}
            </p>
            {notes_view(&g.notes, lang, s, d)}
            {sources_view(&g.sources, lang, s, d)}
        </article>
    }
    .into_any()
}
