use super::Role;

/// How a request reached Tashil: the audit log says so of every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A browser session (pages and htmx).
    Web,
    /// A machine client with an API token.
    Api,
    /// The demo data generator, acting as the demo's people.
    Demo,
    /// The operator at the command line.
    Cli,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Api => "api",
            Channel::Demo => "demo",
            Channel::Cli => "cli",
        }
    }
}

/// The authenticated person or machine client behind a request. Made only by the identity
/// module (from a session, an API token, the operator or a demo login): its fields are
/// private and [`Actor::new`] asks for a [`Mint`] that only identity can make, so no other
/// code can forge or alter an actor's role or province.
#[derive(Debug, Clone)]
pub struct Actor {
    channel: Channel,
    user_id: i64,
    email: String,
    display_name: String,
    role: Role,
    organisation_id: i64,
    province: Option<String>,
    time_zone: chrono_tz::Tz,
}

/// Identity's permission to make an actor (see `identity::mint`).
pub struct Mint(pub(crate) crate::identity::MintSeal);

/// Who an actor is, as identity read it.
pub struct ActorFacts {
    pub channel: Channel,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: i64,
    pub province: Option<String>,
    /// The zone of the actor's days: their province's office, or national staff's own.
    pub time_zone: chrono_tz::Tz,
}

impl Actor {
    pub fn new(_: Mint, f: ActorFacts) -> Actor {
        Actor {
            channel: f.channel,
            user_id: f.user_id,
            email: f.email,
            display_name: f.display_name,
            role: f.role,
            organisation_id: f.organisation_id,
            province: f.province,
            time_zone: f.time_zone,
        }
    }

    /// An actor for the access rules' own unit tests.
    #[cfg(test)]
    pub(crate) fn for_test(role: Role, province: Option<&str>, organisation_id: i64) -> Actor {
        Actor {
            channel: Channel::Web,
            user_id: 1,
            email: "x@example.org".into(),
            display_name: "x".into(),
            role,
            organisation_id,
            province: province.map(str::to_owned),
            time_zone: crate::kernel::clock::zone(province.unwrap_or("IR")),
        }
    }

    pub fn channel(&self) -> Channel {
        self.channel
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn organisation_id(&self) -> i64 {
        self.organisation_id
    }

    /// The province of the actor's authority (none for national roles).
    pub fn province(&self) -> Option<&str> {
        self.province.as_deref()
    }

    /// The zone in which the actor's days begin and end: the province's office's (Tehran,
    /// Hanoi time), or for national staff the zone they chose (docs/domain.md, "Time zones").
    pub fn time_zone(&self) -> chrono_tz::Tz {
        self.time_zone
    }

    /// How the audit log names this actor.
    pub fn label(&self) -> String {
        format!(
            "{} ({}, {})",
            self.email,
            self.role.as_str(),
            self.channel.as_str()
        )
    }
}
