//! Domain rules of a production unit: what a valid unit is. Input arrives as a [`UnitDraft`]
//! of raw strings (a form, a JSON body or a spreadsheet row) and is parsed once into a
//! [`ValidUnit`]; nothing invalid gets past [`UnitDraft::validate`].

use serde::{Deserialize, Serialize};
use tashil_reference::{Country, Province};
use tashil_text::ids::{IranLegalId, IranPersonalCode, VietnamEnterpriseCode};
use tashil_text::normalize::as_written;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    Micro,
    Small,
    Medium,
    Large,
}

impl SizeClass {
    pub const ALL: [SizeClass; 4] = [
        SizeClass::Micro,
        SizeClass::Small,
        SizeClass::Medium,
        SizeClass::Large,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SizeClass::Micro => "micro",
            SizeClass::Small => "small",
            SizeClass::Medium => "medium",
            SizeClass::Large => "large",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    Active,
    Idle,
    Closed,
}

impl UnitStatus {
    pub const ALL: [UnitStatus; 3] = [UnitStatus::Active, UnitStatus::Idle, UnitStatus::Closed];
    pub fn as_str(self) -> &'static str {
        match self {
            UnitStatus::Active => "active",
            UnitStatus::Idle => "idle",
            UnitStatus::Closed => "closed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

pub use crate::kernel::FieldError;

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProductDraft {
    pub name: String,
    pub hs_code: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QcManagerDraft {
    pub full_name: String,
    pub national_code: String,
}

/// A unit as typed: every field a string, to be parsed by [`UnitDraft::validate`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UnitDraft {
    pub national_id: String,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
    pub province: String,
    pub city: String,
    pub isic_class: String,
    pub size_class: String,
    pub knowledge_based: bool,
    pub status: String,
    pub products: Vec<ProductDraft>,
    pub qc_managers: Vec<QcManagerDraft>,
}

/// A unit that satisfies every rule, in its stored normal form.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidUnit {
    pub country: Country,
    pub national_id: String,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
    pub province: &'static Province,
    pub city: String,
    pub isic_class: String,
    pub isic_section: String,
    pub size_class: SizeClass,
    pub knowledge_based: bool,
    pub status: UnitStatus,
    pub products: Vec<(String, String)>,
    pub qc_managers: Vec<(String, String)>,
    /// When the unit was registered, if not now (demo data and migrations from older systems).
    pub registered_at: Option<chrono::DateTime<chrono::Utc>>,
}

const MAX_NAME: usize = 300;

impl UnitDraft {
    pub fn validate(&self) -> Result<ValidUnit, Vec<FieldError>> {
        let mut errs = Vec::new();
        let by_code = tashil_reference::province(self.province.trim());
        let province = match by_code
            .or_else(|| tashil_reference::find_province(&self.province).map(|m| m.province()))
        {
            Some(p) => Some(p),
            None => {
                errs.push(FieldError::new(
                    "province",
                    if self.province.trim().is_empty() {
                        "required"
                    } else {
                        "unknown_province"
                    },
                ));
                None
            }
        };
        let country = province.map(|p| p.country);
        let national_id = match country {
            Some(c) => parse_national_id(c, &self.national_id)
                .map_err(|code| errs.push(FieldError::new("national_id", code)))
                .ok(),
            None => None,
        };
        let name_fa = as_written(&self.name_fa);
        let name_en = as_written(&self.name_en);
        let name_vi = as_written(&self.name_vi);
        for (field, v) in [
            ("name_fa", &name_fa),
            ("name_en", &name_en),
            ("name_vi", &name_vi),
        ] {
            if v.chars().count() > MAX_NAME {
                errs.push(FieldError::new(field, "too_long"));
            }
        }
        // The name in the province's own language is required; the others are optional.
        match country {
            Some(Country::Ir) if name_fa.is_empty() => {
                errs.push(FieldError::new("name_fa", "required"))
            }
            Some(Country::Vn) if name_vi.is_empty() => {
                errs.push(FieldError::new("name_vi", "required"))
            }
            _ => {}
        }
        let city = crate::kernel::capped("city", &self.city, MAX_NAME, &mut errs);
        if city.is_empty() {
            errs.push(FieldError::new("city", "required"));
        }
        let isic_code = tashil_text::digits::to_ascii_digits(self.isic_class.trim());
        let isic = tashil_reference::isic::class(&isic_code);
        if isic.is_none() {
            errs.push(FieldError::new(
                "isic_class",
                if isic_code.is_empty() {
                    "required"
                } else {
                    "unknown_isic_class"
                },
            ));
        }
        let size_class = SizeClass::parse(&self.size_class);
        if size_class.is_none() {
            errs.push(FieldError::new("size_class", "invalid_choice"));
        }
        let status = if self.status.trim().is_empty() {
            Some(UnitStatus::Active)
        } else {
            UnitStatus::parse(&self.status)
        };
        if status.is_none() {
            errs.push(FieldError::new("status", "invalid_choice"));
        }
        let mut products = Vec::new();
        for (i, p) in self.products.iter().enumerate() {
            if p.name.trim().is_empty() && p.hs_code.trim().is_empty() {
                continue;
            }
            let name =
                crate::kernel::capped(&format!("products[{i}].name"), &p.name, MAX_NAME, &mut errs);
            if name.is_empty() {
                errs.push(FieldError::new(format!("products[{i}].name"), "required"));
            }
            match parse_hs_code(&p.hs_code) {
                Ok(hs) => products.push((name, hs)),
                Err(code) => errs.push(FieldError::new(format!("products[{i}].hs_code"), code)),
            }
        }
        let mut qc_managers = Vec::new();
        for (i, q) in self.qc_managers.iter().enumerate() {
            if q.full_name.trim().is_empty() && q.national_code.trim().is_empty() {
                continue;
            }
            let name = crate::kernel::capped(
                &format!("qc_managers[{i}].full_name"),
                &q.full_name,
                MAX_NAME,
                &mut errs,
            );
            if name.is_empty() {
                errs.push(FieldError::new(
                    format!("qc_managers[{i}].full_name"),
                    "required",
                ));
            }
            match country.map(|c| parse_personal_code(c, &q.national_code)) {
                Some(Ok(code)) => qc_managers.push((name, code)),
                Some(Err(code)) => errs.push(FieldError::new(
                    format!("qc_managers[{i}].national_code"),
                    code,
                )),
                None => {}
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let (
            Some(province),
            Some(country),
            Some(national_id),
            Some(isic),
            Some(size_class),
            Some(status),
        ) = (province, country, national_id, isic, size_class, status)
        else {
            return Err(vec![FieldError::new("unit", "invalid")]);
        };
        Ok(ValidUnit {
            country,
            national_id,
            name_fa,
            name_en,
            name_vi,
            province,
            city,
            isic_class: isic.code.to_string(),
            isic_section: isic.section().letter.to_string(),
            size_class,
            knowledge_based: self.knowledge_based,
            status,
            products,
            qc_managers,
            registered_at: None,
        })
    }
}

/// Iran: the 11-digit legal-entity ID; Vietnam: the 10-digit enterprise code (with branch).
pub fn parse_national_id(country: Country, raw: &str) -> Result<String, &'static str> {
    if raw.trim().is_empty() {
        return Err("required");
    }
    match country {
        Country::Ir => IranLegalId::parse(raw)
            .map(|v| v.as_str().to_string())
            .map_err(|e| e.code()),
        Country::Vn => VietnamEnterpriseCode::parse(raw)
            .map(|v| v.as_str().to_string())
            .map_err(|e| e.code()),
    }
}

/// Iran: the 10-digit personal code with its check digit; Vietnam: the 12-digit citizen ID
/// (căn cước), which has no check digit.
pub fn parse_personal_code(country: Country, raw: &str) -> Result<String, &'static str> {
    match country {
        Country::Ir => IranPersonalCode::parse(raw)
            .map(|v| v.as_str().to_string())
            .map_err(|e| e.code()),
        Country::Vn => {
            let d = tashil_text::clean::digits_only_id(raw);
            if d.len() == 12 && d.bytes().all(|b| b.is_ascii_digit()) {
                Ok(d)
            } else {
                Err("id_wrong_length")
            }
        }
    }
}

/// HS codes: 6 digits (the international subheading) or a national 8/10-digit extension;
/// dots and spaces as typed in tariff books are dropped; chapter 01–97.
pub fn parse_hs_code(raw: &str) -> Result<String, &'static str> {
    crate::kernel::hs_digits(raw, |n| matches!(n, 6 | 8 | 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes_accept_tariff_book_spellings() {
        assert_eq!(parse_hs_code("2523.29").unwrap(), "252329");
        assert_eq!(parse_hs_code("۷۲۱۴.۲۰.۰۰").unwrap(), "72142000");
        assert!(parse_hs_code("7700.00").is_err());
        assert!(parse_hs_code("12345").is_err());
    }
}
