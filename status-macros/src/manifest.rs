//! What the manifest of the crate being compiled says: under which names it depends on
//! status-core, and on which web frameworks at versions status-core does not implement.
//!
//! - `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]` and their
//!   `[target.'...'.*]` variants (and the old `dev_dependencies` / `build_dependencies`
//!   spellings) are searched for a key whose value says `package = "status-core"`, or for the
//!   key `status-core` itself with no `package`;
//! - `key = { workspace = true }` takes `package` from `[workspace.dependencies]` of the
//!   workspace root: the directory named by `package.workspace`, else the first directory from
//!   the manifest's own upwards whose `Cargo.toml` has a `[workspace]` table;
//! - a cargo script keeps its manifest in the `---` front matter of its `.rs` file.
//!
//! Each manifest is parsed at most once per compiler process, and again only when its text (or
//! that of the workspace manifest it inherited from) changes ([`env::FileCache`]).

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::env::{self, FileCache};
use crate::frameworks::{self, Framework, FrameworkRequirement};

/// The package name of the runtime crate.
pub const RUNTIME_PACKAGE: &str = "status-core";

/// The largest manifest read: far above any real one, small enough that a file that is no
/// manifest cannot stall the build.
const MAX_MANIFEST_BYTES: u64 = 4 << 20;

/// What a manifest says about status-core. Whatever cannot be read or parsed says nothing
/// (cargo has rejected such a manifest already).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// The manifest is status-core's own.
    pub is_runtime: bool,
    pub runtime_names: RuntimeNames,
    /// Direct dependencies on a framework at another version than status-core's, where this
    /// crate turns on status-core's feature for it.
    pub other_frameworks: Vec<FrameworkRequirement>,
    /// The frameworks this crate depends on itself (`[dependencies]`, any version, not
    /// optional): a `response` type gets their responses, not those of frameworks other
    /// crates use.
    pub frameworks: Vec<Framework>,
}

/// The crate name under which each kind of dependency declares status-core, if it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuntimeNames {
    pub normal: Option<String>,
    pub dev: Option<String>,
    pub build: Option<String>,
}

/// What the manifest at `path` says, parsed again only if a file it read has changed.
pub fn read(path: &Path) -> Manifest {
    static CACHE: FileCache<Manifest> = FileCache::new();
    let Some(text) = read_manifest(path) else {
        return Manifest::default();
    };
    let read_other = |path: &Path| read_manifest(path);
    CACHE.with(
        path,
        text,
        read_other,
        |text, sources| parse(path, text, sources),
        |manifest| manifest.clone(),
    )
}

/// The text of the file at `path`, if it can be read.
fn read_text(path: &Path) -> Option<String> {
    env::read_file(path, MAX_MANIFEST_BYTES, "a manifest")
        .ok()
        .flatten()
}

/// The TOML of the manifest at `path`: the file, or the front matter of a cargo script.
fn read_manifest(path: &Path) -> Option<String> {
    let text = read_text(path)?;
    if path.extension().is_some_and(|ext| ext == "toml") {
        Some(text)
    } else {
        Some(front_matter(&text).unwrap_or_default().to_owned())
    }
}

/// The body of a cargo script's front matter: after an optional `#!` line and blank lines, the
/// lines between an opening fence of three or more `-` (with an optional info string) and a
/// closing fence of the same dashes.
fn front_matter(text: &str) -> Option<&str> {
    let mut rest = text;
    if rest.starts_with("#!") && !rest.starts_with("#![") {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
    let dashes = rest.len() - rest.trim_start_matches('-').len();
    if dashes < 3 {
        return None;
    }
    let fence = &rest[..dashes];
    let (_, body) = rest.split_once('\n')?;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some(&body[..offset]);
        }
        offset += line.len();
    }
    None
}

/// What the manifest at `manifest`, whose text is `text`, says about status-core. A workspace
/// manifest read for inherited dependencies is pushed to `sources`.
fn parse(manifest: &Path, text: &str, sources: &mut Vec<(PathBuf, String)>) -> Manifest {
    let Ok(document) = DeTable::parse(text) else {
        return Manifest::default();
    };
    let root = document.get_ref();
    let package = table(root, "package");
    let mut found = Manifest {
        is_runtime: package
            .and_then(|package| string(package, "name"))
            .is_some_and(|name| name == RUNTIME_PACKAGE),
        ..Manifest::default()
    };
    if found.is_runtime {
        return found;
    }
    // The keys of `[workspace.dependencies]` that are status-core, read on the first
    // inherited dependency.
    let mut workspace: Option<Vec<String>> = None;
    let mut workspace_declares = |key: &str, sources: &mut Vec<(PathBuf, String)>| {
        workspace
            .get_or_insert_with(|| workspace_runtime_keys(manifest, root, text, sources))
            .iter()
            .any(|declared| declared == key)
    };
    let kinds = [
        (&mut found.runtime_names.normal, &["dependencies"][..]),
        (
            &mut found.runtime_names.dev,
            &["dev-dependencies", "dev_dependencies"][..],
        ),
        (
            &mut found.runtime_names.build,
            &["build-dependencies", "build_dependencies"][..],
        ),
    ];
    let targets: Vec<&DeTable> = table(root, "target")
        .map(|targets| {
            targets
                .iter()
                .filter_map(|(_, target)| target.get_ref().as_table())
                .collect()
        })
        .unwrap_or_default();
    for (slot, sections) in kinds {
        let tables = std::iter::once(root).chain(targets.iter().copied());
        'search: for dependencies in
            tables.flat_map(|t| sections.iter().filter_map(|s| table(t, s)))
        {
            for (key, value) in dependencies.iter() {
                let key = key.get_ref().as_ref();
                let value = value.get_ref();
                let inherited = value
                    .as_table()
                    .and_then(|t| t.get("workspace"))
                    .and_then(|w| w.get_ref().as_bool())
                    == Some(true);
                let declares = if inherited {
                    workspace_declares(key, sources)
                } else {
                    declares_runtime(key, value)
                };
                if declares {
                    *slot = Some(key.replace('-', "_"));
                    break 'search;
                }
            }
        }
    }
    // A framework at another version matters only where this crate turns on status-core's
    // feature for it: a feature turned on by another crate of the build gives this one an
    // impl it does not use, which breaks nothing.
    let mut other_frameworks = Vec::new();
    let mut features: Vec<&str> = Vec::new();
    for dependencies in std::iter::once(root)
        .chain(targets.iter().copied())
        .filter_map(|t| table(t, "dependencies"))
    {
        for (key, value) in dependencies.iter() {
            let (key, value) = (key.get_ref().as_ref(), value.get_ref());
            if declares_runtime(key, value) {
                features.extend(feature_names(value));
            }
            other_frameworks.extend(other_framework(key, value));
            // An optional dependency may be off in this build, which a macro cannot tell.
            let optional = value.as_table().and_then(|t| t.get("optional"));
            let optional = optional.and_then(|o| o.get_ref().as_bool()) == Some(true);
            if let Some(framework) = Framework::of_package(package_of(key, value))
                && !optional
                && !found.frameworks.contains(&framework)
            {
                found.frameworks.push(framework);
            }
        }
    }
    other_frameworks.retain(|other| features.contains(&other.framework.package()));
    found.other_frameworks = other_frameworks;
    found
}

/// The features a dependency entry turns on.
fn feature_names<'a>(value: &'a DeValue) -> impl Iterator<Item = &'a str> {
    let features = value.as_table().and_then(|t| t.get("features"));
    let features = features.and_then(|features| features.get_ref().as_array());
    features
        .into_iter()
        .flatten()
        .filter_map(|feature| feature.get_ref().as_str())
}

/// The dependency `key = value`, if it is a framework at a version status-core does not
/// implement (see [`frameworks::other_version`]).
fn other_framework(key: &str, value: &DeValue) -> Option<FrameworkRequirement> {
    let framework = Framework::of_package(package_of(key, value))?;
    let requirement = match value.as_table() {
        Some(table) => string(table, "version")?,
        None => value.as_str()?,
    };
    frameworks::other_version(framework, requirement)
}

/// The keys of the workspace's `[workspace.dependencies]` that are status-core, for the
/// package whose manifest is at `manifest` (with document `root` and text `text`). The
/// workspace manifest, if another file, is pushed to `sources`.
fn workspace_runtime_keys(
    manifest: &Path,
    root: &DeTable,
    text: &str,
    sources: &mut Vec<(PathBuf, String)>,
) -> Vec<String> {
    let Some((path, workspace_text)) = workspace_manifest(manifest, root, text) else {
        return Vec::new();
    };
    let keys = match DeTable::parse(&workspace_text) {
        Ok(document) => table(document.get_ref(), "workspace")
            .and_then(|workspace| table(workspace, "dependencies"))
            .map(|dependencies| {
                dependencies
                    .iter()
                    .filter(|(key, value)| declares_runtime(key.get_ref(), value.get_ref()))
                    .map(|(key, _)| key.get_ref().to_string())
                    .collect()
            })
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    if path != manifest {
        sources.push((path, workspace_text));
    }
    keys
}

/// The package of the dependency `key = value`: its `package`, else its key.
fn package_of<'a>(key: &'a str, value: &'a DeValue) -> &'a str {
    let package = value.as_table().and_then(|t| string(t, "package"));
    package.unwrap_or(key)
}

/// Whether the dependency `key = value` is status-core.
fn declares_runtime(key: &str, value: &DeValue) -> bool {
    match value.as_table().and_then(|t| string(t, "package")) {
        Some(package) => package == RUNTIME_PACKAGE,
        None => key == RUNTIME_PACKAGE,
    }
}

/// The path and text of the workspace root manifest of the package whose manifest is at
/// `manifest` (with document `root` and text `text`): itself if it has `[workspace]`, the
/// directory `package.workspace` names, else the first `Cargo.toml` with `[workspace]` above.
fn workspace_manifest(manifest: &Path, root: &DeTable, text: &str) -> Option<(PathBuf, String)> {
    if table(root, "workspace").is_some() {
        return Some((manifest.to_owned(), text.to_owned()));
    }
    let dir = manifest.parent()?;
    if let Some(explicit) = table(root, "package").and_then(|p| string(p, "workspace")) {
        let path = dir.join(explicit).join("Cargo.toml");
        let text = read_text(&path)?;
        return Some((path, text));
    }
    for ancestor in dir.ancestors().skip(1) {
        let path = ancestor.join("Cargo.toml");
        let Some(text) = read_text(&path) else {
            continue;
        };
        let is_workspace = DeTable::parse(&text)
            .is_ok_and(|document| table(document.get_ref(), "workspace").is_some());
        if is_workspace {
            return Some((path, text));
        }
    }
    None
}

/// The table at `key` of `table`, if it is one.
fn table<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a DeTable<'i>> {
    table.get(key)?.get_ref().as_table()
}

/// The string at `key` of `table`, if it is one.
fn string<'a>(table: &'a DeTable, key: &str) -> Option<&'a str> {
    table.get(key)?.get_ref().as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The name status-core has in the crate `crate_name` whose manifest is at `path`.
    fn runtime_name(path: &Path, crate_name: Option<&str>) -> String {
        crate::runtime_path::runtime_name(&read(path), crate_name)
    }

    /// A fresh directory under the system's temporary directory.
    fn temp_dir(name: &str) -> PathBuf {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "status-macros-manifest-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        drop(std::fs::remove_dir_all(&dir));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `text` to `dir/Cargo.toml`, creating `dir`, and returns the file's path.
    fn manifest(dir: &Path, text: &str) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join("Cargo.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    const PACKAGE: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2024\"\n";

    /// The path for a library target of a package with this manifest text.
    fn path_for(name: &str, text: &str) -> String {
        let dir = temp_dir(name);
        let path = manifest(&dir, &format!("{PACKAGE}{text}"));
        let result = runtime_name(&path, Some("app"));
        std::fs::remove_dir_all(dir).unwrap();
        result
    }

    #[test]
    fn plain_dependency_is_status_core() {
        let text = "[dependencies]\nstatus-core = { path = \"../status-core\" }\n";
        assert_eq!(path_for("plain", text), "status_core");
        let text = "[dependencies]\nserde = \"1\"\nstatus-core = \"0.1\"\n";
        assert_eq!(path_for("plain-version", text), "status_core");
    }

    #[test]
    fn renamed_dependency_is_its_key() {
        let text = "[dependencies]\nserde = \"1\"\nstatus = { package = \"status-core\", version = \"0.1\" }\n";
        assert_eq!(path_for("renamed", text), "status");
        let text = "[dependencies.http-status]\npackage = \"status-core\"\npath = \"x\"\n";
        assert_eq!(path_for("renamed-dashed", text), "http_status");
    }

    #[test]
    fn a_key_named_status_core_for_another_package_is_not_it() {
        let text =
            "[dependencies]\nstatus-core = { package = \"other-status\", version = \"1\" }\n";
        assert_eq!(path_for("impostor", text), "status_core");
        let text = "[dependencies]\nstatus-core = { package = \"other-status\", version = \"1\" }\n\
                    real = { package = \"status-core\", version = \"0.1\" }\n";
        assert_eq!(path_for("impostor-and-real", text), "real");
    }

    #[test]
    fn renamed_dev_dependency() {
        let text = "[dev-dependencies]\nst = { package = \"status-core\", path = \"x\" }\n";
        assert_eq!(path_for("dev", text), "st");
        let text = "[dev_dependencies]\nst = { package = \"status-core\", path = \"x\" }\n";
        assert_eq!(path_for("dev-underscore", text), "st");
    }

    #[test]
    fn normal_dependencies_come_before_dev_and_build_ones() {
        let text = "[dependencies]\nlib-name = { package = \"status-core\", version = \"0.1\" }\n\
                    [dev-dependencies]\ndev-name = { package = \"status-core\", version = \"0.1\" }\n\
                    [build-dependencies]\nbuild-name = { package = \"status-core\", version = \"0.1\" }\n";
        let dir = temp_dir("kinds");
        let path = manifest(&dir, &format!("{PACKAGE}{text}"));
        assert_eq!(runtime_name(&path, Some("app")), "lib_name");
        assert_eq!(runtime_name(&path, None), "lib_name");
        assert_eq!(
            runtime_name(&path, Some("build_script_build")),
            "build_name"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn target_specific_dependencies() {
        let text = "[target.'cfg(unix)'.dependencies]\nsu = { package = \"status-core\", version = \"0.1\" }\n";
        assert_eq!(path_for("target", text), "su");
        let text = "[target.x86_64-unknown-linux-gnu.dev-dependencies]\n\
                    td = { package = \"status-core\", version = \"0.1\" }\n";
        assert_eq!(path_for("target-dev", text), "td");
        let text = "[target.'cfg(windows)'.build-dependencies]\n\
                    tb = { package = \"status-core\", version = \"0.1\" }\n";
        let dir = temp_dir("target-build");
        let path = manifest(&dir, &format!("{PACKAGE}{text}"));
        assert_eq!(runtime_name(&path, Some("build_script_build")), "tb");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn workspace_inherited_rename() {
        let root = temp_dir("workspace");
        manifest(
            &root,
            "[workspace]\nmembers = [\"crates/app\"]\n\n[workspace.dependencies]\n\
             status = { package = \"status-core\", path = \"../status-core\" }\n\
             serde = \"1\"\n",
        );
        // Two levels down, with a directory without a manifest in between.
        let member = manifest(
            &root.join("crates/app"),
            &format!(
                "{PACKAGE}[dependencies]\nserde.workspace = true\nstatus = {{ workspace = true, features = [\"http\"] }}\n"
            ),
        );
        assert_eq!(runtime_name(&member, Some("app")), "status");
        // The member's answer follows an edit of the workspace manifest alone.
        manifest(
            &root,
            "[workspace]\nmembers = [\"crates/app\"]\n\n[workspace.dependencies]\n\
             renamed = { package = \"status-core\", path = \"../status-core\" }\n",
        );
        std::fs::write(
            &member,
            format!("{PACKAGE}[dependencies]\nrenamed = {{ workspace = true }}\n"),
        )
        .unwrap();
        assert_eq!(runtime_name(&member, Some("app")), "renamed");
        manifest(
            &root,
            "[workspace]\nmembers = [\"crates/app\"]\n\n[workspace.dependencies]\n\
             renamed = { package = \"other\", path = \"../other\" }\n",
        );
        assert_eq!(runtime_name(&member, Some("app")), "status_core");
        // An inherited dependency of another package is not it.
        let other = manifest(
            &root.join("crates/other"),
            &format!("{PACKAGE}[dependencies]\nserde = {{ workspace = true }}\n"),
        );
        assert_eq!(runtime_name(&other, Some("app")), "status_core");
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn workspace_inherited_plain_and_explicit_root() {
        let root = temp_dir("workspace-explicit");
        manifest(
            &root.join("ws"),
            "[workspace]\nmembers = [\"../app\"]\n[workspace.dependencies]\n\
             status-core = { path = \"x\" }\nsc = { package = \"status-core\", path = \"x\" }\n",
        );
        let member = manifest(
            &root.join("app"),
            "[package]\nname = \"app\"\nworkspace = \"../ws\"\n[dependencies]\nsc.workspace = true\n",
        );
        assert_eq!(runtime_name(&member, Some("app")), "sc");
        // A root package: the workspace table is in its own manifest.
        let root_package = manifest(
            &root.join("single"),
            &format!(
                "{PACKAGE}[workspace]\n[workspace.dependencies]\nrt = {{ package = \"status-core\", path = \"x\" }}\n\
                      [dependencies]\nrt = {{ workspace = true }}\n"
            ),
        );
        assert_eq!(runtime_name(&root_package, Some("app")), "rt");
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn an_edit_is_seen_in_the_manifest_and_in_the_workspace_manifest() {
        let root = temp_dir("edits");
        let workspace = |name: &str| {
            format!(
                "[workspace]\n[workspace.dependencies]\n{name} = {{ package = \"status-core\", path = \"x\" }}\n"
            )
        };
        manifest(&root, &workspace("first"));
        let member_text =
            |name: &str| format!("{PACKAGE}[dependencies]\n{name}.workspace = true\n");
        let member = manifest(&root.join("app"), &member_text("first"));
        assert_eq!(runtime_name(&member, None), "first");
        assert_eq!(runtime_name(&member, None), "first");
        manifest(&root, &workspace("second"));
        manifest(&root.join("app"), &member_text("second"));
        assert_eq!(runtime_name(&member, None), "second");
        manifest(
            &root.join("app"),
            &format!(
                "{PACKAGE}[dependencies]\nthird = {{ package = \"status-core\", version = \"0.1\" }}\n"
            ),
        );
        assert_eq!(runtime_name(&member, None), "third");
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn no_dependency_falls_back_to_status_core() {
        assert_eq!(
            path_for("none", "[dependencies]\nserde = \"1\"\n"),
            "status_core"
        );
        assert_eq!(path_for("empty", ""), "status_core");
        // Depending on the macros alone: the errors at `::status_core` stay.
        let text = "[dependencies]\nstatus-macros = \"0.1\"\n";
        assert_eq!(path_for("macros-only", text), "status_core");
        // Inherited from a workspace that does not declare it, or from no workspace at all.
        let text = "[dependencies]\nstatus = { workspace = true }\n";
        assert_eq!(path_for("no-workspace", text), "status_core");
    }

    #[test]
    fn unreadable_or_unparsable_manifest_falls_back() {
        let text = "[dependencies]\nstatus = { package = \"status-core\"\n";
        assert_eq!(path_for("unparsable", text), "status_core");
        let dir = temp_dir("missing");
        assert_eq!(runtime_name(&dir.join("Cargo.toml"), None), "status_core");
        // A directory where the file should be.
        std::fs::create_dir(dir.join("Cargo.toml")).unwrap();
        assert_eq!(runtime_name(&dir.join("Cargo.toml"), None), "status_core");
        std::fs::remove_dir_all(dir).unwrap();
        // Not UTF-8.
        let dir = temp_dir("binary");
        std::fs::write(dir.join("Cargo.toml"), b"[dependencies]\nst\xff = 1\n").unwrap();
        assert_eq!(runtime_name(&dir.join("Cargo.toml"), None), "status_core");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn status_core_itself_is_status_core() {
        let dir = temp_dir("itself");
        let path = manifest(
            &dir,
            "[package]\nname = \"status-core\"\n[dev-dependencies]\nother = { package = \"status-core\", path = \".\" }\n",
        );
        // Its tests and examples, by the package name.
        assert_eq!(runtime_name(&path, Some("some_test")), "status_core");
        // Its library, by the crate name, whatever the manifest.
        assert_eq!(
            runtime_name(&dir.join("nothing.toml"), Some("status_core")),
            "status_core"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn cargo_script_front_matter() {
        let dir = temp_dir("script");
        let script = dir.join("tool.rs");
        std::fs::write(
            &script,
            "#!/usr/bin/env cargo\n---cargo\n[dependencies]\ns = { package = \"status-core\", version = \"0.1\" }\n---\n\nfn main() {}\n",
        )
        .unwrap();
        assert_eq!(runtime_name(&script, Some("tool")), "s");
        assert_eq!(front_matter("fn main() {}"), None);
        assert_eq!(front_matter("----\na = 1\n----\n"), Some("a = 1\n"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn frameworks_at_other_versions() {
        let found = |text: &str| {
            let dir = temp_dir("frameworks");
            let path = manifest(&dir, text);
            parse(&path, text, &mut Vec::new()).other_frameworks
        };
        let other = |package: &str, requirement: &str| FrameworkRequirement {
            framework: Framework::of_package(package).unwrap(),
            requirement: requirement.to_owned(),
        };
        let both = "status-core = { version = \"0.1\", features = [\"axum\", \"actix-web\"] }";
        assert_eq!(
            found(&format!(
                "[package]\nname = \"app\"\n[dependencies]\n{both}\naxum = \"0.7\"\n\
                 actix-web = {{ version = \"^3.3.2\" }}\n"
            )),
            // In key order.
            [other("actix-web", "^3.3.2"), other("axum", "0.7")]
        );
        // A major version alone: judged when it is not axum's 0.
        assert_eq!(
            found(&format!(
                "[package]\nname = \"app\"\n[dependencies]\n{both}\naxum = \"1\"\n"
            )),
            [other("axum", "1")]
        );
        // A rename, of status-core too, and a target table.
        assert_eq!(
            found(
                "[package]\nname = \"app\"\n[dependencies]\nweb = { package = \"axum\", version = \"=0.6.20\" }\n\
                 status = { package = \"status-core\", version = \"0.1\", features = [\"axum\", \"actix-web\"] }\n\
                 [target.'cfg(unix)'.dependencies]\nactix-web = \"~2\"\n"
            ),
            [other("axum", "=0.6.20"), other("actix-web", "~2")]
        );
        // Only where this crate turns on status-core's feature for that framework, and only
        // its normal dependencies: a feature another crate turns on breaks nothing here.
        for unjudged in [
            "status-core = \"0.1\"\naxum = \"0.7\"",
            "status-core = { version = \"0.1\", features = [\"actix-web\"] }\naxum = \"0.7\"",
            "status-core = { version = \"0.1\", features = [\"axum\"] }\n[dev-dependencies]\naxum = \"0.7\"",
        ] {
            let text = format!("[package]\nname = \"app\"\n[dependencies]\n{unjudged}\n");
            assert_eq!(found(&text), [], "{unjudged}");
        }
        // The versions status-core implements, and requirements that may include them.
        for fine in [
            "axum = \"0.8\"",
            "axum = \"0.8.4\"",
            "axum = \"^0.8\"",
            "axum = \"0\"",
            "axum = \">=0.7\"",
            "axum = \"*\"",
            "axum = { workspace = true }",
            "axum = { path = \"../axum\" }",
            "actix-web = \"4\"",
            "actix-web = \"4.9.0\"",
            "actix-web = { version = \"4\", default-features = false }",
            "axum-extra = \"0.7\"",
        ] {
            let text = format!("[package]\nname = \"app\"\n[dependencies]\n{both}\n{fine}\n");
            assert_eq!(found(&text), [], "{fine}");
        }
    }

    #[test]
    fn frameworks_the_crate_depends_on() {
        let frameworks = |text: &str| {
            let dir = temp_dir("own-frameworks");
            let path = manifest(&dir, text);
            parse(&path, text, &mut Vec::new()).frameworks
        };
        assert_eq!(
            frameworks(
                "[package]\nname = \"app\"\n[dependencies]\nweb = { package = \"axum\", version = \"0.8\" }\n\
                 [target.'cfg(unix)'.dependencies]\nactix-web = \"4\"\n"
            ),
            [Framework::Axum, Framework::ActixWeb]
        );
        // Development and build dependencies are not what the crate serves with, and an
        // optional one may be off.
        assert_eq!(
            frameworks(
                "[package]\nname = \"app\"\n[dev-dependencies]\naxum = \"0.8\"\n\
                 [build-dependencies]\nactix-web = \"4\"\n\
                 [dependencies]\nactix-web = { version = \"4\", optional = true }\n"
            ),
            []
        );
    }
}
