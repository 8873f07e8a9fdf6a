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
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Api => "api",
            Channel::Demo => "demo",
        }
    }
}

/// The authenticated person or machine client behind a request. Made only by the identity
/// module from a session or an API token.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Whether the actor came through a session or a token.
    pub channel: Channel,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: i64,
    pub province: Option<String>,
}

impl Actor {
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
