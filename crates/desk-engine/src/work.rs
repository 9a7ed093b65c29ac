//! Long work the window watches: each piece has an id the page chose, a flag its Cancel
//! sets, and a channel its progress goes down. The flag is only looked at where stopping
//! leaves nothing changed (an import's transaction).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use desk_domain::progress::{Progress, Reporter};

use crate::commands::ProgressChannel;
use crate::window::Window;

/// The cancel flags of the work under way, by the ids the page gave.
#[derive(Default)]
pub struct Work {
    flags: Mutex<HashMap<String, Arc<AtomicBool>>>,
}

impl Work {
    /// Starts watching the work `id`; the flag goes when the returned watch is dropped.
    pub fn start<'a>(
        &'a self,
        id: &str,
        channel: &'a ProgressChannel,
        window: &'a dyn Window,
    ) -> Watch<'a> {
        let flag = Arc::new(AtomicBool::new(false));
        self.flags
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.to_owned(), Arc::clone(&flag));
        Watch {
            work: self,
            id: id.to_owned(),
            flag,
            channel,
            window,
        }
    }

    /// Asks the work `id` to stop; false when no such work is under way (it has ended).
    pub fn cancel(&self, id: &str) -> bool {
        self.flags
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .map(|flag| flag.store(true, Ordering::Relaxed))
            .is_some()
    }
}

/// One piece of work being watched: its progress goes to the window, its flag says stop.
pub struct Watch<'a> {
    work: &'a Work,
    id: String,
    flag: Arc<AtomicBool>,
    channel: &'a ProgressChannel,
    window: &'a dyn Window,
}

impl Reporter for Watch<'_> {
    fn step(&self, done: u64, total: u64) {
        // A window that went away no longer listens; the work goes on.
        self.window
            .progress(&self.channel.0, Progress { done, total });
    }

    fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

impl Drop for Watch<'_> {
    fn drop(&mut self) {
        self.work
            .flags
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.id);
    }
}
