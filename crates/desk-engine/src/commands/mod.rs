//! The commands of the page. Each is thin: take the input, call one store (or `desk-ops`)
//! operation, return the record or the `{ kind, message, violations }` error. Rules live in
//! `desk-domain`; the list of commands is `desk_domain::ipc::commands()`, from which the
//! UI's types and the window's permissions are generated. One module per area.
//!
//! Each module declares its commands inside [`commands!`], which writes each one as a plain
//! function of the [`Desk`] and adds it to the module's `call`: the arguments are read from
//! the page's JSON object by their names (in camelCase, as the page writes them), so a
//! command's signature is written once and its arguments cannot be read in the wrong order.

mod delegations;
mod documents;
mod files;
mod hosting;
mod money;
mod people;
mod records;
mod safety;
mod sign;
mod stats;
mod sync;
mod travel;

use serde::de::DeserializeOwned;

use crate::state::Desk;
use desk_domain::{Error, ErrorKind};

pub use sync::sync_on_exit;

/// Declares commands: `pub fn name(desk, arg: Type, ...) -> Value { body }`, where the body
/// returns `Result<Value>`. Writes each as `pub fn name(desk: &Desk, arg: Type, ...)` and
/// the module's `call`, which finds a command by its name and runs it with the arguments
/// read from the page's object.
macro_rules! commands {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident($desk:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[$meta])*
            pub fn $name($desk: &Desk $(, $arg: $ty)*) -> Result<$ret> $body
        )*

        /// The names of this module's commands.
        #[cfg(test)]
        pub(super) const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Runs this module's command `name`; `None` when the module has none of that name.
        pub(super) fn call(
            desk: &Desk,
            name: &str,
            args: &mut super::Args,
        ) -> Option<Result<serde_json::Value>> {
            match name {
                $(stringify!($name) => Some((|| {
                    let value = $name(desk $(, args.take(stringify!($arg))?)*)?;
                    super::to_value(value)
                })()),)*
                _ => None,
            }
        }
    };
}
pub(crate) use commands;

/// The arguments of one call, as the page sent them: a JSON object keyed by each
/// argument's name in camelCase (`delegationId` for `delegation_id`).
pub struct Args {
    command: String,
    values: serde_json::Map<String, serde_json::Value>,
}

impl Args {
    /// The arguments of the call `command`; anything but an object is no arguments.
    pub fn new(command: &str, args: serde_json::Value) -> Self {
        let values = match args {
            serde_json::Value::Object(values) => values,
            _ => serde_json::Map::new(),
        };
        Self {
            command: command.to_owned(),
            values,
        }
    }

    /// The argument `snake` (its name in Rust), read into its type. An argument the page
    /// left out reads as `null`: `None` for an optional one, an error for any other.
    pub fn take<T: DeserializeOwned>(&mut self, snake: &str) -> Result<T> {
        let key = camel_case(snake);
        let value = self.values.remove(&key).unwrap_or(serde_json::Value::Null);
        serde_json::from_value(value).map_err(|e| {
            Error::new(
                ErrorKind::Internal,
                format!(
                    "invalid argument `{key}` for command `{}`: {e}",
                    self.command
                ),
            )
        })
    }
}

/// `delegation_id` → `delegationId`, as the page names arguments.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn to_value<T: serde::Serialize>(value: T) -> Result<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|e| Error::new(ErrorKind::Internal, format!("the answer is not JSON: {e}")))
}

/// Runs the command `name` of the page; `None` when there is no such command.
pub fn call(desk: &Desk, name: &str, args: serde_json::Value) -> Option<Result<serde_json::Value>> {
    let mut args = Args::new(name, args);
    let args = &mut args;
    delegations::call(desk, name, args)
        .or_else(|| documents::call(desk, name, args))
        .or_else(|| files::call(desk, name, args))
        .or_else(|| hosting::call(desk, name, args))
        .or_else(|| money::call(desk, name, args))
        .or_else(|| people::call(desk, name, args))
        .or_else(|| records::call(desk, name, args))
        .or_else(|| records::children(desk, name, args))
        .or_else(|| safety::call(desk, name, args))
        .or_else(|| sign::call(desk, name, args))
        .or_else(|| stats::call(desk, name, args))
        .or_else(|| sync::call(desk, name, args))
        .or_else(|| travel::call(desk, name, args))
}

/// The page's progress channel of a long piece of work: the name the page gave it, which
/// the window maps back to the page's channel.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(transparent)]
pub struct ProgressChannel(pub String);

/// What every command module needs: the records, the state, the error.
mod prelude {
    pub use desk_domain::hosting::{
        CheckIn, ChecklistApplied, ChecklistTemplate, GuestFilePreview, GuestImported,
        GuestMapping, GuestRecord, HostingList, HostingPaper, ProgrammeDay, RoomingList,
        TransferBoard, Written,
    };
    pub use desk_domain::*;

    pub use super::ProgressChannel;
    pub(crate) use super::commands;
    pub use crate::state::Desk;

    pub type Result<T> = std::result::Result<T, Error>;
}

type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine answers exactly the commands of the IPC contract, so that the page never
    /// calls a name the engine does not know, and the engine answers nothing the contract
    /// (and the UI's types) do not declare.
    #[test]
    fn the_commands_are_exactly_the_contract() {
        let mut answered: Vec<&str> = [
            delegations::NAMES,
            documents::NAMES,
            files::NAMES,
            hosting::NAMES,
            money::NAMES,
            people::NAMES,
            records::NAMES,
            records::CHILDREN,
            safety::NAMES,
            sign::NAMES,
            stats::NAMES,
            sync::NAMES,
            travel::NAMES,
        ]
        .concat();
        let mut contract = desk_domain::ipc::command_names();
        answered.sort_unstable();
        contract.sort_unstable();
        assert_eq!(answered, contract);
    }

    #[test]
    fn arguments_are_named_as_the_page_names_them() {
        assert_eq!(camel_case("delegation_id"), "delegationId");
        assert_eq!(camel_case("ui_language"), "uiLanguage");
        assert_eq!(camel_case("id"), "id");
        let mut args = Args::new(
            "update_task",
            serde_json::json!({ "delegationId": "d1", "limit": "many" }),
        );
        assert_eq!(args.take::<String>("delegation_id").ok(), Some("d1".into()));
        assert_eq!(args.take::<Option<String>>("sheet").ok(), Some(None));
        let wrong = args.take::<u32>("limit").err().map(|e| e.message);
        assert!(
            wrong.is_some_and(|m| m.contains("`limit`") && m.contains("`update_task`")),
            "a wrong argument is named with its command"
        );
        assert!(
            args.take::<String>("title").is_err(),
            "a required one left out"
        );
    }
}
