//! The contract between the window and the shell, as data: which commands exist, what each
//! takes and returns. The TypeScript the UI compiles against (`ui/src/api/bindings.ts`) is
//! generated from this and from the Rust types themselves, and a test fails when the
//! committed file drifts from what this produces.

use ts_rs::{Config, TS};

use crate::{
    Delegation, DelegationStatus, Direction, Error, ErrorKind, NewDelegation, Rule, Violation,
};

/// One IPC command: its name, its named arguments and what it returns, in TypeScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

fn ts<T: TS>() -> String {
    T::name(&Config::new())
}

/// Every command the shell registers, in the order the shell lists them.
pub fn commands() -> Vec<Command> {
    vec![
        Command {
            name: "list_delegations",
            args: vec![],
            returns: ts::<Vec<Delegation>>(),
        },
        Command {
            name: "create_delegation",
            args: vec![("input", ts::<NewDelegation>())],
            returns: ts::<Delegation>(),
        },
    ]
}

/// The names of [`commands`], for the shell's permission manifest.
pub fn command_names() -> Vec<&'static str> {
    commands().into_iter().map(|c| c.name).collect()
}

fn declare<T: TS>(out: &mut String) {
    let cfg = Config::new();
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
        if !docs.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str("export ");
    out.push_str(&T::decl(&cfg));
    out.push_str("\n\n");
}

/// The whole `bindings.ts` file.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by `desk_domain::ipc::typescript()`. Do not edit:\n\
         // run `DESK_UPDATE_BINDINGS=1 cargo test -p desk-tests --test it bindings` instead.\n\n",
    );
    declare::<Direction>(&mut out);
    declare::<DelegationStatus>(&mut out);
    declare::<Delegation>(&mut out);
    declare::<NewDelegation>(&mut out);
    declare::<ErrorKind>(&mut out);
    declare::<Rule>(&mut out);
    declare::<Violation>(&mut out);
    declare::<Error>(&mut out);

    out.push_str("/** Every assigned ISO 3166-1 alpha-2 country code. */\n");
    out.push_str("export const COUNTRY_CODES = [");
    out.push_str(
        &crate::country::CODES
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("] as const;\n\n");

    out.push_str("/** Every IPC command: its arguments and what it resolves to. */\n");
    out.push_str("export interface Commands {\n");
    for command in commands() {
        let args = command
            .args
            .iter()
            .map(|(name, ty)| format!("{name}: {ty}"))
            .collect::<Vec<_>>()
            .join("; ");
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {args} }}")
        };
        out.push_str(&format!(
            "  {}: {{ args: {args}; returns: {} }};\n",
            command.name, command.returns
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_unique() {
        let mut names = command_names();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "two commands share a name");
    }

    #[test]
    fn bindings_declare_the_error_shape_the_ui_relies_on() {
        let ts = typescript();
        assert!(
            ts.contains("export type DeskError = { kind: ErrorKind, message: string"),
            "{ts}"
        );
        assert!(
            ts.contains("create_delegation: { args: { input: NewDelegation }"),
            "{ts}"
        );
    }
}
