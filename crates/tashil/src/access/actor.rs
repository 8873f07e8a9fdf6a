use super::Role;

/// The authenticated person or machine client behind a request. Made only by the identity
/// module from a session or an API token.
#[derive(Debug, Clone)]
pub struct Actor {
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
        format!("{} ({})", self.email, self.role.as_str())
    }
}
