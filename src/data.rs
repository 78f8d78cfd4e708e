//! Fetching the dataset over HTTP (gloo-net) and turning every way that can fail into a
//! [`LoadError`] the error screen can explain.

use crate::model::{self, Dataset, Problem};

/// Where the bundled dataset lives, relative to the document base (so sub-path hosting works).
pub const DEFAULT_DATA_URL: &str = "data/cooperation.json";

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, bad URL).
    #[error("could not fetch {url}: {reason}")]
    Network {
        /// What was requested.
        url: String,
        /// The browser's reason.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status} {status_text}")]
    Http {
        /// What was requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// Its reason phrase.
        status_text: String,
    },
    /// The file arrived but is not a valid dataset.
    #[error("{url} is not a valid dataset ({} problem(s))", problems.len())]
    Invalid {
        /// What was requested.
        url: String,
        /// Every problem, with its JSON path.
        problems: Vec<Problem>,
    },
}

/// Fetches, parses and validates the dataset at `url`.
pub async fn fetch_dataset(url: &str) -> Result<Dataset, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        reason: e.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let bytes = response.binary().await.map_err(network)?;
    model::load(&bytes).map_err(|model::Invalid(problems)| LoadError::Invalid {
        url: url.to_string(),
        problems,
    })
}
