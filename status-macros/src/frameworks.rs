//! The web frameworks whose error response traits the derive implements, through status-core's
//! features: their names, the versions status-core is built for, and whether a crate's
//! requirement of one asks for another version.

/// A web framework whose error response trait the derive implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Framework {
    Axum,
    ActixWeb,
}

impl Framework {
    pub const ALL: [Framework; 2] = [Framework::Axum, Framework::ActixWeb];

    /// How `response(...)` names it.
    pub fn word(self) -> &'static str {
        match self {
            Framework::Axum => "axum",
            Framework::ActixWeb => "actix_web",
        }
    }

    /// Its package, and the feature of status-core for it.
    pub fn package(self) -> &'static str {
        match self {
            Framework::Axum => "axum",
            Framework::ActixWeb => "actix-web",
        }
    }

    /// The version status-core implements, as written in messages.
    pub fn version(self) -> &'static str {
        match self {
            Framework::Axum => "0.8",
            Framework::ActixWeb => "4",
        }
    }

    /// The trait status-core implements for a `response` type.
    pub fn response_trait(self) -> &'static str {
        match self {
            Framework::Axum => "IntoResponse",
            Framework::ActixWeb => "ResponseError",
        }
    }

    /// The framework whose package is `package`.
    pub fn of_package(package: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.package() == package)
    }

    /// The major version status-core implements, and the minor one for a 0.x version, where
    /// it is the breaking part.
    fn implemented(self) -> (u64, Option<u64>) {
        match self {
            Framework::Axum => (0, Some(8)),
            Framework::ActixWeb => (4, None),
        }
    }
}

/// A dependency on a web framework at another version than status-core implements, as the
/// manifest asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkRequirement {
    pub framework: Framework,
    /// The version requirement, as written (`"0.7"`).
    pub requirement: String,
}

/// The requirement `requirement` of `framework`, if it asks for another version than
/// status-core implements. Only a plain requirement (`"0.7"`, `"^0.7.5"`, `"=4.2"`, `"~0.7"`)
/// is judged: a range, a wildcard or an inherited version might include the right one.
pub fn other_version(framework: Framework, requirement: &str) -> Option<FrameworkRequirement> {
    let (major, minor) = framework.implemented();
    let version = requirement
        .trim()
        .trim_start_matches(['^', '=', '~'])
        .trim();
    let mut numbers = version.split('.');
    let mut number = || numbers.next()?.parse::<u64>().ok();
    let (asked_major, asked_minor) = (number()?, number());
    let other =
        asked_major != major || (minor.is_some() && asked_minor.is_some_and(|m| Some(m) != minor));
    // `"0"` alone may mean any 0.x: not judged.
    let judged = minor.is_none() || asked_minor.is_some() || asked_major != major;
    (other && judged).then(|| FrameworkRequirement {
        framework,
        requirement: requirement.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_of_other_versions() {
        let other = |framework, requirement: &str| other_version(framework, requirement).is_some();
        for (framework, requirement) in [
            (Framework::Axum, "0.7"),
            (Framework::Axum, "=0.6.20"),
            (Framework::Axum, "1"),
            (Framework::ActixWeb, "^3.3.2"),
            (Framework::ActixWeb, "~2"),
        ] {
            assert!(other(framework, requirement), "{requirement}");
        }
        for (framework, requirement) in [
            (Framework::Axum, "0.8"),
            (Framework::Axum, "0.8.4"),
            (Framework::Axum, "^0.8"),
            (Framework::Axum, "0"),
            (Framework::Axum, ">=0.7"),
            (Framework::Axum, "*"),
            (Framework::ActixWeb, "4"),
            (Framework::ActixWeb, "4.9.0"),
        ] {
            assert!(!other(framework, requirement), "{requirement}");
        }
        assert_eq!(
            other_version(Framework::Axum, " 0.7 ").map(|other| other.requirement),
            Some(" 0.7 ".to_owned())
        );
    }
}
