//! The participants panel: people grouped by party with their role at the time and its tenure.
//! Selecting a person highlights every event they chaired or attended (and dims the rest), with
//! a "show only these" toggle, and opens their view: roles over time with dates and sources, and
//! their sessions and events. People involved in the selected event are marked in the list.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Strings, strings};
use crate::model::date::DateSpec;
use crate::model::filter::events_of;
use crate::model::{Dataset, Lang, PartialDate, Person, Role};
use crate::state::{AppState, Selection, select_event};

/// "22 Apr 2023 – in office", "– June 2014", at each date's precision.
fn tenure(r: &Role, lang: Lang, s: &Strings) -> String {
    let f = |d: PartialDate| DateSpec::single(d).format(lang);
    match (r.from, r.to) {
        (Some(a), Some(b)) => format!("{} – {}", f(a), f(b)),
        (Some(a), None) => format!("{} – {}", f(a), s.in_office),
        (None, Some(b)) => format!("– {}", f(b)),
        (None, None) => String::new(),
    }
}

/// The role a person held on `day` (the selected event's date), else their latest one.
fn role_at(p: &Person, day: Option<chrono::NaiveDate>) -> Option<&Role> {
    let held = |r: &&Role| {
        day.is_some_and(|d| {
            r.from.is_none_or(|f| f.first_day() <= d) && r.to.is_none_or(|t| t.last_day() >= d)
        })
    };
    p.roles
        .iter()
        .find(held)
        .or_else(|| p.roles.iter().max_by_key(|r| r.from.map(|f| f.first_day())))
}

/// The participants panel.
#[component]
pub fn ParticipantsPanel(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let data = StoredValue::new(dataset);
    let s = move || strings(app.lang.get());
    // The selected event's people and date, to mark them and to pick the role at the time.
    let selected_event = move || match app.selected.get() {
        Some(Selection::Event(i)) => data.with_value(|d| {
            d.events.get(i).map(|e| {
                let people: Vec<String> = e.chairs.iter().chain(&e.participants).cloned().collect();
                (people, e.date.first_day())
            })
        }),
        _ => None,
    };

    let list = move || {
        let lang = app.lang.get();
        let strings = strings(lang);
        let (involved, day) = selected_event()
            .map(|(p, d)| (p, Some(d)))
            .unwrap_or_default();
        let chosen = app.person.get();
        data.with_value(|d| {
            d.parties
                .iter()
                .map(|party| {
                    let people = d
                        .people
                        .iter()
                        .filter(|p| p.party == party.id)
                        .map(|p| {
                            let id = p.id.clone();
                            let role = role_at(p, day);
                            let title = role.map(|r| r.title.get(lang).to_string()).unwrap_or_default();
                            let when = role.map(|r| tenure(r, lang, strings)).unwrap_or_default();
                            let is_involved = involved.contains(&p.id);
                            let is_chosen = chosen.as_deref() == Some(p.id.as_str());
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="person"
                                        class:person--involved=is_involved
                                        aria-pressed=is_chosen.to_string()
                                        data-testid=format!("person-{id}")
                                        on:click=move |_| {
                                            let again = app.person.with_untracked(|c| c.as_deref() == Some(id.as_str()));
                                            app.person.set((!again).then(|| id.clone()));
                                        }
                                    >
                                        <span class="person__name">{p.name.clone()}</span>
                                        {is_involved.then(|| view! {
                                            <span class="badge person__badge">{strings.in_selected}</span>
                                        })}
                                        <span class="person__role">{title}</span>
                                        <span class="person__tenure">{when}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="people__party">
                            <h3>{party.name.get(lang).to_string()}</h3>
                            <ul class="people__list">{people}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };

    let person_view = move || {
        let id = app.person.get()?;
        let lang = app.lang.get();
        let strings = strings(lang);
        data.with_value(|d| {
            let p = d.person(&id)?.clone();
            let party = d.party(&p.party).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
            let roles = p
                .roles
                .iter()
                .map(|r| {
                    let sources: Vec<String> = r
                        .sources
                        .iter()
                        .filter_map(|sid| d.source(sid).map(|x| x.publisher.clone()))
                        .collect();
                    view! {
                        <li class="role">
                            <strong>{r.title.get(lang).to_string()}</strong>
                            {r.organisation.as_ref().map(|o| format!(", {}", o.get(lang)))}
                            <div class="role__when">{tenure(r, lang, strings)}</div>
                            {(!sources.is_empty()).then(|| view! {
                                <div class="role__sources">{sources.join(" · ")}</div>
                            })}
                        </li>
                    }
                })
                .collect_view();
            let events = events_of(d, &id)
                .into_iter()
                .map(|i| {
                    let e = &d.events[i];
                    view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| select_event(app, i)>
                                {e.title.get(lang).to_string()}
                            </button>
                            <span class="muted">{format!(" · {}", e.date.format(lang))}</span>
                        </li>
                    }
                })
                .collect_view();
            let notes: Vec<String> = p.notes.iter().map(|n| n.text.get(lang).to_string()).collect();
            Some(view! {
                <article class="person-view" data-testid="person-view">
                    <button type="button" class="link" on:click=move |_| app.person.set(None)>
                        {format!("← {}", strings.clear_person)}
                    </button>
                    <h3 class="person-view__name">{p.name.clone()}</h3>
                    <p class="muted">{party}</p>
                    <label class="toggle">
                        <input
                            type="checkbox"
                            data-testid="only-these"
                            prop:checked=move || app.filters.with(|f| f.person.is_some())
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = app.person.get_untracked();
                                app.filters.update(|f| f.person = if on { id } else { None });
                            }
                        />
                        {strings.only_these}
                    </label>
                    <h4>{strings.roles}</h4>
                    <ul class="roles">{roles}</ul>
                    <h4>{strings.person_events}</h4>
                    <ul class="person-view__events">{events}</ul>
                    {(!notes.is_empty()).then(|| view! {
                        <h4>{strings.notes}</h4>
                        <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    })}
                </article>
            })
        })
    };

    // "Show only these" follows the chosen person, and ends with them: the timeline is never left
    // narrowed to someone the panel no longer shows.
    Effect::new(move |_| {
        let chosen = app.person.get();
        if app
            .filters
            .with_untracked(|f| f.person.is_some() && f.person != chosen)
        {
            app.filters.update(|f| f.person = chosen);
        }
    });

    view! {
        <section class="panel people" aria-labelledby="people-heading" data-testid="people">
            <h2 id="people-heading" class="panel__title">{move || s().tabs[3]}</h2>
            <p class="panel__hint">{move || s().people_hint}</p>
            {person_view}
            {list}
        </section>
    }
}
