//! The workspace's one integration-test binary: features as a user or a script meets them,
//! across crates. Unit tests of single rules live next to the code they test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod agenda;
mod bilingual;
mod bindings;
mod cli;
mod decree30;
mod demo;
mod destinations;
mod engine;
mod history;
mod hostile;
mod hosting;
mod itinerary;
mod money;
mod progress;
mod record;
mod report;
mod safety;
mod scale;
mod search;
mod shell;
mod signing;
mod stats;
mod store;
mod sync;
